import { LOCALES, ROLES } from '@pathways/contracts';
import type { TFunction } from 'i18next';

export const roleOptions = (t: TFunction) =>
  ROLES.map((role) => ({ value: role, label: t(`common.roles.${role}`) }));

export const localeOptions = (t: TFunction) =>
  LOCALES.map((locale) => ({ value: locale, label: t(`common.languages.${locale}`) }));
