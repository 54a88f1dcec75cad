import { Anchor, Box, Button, Card, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type {
  GenderIdentity,
  GuardianRelationship,
  IncidentLocation,
  Pathway,
  Priority,
  RaceEthnicity,
  ReferralDetail,
  Resource,
} from '@pathways/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatList, languageName } from '../../../lib/format';
import { gradeLabel } from './options';

export interface SummaryModel {
  youth: {
    name: string | null;
    preferredName: string | null;
    dateOfBirth: string | null;
    genderIdentity: GenderIdentity | null;
    raceEthnicity: RaceEthnicity[];
    primaryLanguage: string | null;
    existingRecord: boolean;
  };
  incident: {
    schoolName: string | null;
    grade: number | null;
    incidentAt: string | null;
    location: IncidentLocation | null;
    pathway: Pathway | null;
    reasonLabels: string[];
    priority: Priority | null;
    policeReportNumber: string | null;
    victimInvolved: boolean | null;
    restitutionEstimate: number | null;
    narrative: string | null;
  };
  guardians: {
    name: string;
    relationship: GuardianRelationship | null;
    phone: string;
    email: string | null;
    preferredLanguage: string | null;
    interpreterNeeded: boolean;
  }[];
  resources: Pick<Resource, 'id' | 'name' | 'phone'>[];
}

export type SummarySection = 'youth' | 'incident' | 'guardians' | 'resources';

interface ReferralSummaryProps {
  model: SummaryModel;
  headingOrder?: TitleOrder;
  /** Review step: an "Edit" button per section that goes back to its step. */
  onEdit?: (section: SummarySection) => void;
  /** Print: no cards, no buttons. */
  plain?: boolean;
}

/** A referral read from a ReferralDetail (detail page, print view). */
export function summaryFromDetail(
  detail: ReferralDetail,
  reasonLabel: (code: string) => string,
  resources: Resource[] | undefined,
): SummaryModel {
  const byId = new Map((resources ?? []).map((r) => [r.id, r]));
  return {
    youth: {
      name: detail.youth ? `${detail.youth.firstName} ${detail.youth.lastName}` : null,
      preferredName: detail.youth?.preferredName ?? null,
      dateOfBirth: detail.youth?.dateOfBirth ?? null,
      genderIdentity: detail.youth?.genderIdentity ?? null,
      raceEthnicity: detail.youth?.raceEthnicity ?? [],
      primaryLanguage: detail.youth?.primaryLanguage ?? null,
      existingRecord: false,
    },
    incident: {
      schoolName: detail.schoolName,
      grade: detail.grade,
      incidentAt: detail.incidentAt,
      location: detail.incidentLocation,
      pathway: detail.pathway,
      reasonLabels: detail.reasonCodes.map(reasonLabel),
      priority: detail.priority,
      policeReportNumber: detail.policeReportNumber,
      victimInvolved: detail.victimInvolved,
      restitutionEstimate: detail.restitutionEstimate,
      narrative: detail.narrative,
    },
    guardians: detail.guardians.map((g) => ({ ...g })),
    resources: detail.recommendedResourceIds.map((id) => byId.get(id) ?? { id, name: id, phone: null }),
  };
}

/**
 * A definition list laid out as a grid that wraps on its own (no media-query style tag, which a `<dl>` may not
 * contain): one column on a phone, two or more on wider screens.
 */
function Facts({ children }: { children: ReactNode }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))',
        gap: 'var(--mantine-spacing-sm)',
      }}
    >
      {children}
    </Box>
  );
}

function Row({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div style={{ minWidth: 0, gridColumn: wide ? '1 / -1' : undefined }}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function ReferralSummary({ model, headingOrder = 3, onEdit, plain = false }: ReferralSummaryProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
  const yesNo = (value: boolean | null) =>
    value === null ? null : value ? t('referrals.yes') : t('referrals.no');
  const lang = (code: string | null) => (code ? languageName(code, locale) : null);

  const section = (key: SummarySection, title: string, body: ReactNode) => {
    const headingId = `summary-${key}`;
    const content = (
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={headingOrder} size="h4" id={headingId}>
            {title}
          </Title>
          {onEdit ? (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => onEdit(key)}
              aria-label={t('referrals.review.editNamed', { section: title })}
            >
              {t('referrals.review.edit')}
            </Button>
          ) : null}
        </Group>
        {body}
      </Stack>
    );
    return plain ? (
      <section key={key} aria-labelledby={headingId} className="print-section">
        {content}
      </section>
    ) : (
      <Card key={key} withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
        {content}
      </Card>
    );
  };

  const { youth, incident } = model;
  return (
    <Stack gap="md">
      {section(
        'youth',
        t('referrals.steps.youth'),
        <Facts>
          <Row label={t('referrals.summary.name')}>
            {youth.name ?? (youth.existingRecord ? t('referrals.youth.existingUnnamed') : null)}
          </Row>
          <Row label={t('referrals.youth.preferredName')}>{youth.preferredName}</Row>
          <Row label={t('referrals.youth.dateOfBirth')}>{formatDate(youth.dateOfBirth, locale)}</Row>
          <Row label={t('referrals.youth.primaryLanguage')}>{lang(youth.primaryLanguage)}</Row>
          <Row label={t('referrals.youth.genderIdentity')}>
            {youth.genderIdentity ? t(`common.gender.${youth.genderIdentity}`) : null}
          </Row>
          <Row label={t('referrals.youth.raceEthnicity')}>
            {youth.raceEthnicity.length
              ? formatList(
                  youth.raceEthnicity.map((r) => t(`common.race.${r}`)),
                  locale,
                )
              : null}
          </Row>
        </Facts>,
      )}
      {section(
        'incident',
        t('referrals.steps.incident'),
        <Facts>
          <Row label={t('referrals.incident.school')}>{incident.schoolName}</Row>
          <Row label={t('referrals.incident.grade')}>{gradeLabel(incident.grade, t)}</Row>
          <Row label={t('referrals.incident.incidentAt')}>{formatDateTime(incident.incidentAt, locale)}</Row>
          <Row label={t('referrals.incident.location')}>
            {incident.location ? t(`referrals.locations.${incident.location}`) : null}
          </Row>
          <Row label={t('referrals.incident.pathway')}>
            {incident.pathway ? t(`referrals.pathways.${incident.pathway}`) : null}
          </Row>
          <Row label={t('referrals.incident.reasonCodes')}>
            {incident.reasonLabels.length ? formatList(incident.reasonLabels, locale) : null}
          </Row>
          <Row label={t('referrals.incident.priority')}>
            {incident.priority ? t(`referrals.priorities.${incident.priority}`) : null}
          </Row>
          <Row label={t('referrals.incident.policeReportNumber')}>{incident.policeReportNumber}</Row>
          <Row label={t('referrals.incident.victimInvolved')}>{yesNo(incident.victimInvolved)}</Row>
          <Row label={t('referrals.incident.restitutionEstimate')}>
            {incident.restitutionEstimate === null ? null : money.format(incident.restitutionEstimate)}
          </Row>
          <Row label={t('referrals.incident.narrative')} wide>
            {incident.narrative ? <span style={{ whiteSpace: 'pre-wrap' }}>{incident.narrative}</span> : null}
          </Row>
        </Facts>,
      )}
      {section(
        'guardians',
        t('referrals.steps.guardians'),
        model.guardians.length === 0 ? (
          <Text c="dimmed">{t('referrals.summary.none')}</Text>
        ) : (
          <Stack gap="md">
            {model.guardians.map((g, index) => (
              <Facts key={index}>
                <Row label={t('referrals.guardians.name')}>
                  {g.relationship ? `${g.name} (${t(`referrals.relationships.${g.relationship}`)})` : g.name}
                </Row>
                <Row label={t('referrals.guardians.phone')}>
                  {g.phone ? (
                    plain ? (
                      g.phone
                    ) : (
                      <Anchor href={`tel:${g.phone.replace(/[^\d+]/g, '')}`}>{g.phone}</Anchor>
                    )
                  ) : null}
                </Row>
                <Row label={t('referrals.guardians.email')}>{g.email}</Row>
                <Row label={t('referrals.guardians.preferredLanguage')}>
                  {g.preferredLanguage
                    ? g.interpreterNeeded
                      ? t('referrals.summary.withInterpreter', { language: lang(g.preferredLanguage) })
                      : lang(g.preferredLanguage)
                    : null}
                </Row>
              </Facts>
            ))}
          </Stack>
        ),
      )}
      {section(
        'resources',
        t('referrals.steps.resources'),
        model.resources.length === 0 ? (
          <Text c="dimmed">{t('referrals.summary.noResources')}</Text>
        ) : (
          <Stack gap={4} component="ul" m={0} pl="md">
            {model.resources.map((r) => (
              <Text component="li" key={r.id}>
                {r.phone ? `${r.name} · ${r.phone}` : r.name}
              </Text>
            ))}
          </Stack>
        ),
      )}
    </Stack>
  );
}
