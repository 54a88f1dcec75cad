import { LOCALES, type Locale } from '@pathways/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAdminUsers from '../locales/en/admin-users.json';
import enAudit from '../locales/en/audit.json';
import enAuth from '../locales/en/auth.json';
import enCommon from '../locales/en/common.json';
import enHome from '../locales/en/home.json';
import enResources from '../locales/en/resources.json';
import esAdminUsers from '../locales/es/admin-users.json';
import esAudit from '../locales/es/audit.json';
import esAuth from '../locales/es/auth.json';
import esCommon from '../locales/es/common.json';
import esHome from '../locales/es/home.json';
import esResources from '../locales/es/resources.json';

/** One namespace; each file is a top-level section, so keys read `auth.signIn.title`. */
export const translations = {
  en: {
    translation: {
      common: enCommon,
      auth: enAuth,
      home: enHome,
      resources: enResources,
      adminUsers: enAdminUsers,
      audit: enAudit,
    },
  },
  es: {
    translation: {
      common: esCommon,
      auth: esAuth,
      home: esHome,
      resources: esResources,
      adminUsers: esAdminUsers,
      audit: esAudit,
    },
  },
} as const;

/**
 * A loader for strings that load with their screens, never before sign-in (a route's loader awaits it): both
 * languages at once, so switching language needs no reload. `bundle` imports one language's files (literal imports,
 * so each becomes its own chunk). A failed load is tried again on the next call.
 */
export function lazyTranslations(bundle: (locale: Locale) => Promise<object>): () => Promise<void> {
  let loading: Promise<void> | null = null;
  return () => {
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
  };
}

/**
 * The intake screens' strings (referrals, school contacts, community events) load with those screens, not before
 * sign-in: each route's loader awaits `loadIntakeTranslations()`. Their types are known up front.
 */
export interface IntakeTranslations {
  referrals: typeof import('../locales/en/referrals.json');
  schoolContacts: typeof import('../locales/en/school-contacts.json');
  communityEvents: typeof import('../locales/en/community-events.json');
}

async function intakeBundle(locale: Locale): Promise<IntakeTranslations> {
  const [referrals, schoolContacts, communityEvents] =
    locale === 'es'
      ? await Promise.all([
          import('../locales/es/referrals.json'),
          import('../locales/es/school-contacts.json'),
          import('../locales/es/community-events.json'),
        ])
      : await Promise.all([
          import('../locales/en/referrals.json'),
          import('../locales/en/school-contacts.json'),
          import('../locales/en/community-events.json'),
        ]);
  return {
    referrals: referrals.default,
    schoolContacts: schoolContacts.default,
    communityEvents: communityEvents.default,
  };
}

/** Both languages at once: the family resource sheet prints in the guardian's language, whatever the UI's. */
export const loadIntakeTranslations = lazyTranslations(intakeBundle);

const LOCALE_STORAGE_KEY = 'pathways.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Before sign-in: the last choice on this device, else the browser's language. */
function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); fall through to the browser language
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

i18n.on('languageChanged', (language) => {
  if (!isLocale(language)) return;
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, language);
  } catch {
    // the choice still applies to this page
  }
});

void i18n.use(initReactI18next).init({
  resources: translations,
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

document.documentElement.lang = currentLocale();

export { i18n };
