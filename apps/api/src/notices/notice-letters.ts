import type {
  ClosureReason,
  EligibilityFailure,
  Locale,
  NoticeLetter,
  NoticeType,
} from '@pathways/contracts';
import { PROGRAM_TIME_ZONE } from '@pathways/domain';

/** What a letter is rendered from: numbers, dates, organization names and codes. Never a name or free text. */
export interface LetterInput {
  type: NoticeType;
  referenceNumber: string | null;
  sentAt: Date;
  retainUntil: Date;
  facts: Record<string, string | null>;
  toOrgName: string | null;
  fromOrgName: string | null;
}

interface Words {
  dateLocale: string;
  unknownDate: string;
  header: (sent: string, from: string, to: string, ref: string) => string;
  footer: (retain: string) => string;
  informational: string;
  decisionReturns: string;
  titles: Record<NoticeType, string>;
  ack: (received: string, acknowledged: string, due: string) => string[];
  noProgram: (received: string, due: string) => string[];
  enrolled: (enrolled: string) => string[];
  completion: (completed: string) => string[];
  unableToContact: string;
  declined: string;
  endedUncompleted: (closed: string, reason: string | null) => string;
  decided: (decided: string) => string;
  ineligible: (received: string) => string;
  criteriaNotMet: (list: string) => string;
  failures: Record<EligibilityFailure, string>;
  closureReasons: Record<ClosureReason, string>;
}

const EN: Words = {
  dateLocale: 'en-US',
  unknownDate: 'an unrecorded date',
  header: (sent, from, to, ref) => `${sent}. From ${from} to ${to}. Referral ${ref}.`,
  footer: (retain) =>
    `This letter carries no names and no details of the matter beyond its reference number. Keep it until at least ${retain}.`,
  informational:
    'Participation in this program is voluntary. This notice is for your information only and calls for no action.',
  decisionReturns: 'The decision on this referral returns to your agency.',
  titles: {
    REFERRAL_ACK: 'Referral acknowledged',
    NO_PROGRAM_20_DAY: 'Notice under WIC 652.5: no service program within 20 days',
    ENROLLED: 'Enrollment in the program',
    COMPLETION_827_95: 'Notice of satisfactory completion (WIC 827.95)',
    UNSUCCESSFUL_RETURN: 'Referral returned: program not completed',
    INELIGIBLE_RETURN: 'Referral returned: not eligible',
  },
  ack: (received, acknowledged, due) => [
    `We received this referral on ${received} and acknowledged it on ${acknowledged}.`,
    `Under Welfare and Institutions Code section 652.5, a service program is to begin by ${due}. If it has not begun by then, we will notify you in writing.`,
  ],
  noProgram: (received, due) => [
    `A service program for this referral, received on ${received}, had not begun within 20 calendar days (by ${due}).`,
    'This notice is given under Welfare and Institutions Code section 652.5. Keep it for at least 30 days.',
  ],
  enrolled: (enrolled) => [`The youth referred enrolled in the program on ${enrolled}.`],
  completion: (completed) => [
    `The youth referred satisfactorily completed the program on ${completed}.`,
    'This notice is given under Welfare and Institutions Code section 827.95: the law enforcement record of this diversion is confidential and is to be sealed.',
  ],
  unableToContact:
    'We could not reach the family: we made at least three attempts, in at least two ways, within ten business days.',
  declined: 'The family declined to take part in the program offered.',
  endedUncompleted: (closed, reason) =>
    `The program ended on ${closed} without being completed${reason ? ` (${reason})` : ''}.`,
  decided: (decided) => `Date of the decision: ${decided}.`,
  ineligible: (received) =>
    `This referral, received on ${received}, does not meet the program's eligibility criteria.`,
  criteriaNotMet: (list) => `Criteria not met: ${list}.`,
  failures: {
    AGE_OUT_OF_RANGE: 'age at the incident outside 6 to 18',
    EXCLUDED_REASON_CODE: 'a reason excluded from diversion (WIC 654.3)',
    RESTITUTION_OVER_LIMIT: 'restitution estimated above $5,000',
  },
  closureReasons: {
    COMPLETED_ALL_GOALS: 'all goals completed',
    COMPLETED_MOST_GOALS: 'most goals completed',
    NON_PARTICIPATION: 'non-participation',
    WITHDREW: 'the family withdrew',
    NEW_LAW_ENFORCEMENT_CONTACT: 'a new law enforcement contact',
    MOVED: 'the family moved',
    HIGHER_LEVEL_OF_CARE: 'referred to a higher level of care',
    INELIGIBLE_DISCOVERED: 'found not to be eligible',
    UNABLE_TO_LOCATE: 'the family could not be located',
    AGED_OUT: 'aged out of the program',
    OTHER: 'another reason',
  },
};

const ES: Words = {
  dateLocale: 'es-US',
  unknownDate: 'una fecha no registrada',
  header: (sent, from, to, ref) => `${sent}. De ${from} a ${to}. Remisión ${ref}.`,
  footer: (retain) =>
    `Esta carta no contiene nombres ni detalles del asunto más allá de su número de referencia. Consérvela al menos hasta el ${retain}.`,
  informational:
    'La participación en este programa es voluntaria. Este aviso es solo informativo y no requiere ninguna acción.',
  decisionReturns: 'La decisión sobre esta remisión vuelve a su agencia.',
  titles: {
    REFERRAL_ACK: 'Acuse de recibo de la remisión',
    NO_PROGRAM_20_DAY: 'Aviso conforme al WIC 652.5: sin programa de servicios en 20 días',
    ENROLLED: 'Inscripción en el programa',
    COMPLETION_827_95: 'Aviso de finalización satisfactoria (WIC 827.95)',
    UNSUCCESSFUL_RETURN: 'Remisión devuelta: programa no completado',
    INELIGIBLE_RETURN: 'Remisión devuelta: no es elegible',
  },
  ack: (received, acknowledged, due) => [
    `Recibimos esta remisión el ${received} y acusamos recibo el ${acknowledged}.`,
    `Conforme a la sección 652.5 del Código de Bienestar e Instituciones, el programa de servicios debe comenzar a más tardar el ${due}. Si no ha comenzado para entonces, se lo notificaremos por escrito.`,
  ],
  noProgram: (received, due) => [
    `El programa de servicios de esta remisión, recibida el ${received}, no había comenzado dentro de los 20 días naturales (a más tardar el ${due}).`,
    'Este aviso se da conforme a la sección 652.5 del Código de Bienestar e Instituciones. Consérvelo al menos 30 días.',
  ],
  enrolled: (enrolled) => [`La persona joven remitida se inscribió en el programa el ${enrolled}.`],
  completion: (completed) => [
    `La persona joven remitida completó satisfactoriamente el programa el ${completed}.`,
    'Este aviso se da conforme a la sección 827.95 del Código de Bienestar e Instituciones: el registro policial de esta derivación es confidencial y debe sellarse.',
  ],
  unableToContact:
    'No pudimos comunicarnos con la familia: hicimos al menos tres intentos, por al menos dos medios, en diez días hábiles.',
  declined: 'La familia decidió no participar en el programa ofrecido.',
  endedUncompleted: (closed, reason) =>
    `El programa terminó el ${closed} sin completarse${reason ? ` (${reason})` : ''}.`,
  decided: (decided) => `Fecha de la decisión: ${decided}.`,
  ineligible: (received) =>
    `Esta remisión, recibida el ${received}, no cumple los criterios de elegibilidad del programa.`,
  criteriaNotMet: (list) => `Criterios no cumplidos: ${list}.`,
  failures: {
    AGE_OUT_OF_RANGE: 'edad en la fecha del incidente fuera del rango de 6 a 18 años',
    EXCLUDED_REASON_CODE: 'un motivo excluido de la derivación (WIC 654.3)',
    RESTITUTION_OVER_LIMIT: 'restitución estimada superior a 5.000 dólares',
  },
  closureReasons: {
    COMPLETED_ALL_GOALS: 'todas las metas cumplidas',
    COMPLETED_MOST_GOALS: 'la mayoría de las metas cumplidas',
    NON_PARTICIPATION: 'falta de participación',
    WITHDREW: 'la familia se retiró',
    NEW_LAW_ENFORCEMENT_CONTACT: 'un nuevo contacto con la policía',
    MOVED: 'la familia se mudó',
    HIGHER_LEVEL_OF_CARE: 'remitida a un nivel de atención mayor',
    INELIGIBLE_DISCOVERED: 'se determinó que no era elegible',
    UNABLE_TO_LOCATE: 'no se pudo localizar a la familia',
    AGED_OUT: 'superó la edad del programa',
    OTHER: 'otro motivo',
  },
};

const WORDS: Record<Locale, Words> = { en: EN, es: ES };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** An instant as its Pacific calendar date; a calendar date (`YYYY-MM-DD`, as case closure records it) as itself. */
function formatDate(value: Date | string | null | undefined, w: Words): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return formatter(w.dateLocale, 'UTC').format(new Date(`${value}T12:00:00Z`));
  const at = value instanceof Date ? value : value ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) return w.unknownDate;
  return formatter(w.dateLocale, PROGRAM_TIME_ZONE).format(at);
}

function isFailure(code: string, w: Words): code is EligibilityFailure {
  return Object.prototype.hasOwnProperty.call(w.failures, code);
}

function isClosureReason(code: string | null | undefined, w: Words): code is ClosureReason {
  return !!code && Object.prototype.hasOwnProperty.call(w.closureReasons, code);
}

/**
 * The letter of a notice in `language`: a title and plain paragraphs. Built only from the reference number, dates,
 * organization names and codes it translates, so it names no one and quotes no narrative or note, sealed or not.
 */
export function renderLetter(n: LetterInput, language: Locale): NoticeLetter {
  const w = WORDS[language];
  const f = n.facts;
  const d = (key: string) => formatDate(f[key], w);
  const ref = n.referenceNumber ?? '—';
  const sent = formatDate(n.sentAt, w);
  const outcomeLine = () => (f.informational === 'true' ? w.informational : w.decisionReturns);
  let body: string[];
  switch (n.type) {
    case 'REFERRAL_ACK':
      body = w.ack(d('receivedAt'), formatDate(f.acknowledgedAt ?? n.sentAt, w), d('dueServiceStartAt'));
      break;
    case 'NO_PROGRAM_20_DAY':
      body = w.noProgram(d('receivedAt'), d('dueServiceStartAt'));
      break;
    case 'ENROLLED':
      body = w.enrolled(formatDate(f.enrolledAt ?? n.sentAt, w));
      break;
    case 'COMPLETION_827_95':
      body = w.completion(formatDate(f.completedAt ?? f.closedAt ?? n.sentAt, w));
      break;
    case 'UNSUCCESSFUL_RETURN': {
      const first =
        f.outcome === 'UNABLE_TO_CONTACT'
          ? w.unableToContact
          : f.outcome === 'DECLINED'
            ? w.declined
            : w.endedUncompleted(
                formatDate(f.closedAt ?? f.decidedAt ?? n.sentAt, w),
                isClosureReason(f.closureReason, w) ? w.closureReasons[f.closureReason] : null,
              );
      body = [first, w.decided(formatDate(f.decidedAt ?? f.closedAt ?? n.sentAt, w)), outcomeLine()];
      break;
    }
    case 'INELIGIBLE_RETURN': {
      const failures = (f.failures ?? '')
        .split(',')
        .filter((c) => isFailure(c, w))
        .map((c) => w.failures[c]);
      body = [
        w.ineligible(d('receivedAt')),
        ...(failures.length ? [w.criteriaNotMet(failures.join('; '))] : []),
        w.decided(formatDate(f.decidedAt ?? n.sentAt, w)),
        outcomeLine(),
      ];
      break;
    }
  }
  return {
    language,
    title: w.titles[n.type],
    paragraphs: [
      w.header(sent, n.fromOrgName ?? '—', n.toOrgName ?? '—', ref),
      ...body,
      w.footer(formatDate(n.retainUntil, w)),
    ],
  };
}
