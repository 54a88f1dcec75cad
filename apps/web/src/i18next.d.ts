import 'i18next';
import type { translations } from './lib/i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof translations)['en'];
  }
}
