import 'i18next';
import type { IntakeTranslations, translations } from './lib/i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: (typeof translations)['en']['translation'] & IntakeTranslations };
  }
}
