import { createI18n } from '@wxt-dev/i18n';
// Generated from locales/en.yml by `npx wxt prepare` (npm install runs it); a type, erased at run time.
import type { GeneratedI18nStructure } from '../../.wxt/i18n/structure';

type Structure = GeneratedI18nStructure;

/**
 * The UI string for a key of locales/en.yml in the browser's UI language (browser.i18n, so the
 * language follows the browser's, and the manifest and CSS can use the same messages).
 * Plural keys take the count first: t('popup.openCases', n). Named placeholders: t(key, { name }).
 * Node scripts that reach UI text first install English messages (scripts/node-i18n.ts).
 */
export const { t } = createI18n<Structure>();

/** A key of locales/en.yml for a message without placeholders or plural forms. */
export type MessageKey = {
  [K in keyof Structure]: Structure[K] extends { namedSubstitutions: readonly string[] }
    ? never
    : Structure[K] extends { plural: false; substitutions: 0 }
      ? K
      : never;
}[keyof Structure];
