import type { Locale } from '@pathways/contracts';
import { lazyTranslations } from './i18n';

/**
 * The outcome reports' and the public dashboard's strings load with those screens, never before sign-in: each
 * report route's loader awaits `loadReportsTranslations()`. Their types are known up front (i18next.d.ts).
 */
export interface ReportsTranslations {
  reports: typeof import('../locales/en/reports.json');
}

async function bundle(locale: Locale): Promise<ReportsTranslations> {
  const reports =
    locale === 'es' ? await import('../locales/es/reports.json') : await import('../locales/en/reports.json');
  return { reports: reports.default };
}

/** Both languages at once, so switching language on a report needs no reload. */
export const loadReportsTranslations = lazyTranslations(bundle);
