import {
  COMMON_LANGUAGES,
  GENDER_IDENTITIES,
  GUARDIAN_RELATIONSHIPS,
  INCIDENT_LOCATIONS,
  PATHWAYS,
  PRIORITIES,
  RACE_ETHNICITIES,
  REASON_CODE_KINDS,
  type ReasonCode,
} from '@pathways/contracts';
import type { TFunction } from 'i18next';
import { languageName } from '../../../lib/format';
import { reasonCodeLabel } from '../../../lib/catalog/get-reason-codes';

export interface Option {
  value: string;
  label: string;
}

const choose = (t: TFunction): Option => ({ value: '', label: t('referrals.form.choose') });

export const languageOptions = (t: TFunction, locale: string): Option[] => [
  choose(t),
  ...COMMON_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) })),
];

export const genderOptions = (t: TFunction): Option[] => [
  { value: '', label: t('referrals.form.notAsked') },
  ...GENDER_IDENTITIES.map((g) => ({ value: g, label: t(`common.gender.${g}`) })),
];

export const raceOptions = (t: TFunction): Option[] =>
  RACE_ETHNICITIES.map((r) => ({ value: r, label: t(`common.race.${r}`) }));

export const relationshipOptions = (t: TFunction): Option[] => [
  choose(t),
  ...GUARDIAN_RELATIONSHIPS.map((r) => ({ value: r, label: t(`referrals.relationships.${r}`) })),
];

export const locationOptions = (t: TFunction): Option[] => [
  choose(t),
  ...INCIDENT_LOCATIONS.map((l) => ({ value: l, label: t(`referrals.locations.${l}`) })),
];

export const pathwayOptions = (t: TFunction, first: Option = choose(t)): Option[] => [
  first,
  ...PATHWAYS.map((p) => ({ value: p, label: t(`referrals.pathways.${p}`) })),
];

export const priorityOptions = (t: TFunction): Option[] =>
  PRIORITIES.map((p) => ({ value: p, label: t(`referrals.priorities.${p}`) }));

/** TK is -1 and kindergarten 0, as the contract stores grades. */
export const gradeOptions = (t: TFunction): Option[] => [
  { value: '', label: t('referrals.form.notApplicable') },
  { value: '-1', label: t('referrals.grades.tk') },
  { value: '0', label: t('referrals.grades.k') },
  ...Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: t('referrals.grades.n', { n: i + 1 }),
  })),
];

export function gradeLabel(grade: number | null, t: TFunction): string | null {
  if (grade === null) return null;
  if (grade === -1) return t('referrals.grades.tk');
  if (grade === 0) return t('referrals.grades.k');
  return t('referrals.grades.n', { n: grade });
}

/** Active reason codes grouped by kind (offense, school rule, status, concern), for a grouped multi-select. */
export function reasonCodeGroups(codes: ReasonCode[] | undefined, t: TFunction, locale: string) {
  const active = (codes ?? []).filter((c) => c.active);
  return REASON_CODE_KINDS.map((kind) => ({
    group: t(`referrals.reasonKinds.${kind}`),
    items: active
      .filter((c) => c.kind === kind)
      .map((c) => ({
        value: c.code,
        label: c.excludedFromDiversion
          ? t('referrals.form.excludedOption', { label: reasonCodeLabel(c, locale) })
          : reasonCodeLabel(c, locale),
      })),
  })).filter((g) => g.items.length > 0);
}
