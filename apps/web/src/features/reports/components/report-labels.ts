import type {
  CaseloadAgingBucket,
  EquityDimension,
  EquityMeasure,
  FunnelStep,
  RecidivismWindow,
  ReportCell,
  SlaClock,
} from '@pathways/contracts';
import { MULTIRACIAL } from '@pathways/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { schoolQueries } from '../../../lib/catalog/get-schools';
import { serviceTypeLabel, serviceTypeQueries } from '../../../lib/catalog/get-service-types';
import { languageName } from '../../../lib/format';

/** Keys a breakdown may carry besides its enum: no value recorded, or every other value. */
const GENERIC_KEYS = ['UNKNOWN', 'NONE', 'OTHER', 'ALL'] as const;
type GenericKey = (typeof GENERIC_KEYS)[number];
const isGeneric = (key: string): key is GenericKey => (GENERIC_KEYS as readonly string[]).includes(key);

export interface ReportLabels {
  schoolLevel: (key: string) => string;
  pathway: (key: string) => string;
  reasonCategory: (key: string) => string;
  priority: (key: string) => string;
  outcome: (key: string) => string;
  closureReason: (key: string) => string;
  eventType: (key: string) => string;
  /** Schools and counselors: the name the report carries, else the catalog's, else the id. */
  school: (cell: Pick<ReportCell, 'key' | 'label'>) => string;
  counselor: (cell: Pick<ReportCell, 'key' | 'label'>) => string;
  serviceType: (cell: Pick<ReportCell, 'key' | 'label'>) => string;
  clock: (clock: SlaClock) => string;
  step: (step: FunnelStep) => string;
  measure: (measure: EquityMeasure) => string;
  dimension: (dimension: EquityDimension) => string;
  window: (window: RecidivismWindow) => string;
  aging: (bucket: CaseloadAgingBucket) => string;
  equityGroup: (dimension: EquityDimension, key: string) => string;
}

/**
 * Enum labels come from the bundles that already translate them (referrals, cases, administration, common); the
 * report routes load those bundles. A key the bundles do not know is shown as sent.
 */
export function useReportLabels({ catalogs = true }: { catalogs?: boolean } = {}): ReportLabels {
  const { t, i18n } = useTranslation();
  // The catalogs need a session: the public dashboard goes without them.
  const { data: schoolData } = useQuery({ ...schoolQueries.list(), enabled: catalogs });
  const { data: serviceTypeData } = useQuery({ ...serviceTypeQueries.list(), enabled: catalogs });
  const locale = i18n.language;

  return useMemo(() => {
    const generic = (key: string) => (isGeneric(key) ? t(`reports.keys.${key}`) : key);
    const schoolNames = new Map((schoolData ?? []).map((s) => [s.id, s.name]));
    const serviceNames = new Map((serviceTypeData ?? []).map((s) => [s.code, serviceTypeLabel(s, locale)]));
    return {
      schoolLevel: (key) =>
        t(`administration.schoolLevels.${key}` as 'administration.schoolLevels.HIGH', {
          defaultValue: generic(key),
        }),
      pathway: (key) =>
        t(`referrals.pathways.${key}` as 'referrals.pathways.PREVENTION', { defaultValue: generic(key) }),
      reasonCategory: (key) =>
        t(`referrals.reasonKinds.${key}` as 'referrals.reasonKinds.OFFENSE', { defaultValue: generic(key) }),
      priority: (key) =>
        t(`referrals.priorities.${key}` as 'referrals.priorities.ROUTINE', { defaultValue: generic(key) }),
      outcome: (key) =>
        t(`cases.outcomes.${key}` as 'cases.outcomes.SUCCESSFUL', { defaultValue: generic(key) }),
      closureReason: (key) =>
        t(`cases.closureReasons.${key}` as 'cases.closureReasons.OTHER', { defaultValue: generic(key) }),
      eventType: (key) =>
        t(`communityEvents.types.${key}` as 'communityEvents.types.OTHER', { defaultValue: generic(key) }),
      school: (cell) => cell.label ?? schoolNames.get(cell.key) ?? generic(cell.key),
      counselor: (cell) => (cell.key === 'ALL' ? t('reports.caseload.all') : (cell.label ?? cell.key)),
      serviceType: (cell) => serviceNames.get(cell.key) ?? cell.label ?? generic(cell.key),
      clock: (clock) => t(`reports.clocks.${clock}`),
      step: (step) => t(`reports.funnel.steps.${step}`),
      measure: (measure) => t(`reports.equity.measures.${measure}`),
      dimension: (dimension) => t(`reports.equity.dimensions.${dimension}`),
      window: (window) => t(`reports.recidivism.windows.${window}`),
      aging: (bucket) => t(`reports.caseload.aging.${bucket}`),
      equityGroup: (dimension, key) => {
        switch (dimension) {
          case 'RACE_ETHNICITY':
            return key === MULTIRACIAL
              ? t('reports.equity.multiracial')
              : t(`common.race.${key}` as 'common.race.WHITE', { defaultValue: generic(key) });
          case 'GENDER':
            return t(`common.gender.${key}` as 'common.gender.FEMALE', { defaultValue: generic(key) });
          case 'LANGUAGE':
            return isGeneric(key) ? generic(key) : languageName(key, locale);
          case 'AGE_BAND':
            return /^\d+-\d+$/.test(key)
              ? t('reports.equity.ageBand', { band: key.replace('-', '–') })
              : generic(key);
        }
      },
    } satisfies ReportLabels;
  }, [t, locale, schoolData, serviceTypeData]);
}
