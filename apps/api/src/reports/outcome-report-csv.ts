import type { OutcomeReport, ReportCell, ReportCount, ReportRate } from '@pathways/contracts';
import { suppressedLabel } from '@pathways/domain';
import { toCsv } from '../common/csv';

type Row = (string | number | null)[];

const HEADER = ['section', 'breakdown', 'key', 'label', 'measure', 'value'];

/**
 * The outcome report as de-identified CSV, one value per line (`section, breakdown, key, label, measure, value`):
 * aggregates only, never a youth's name or id. A suppressed count reads "<11" (the threshold); a rate with nothing
 * to show is empty. Cells go through `csvCell`, so a label starting with `=` cannot run as a formula.
 */
export function outcomeReportCsv(r: OutcomeReport): string {
  const hidden = suppressedLabel(r.suppressionThreshold);
  const count = (n: ReportCount) => (n === null ? hidden : n);
  const rows: Row[] = [];
  const add = (
    section: string,
    breakdown: string,
    key: string,
    label: string,
    measure: string,
    value: Row[number],
  ) => rows.push([section, breakdown, key, label, measure, value]);
  const cells = (section: string, breakdown: string, list: ReportCell[]) => {
    for (const c of list) add(section, breakdown, c.key, c.label ?? '', 'count', count(c.count));
  };
  const rate = (section: string, breakdown: string, key: string, x: ReportRate, measure = '') => {
    add(section, breakdown, key, '', `${measure}numerator`, count(x.numerator));
    add(section, breakdown, key, '', `${measure}denominator`, count(x.denominator));
    add(section, breakdown, key, '', `${measure}rate`, x.rate);
  };

  add('report', '', '', '', 'from', r.period.from);
  add('report', '', '', '', 'to', r.period.to);
  add('report', '', '', '', 'groupBy', r.period.groupBy);
  add('report', '', '', '', 'asOf', r.period.asOf);
  add('report', '', '', '', 'scope', r.scope);
  add('report', '', '', '', 'schoolId', r.filters.schoolId);
  add('report', '', '', '', 'schoolLevel', r.filters.schoolLevel);
  add('report', '', '', '', 'pathway', r.filters.pathway);
  add('report', '', '', '', 'suppressed', String(r.suppressed));
  add('report', '', '', '', 'suppressionThreshold', r.suppressionThreshold);

  add('volume', 'total', '', '', 'count', count(r.volume.total));
  cells('volume', 'byPeriod', r.volume.byPeriod);
  cells('volume', 'bySchool', r.volume.bySchool);
  cells('volume', 'bySchoolLevel', r.volume.bySchoolLevel);
  cells('volume', 'byReasonCategory', r.volume.byReasonCategory);
  cells('volume', 'byPathway', r.volume.byPathway);
  cells('volume', 'byPriority', r.volume.byPriority);

  rate('diversionRate', '', '', r.diversionRate);
  add('diversionRate', '', '', '', 'citationsAndCustody', count(r.diversionRate.citationsAndCustody));

  for (const f of r.funnel) {
    add('funnel', '', f.step, '', 'count', count(f.count));
    add('funnel', '', f.step, '', 'conversion', f.conversion);
  }

  for (const s of r.sla) {
    add('sla', '', s.clock, '', 'met', count(s.met));
    add('sla', '', s.clock, '', 'missed', count(s.missed));
    add('sla', '', s.clock, '', 'pending', count(s.pending));
    add('sla', '', s.clock, '', 'rate', s.rate);
  }

  rate('completion', 'rate', '', r.completion.rate);
  cells('completion', 'byOutcome', r.completion.byOutcome);
  cells('completion', 'closureReasons', r.completion.closureReasons);

  for (const w of r.recidivism) {
    rate('recidivism', w.window, '', w.rate);
    add('recidivism', w.window, '', '', 'notElapsed', count(w.notElapsed));
  }

  for (const c of [...r.caseload.rows, r.caseload.total]) {
    add('caseload', 'counselor', c.key, c.label ?? '', 'open', count(c.open));
    for (const [bucket, n] of Object.entries(c.aging))
      add('caseload', 'counselor', c.key, c.label ?? '', `aging ${bucket}`, count(n));
  }

  for (const d of [...r.dosage.rows, r.dosage.total]) {
    add('dosage', 'serviceType', d.key, d.label ?? '', 'youth', count(d.youth));
    add('dosage', 'serviceType', d.key, d.label ?? '', 'sessions', count(d.sessions));
    add('dosage', 'serviceType', d.key, d.label ?? '', 'hours', d.hours);
  }

  for (const e of r.equity) {
    add('equity', e.dimension, '', '', 'reference', e.reference);
    for (const g of e.groups) {
      add('equity', e.dimension, g.key, '', 'referred', count(g.referred));
      for (const m of g.measures) {
        rate('equity', e.dimension, g.key, m.rate, `${m.measure} `);
        add('equity', e.dimension, g.key, '', `${m.measure} rri`, m.rri);
      }
    }
  }

  return toCsv(HEADER, rows);
}
