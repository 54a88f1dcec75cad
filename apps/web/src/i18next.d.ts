import 'i18next';
import type { AdministrationTranslations } from './lib/administration-i18n';
import type { CaseworkTranslations } from './lib/casework-i18n';
import type { IntakeTranslations, translations } from './lib/i18n';
import type { ReportsTranslations } from './lib/reports-i18n';
import type { WorkspaceTranslations } from './lib/workspace-i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: (typeof translations)['en']['translation'] &
        IntakeTranslations &
        CaseworkTranslations &
        AdministrationTranslations &
        ReportsTranslations &
        WorkspaceTranslations;
    };
  }
}
