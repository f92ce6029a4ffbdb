import { i18n, type GeneratedI18nStructure } from '#i18n';

/**
 * The UI string for a key of locales/en.yml in the browser's UI language (browser.i18n, so the
 * language follows the browser's, and the manifest and CSS can use the same messages).
 * Plural keys take the count first: t('cases.count', n, { count: formatNumber(n) }).
 */
export const t = i18n.t;

type Structure = GeneratedI18nStructure;

/** A key of locales/en.yml for a message without placeholders or plural forms (`npx wxt prepare` regenerates the list). */
export type MessageKey = {
  [K in keyof Structure]: Structure[K] extends { namedSubstitutions: readonly string[] }
    ? never
    : Structure[K] extends { plural: false; substitutions: 0 }
      ? K
      : never;
}[keyof Structure];
