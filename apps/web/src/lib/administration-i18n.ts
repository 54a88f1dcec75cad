import type { Locale } from '@pathways/contracts';
import { lazyTranslations } from './i18n';

/**
 * The administration and audit screens' strings load with those screens, never before sign-in: each route's
 * loader awaits `loadAdministrationTranslations()`. Their types are known up front (i18next.d.ts).
 */
export interface AdministrationTranslations {
  administration: typeof import('../locales/en/administration.json');
  auditConsole: typeof import('../locales/en/audit-console.json');
}

async function bundle(locale: Locale): Promise<AdministrationTranslations> {
  const [administration, auditConsole] =
    locale === 'es'
      ? await Promise.all([
          import('../locales/es/administration.json'),
          import('../locales/es/audit-console.json'),
        ])
      : await Promise.all([
          import('../locales/en/administration.json'),
          import('../locales/en/audit-console.json'),
        ]);
  return { administration: administration.default, auditConsole: auditConsole.default };
}

/** Both languages at once, so switching language on these screens needs no reload. */
export const loadAdministrationTranslations = lazyTranslations(bundle);
