import { LOCALES, type Locale } from '@pathways/contracts';
import { i18n } from './i18n';

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

let loading: Promise<void> | null = null;

/** Both languages at once, so switching language on a report needs no reload. */
export function loadReportsTranslations(): Promise<void> {
  loading ??= Promise.all(
    LOCALES.map(async (locale) => {
      i18n.addResourceBundle(locale, 'translation', await bundle(locale), true, false);
    }),
  )
    .then(() => undefined)
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
