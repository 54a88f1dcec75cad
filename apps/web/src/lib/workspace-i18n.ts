import type { Locale } from '@pathways/contracts';
import { lazyTranslations } from './i18n';

/**
 * The strings of what every signed-in screen shares (the unsaved-input question, the session-expiry warning, the
 * "someone else changed this" message) load with the session gate, not before sign-in: its loader awaits
 * `loadWorkspaceTranslations()`. Their types are known up front (i18next.d.ts).
 */
export interface WorkspaceTranslations {
  workspace: typeof import('../locales/en/workspace.json');
}

async function bundle(locale: Locale): Promise<WorkspaceTranslations> {
  const workspace =
    locale === 'es'
      ? await import('../locales/es/workspace.json')
      : await import('../locales/en/workspace.json');
  return { workspace: workspace.default };
}

/** Both languages at once, so switching language needs no reload. */
export const loadWorkspaceTranslations = lazyTranslations(bundle);
