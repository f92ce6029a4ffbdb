import { i18n, type GeneratedI18nStructure } from '#i18n';

/**
 * The UI string for a key of locales/en.yml in the browser's UI language (browser.i18n, so the
 * language follows the browser's, and the manifest and CSS can use the same messages).
 * Plural keys take the count first: t('cases.count', n, { count: formatNumber(n) }).
 */
export const t = i18n.t;

/** A key of locales/en.yml; `npx wxt prepare` regenerates the list from the file. */
export type MessageKey = keyof GeneratedI18nStructure;
