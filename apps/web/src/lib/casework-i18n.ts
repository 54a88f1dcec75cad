import type { Locale } from '@pathways/contracts';
import { lazyTranslations } from './i18n';

/**
 * The provider's case work and the work lists (intake queue, cases, tasks, notices) load their strings with those
 * screens, never before sign-in: each route's loader awaits `loadCaseworkTranslations()`. Their types are known up
 * front (i18next.d.ts).
 */
export interface CaseworkTranslations {
  intake: typeof import('../locales/en/intake.json');
  cases: typeof import('../locales/en/cases.json');
  tasks: typeof import('../locales/en/tasks.json');
  notices: typeof import('../locales/en/notices.json');
}

async function bundle(locale: Locale): Promise<CaseworkTranslations> {
  const [intake, cases, tasks, notices] =
    locale === 'es'
      ? await Promise.all([
          import('../locales/es/intake.json'),
          import('../locales/es/cases.json'),
          import('../locales/es/tasks.json'),
          import('../locales/es/notices.json'),
        ])
      : await Promise.all([
          import('../locales/en/intake.json'),
          import('../locales/en/cases.json'),
          import('../locales/en/tasks.json'),
          import('../locales/en/notices.json'),
        ]);
  return { intake: intake.default, cases: cases.default, tasks: tasks.default, notices: notices.default };
}

/** Both languages at once: notices print in the family's or the agency's language, whatever the screen's. */
export const loadCaseworkTranslations = lazyTranslations(bundle);
