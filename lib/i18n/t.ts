import { createI18n } from '@wxt-dev/i18n';
import { browser } from 'wxt/browser';
// Generated from locales/en.yml by `npx wxt prepare` (npm install runs it); a type, erased at run time.
import type { GeneratedI18nStructure } from '../../.wxt/i18n/structure';

type Structure = GeneratedI18nStructure;

const i18n = createI18n<Structure>();

/** Most messages remembered; past this the memory starts over (substitutions make keys unbounded). */
const MAX_REMEMBERED = 4_000;

/**
 * Messages already built, per getMessage function: each getMessage call crosses into the
 * browser, and a timeline asks for the same labels per post and per sidebar row. The browser's
 * messages never change under one function; tests and ensure-messages.ts swap the function, so it
 * is the key. An empty answer (messages not loaded yet) is not remembered.
 */
let remembered: { getter: unknown; messages: Map<string, string> } | undefined;

function rememberedFor(getter: unknown): Map<string, string> {
  if (remembered !== undefined && remembered.getter === getter && remembered.messages.size < MAX_REMEMBERED) return remembered.messages;
  const messages = new Map<string, string>();
  remembered = { getter, messages };
  return messages;
}

/**
 * The UI string for a key of locales/en.yml in the browser's UI language (browser.i18n, so the
 * language follows the browser's, and the manifest and CSS can use the same messages).
 * Plural keys take the count first: t('popup.openCases', n). Named placeholders: t(key, { name }).
 * Node scripts that reach UI text first install English messages (scripts/node-i18n.ts).
 */
export const t = ((...args: unknown[]): string => {
  // Read as a value for its identity only (never called from here).
  const getter: unknown = Reflect.get(browser.i18n, 'getMessage');
  const messages = rememberedFor(getter);
  const key = args.length === 1 ? (args[0] as string) : JSON.stringify(args);
  const known = messages.get(key);
  if (known !== undefined) return known;
  const message = (i18n.t as (...all: unknown[]) => string)(...args);
  if (message !== '') messages.set(key, message);
  return message;
}) as typeof i18n.t;

/** A key of locales/en.yml for a message without placeholders or plural forms. */
export type MessageKey = {
  [K in keyof Structure]: Structure[K] extends { namedSubstitutions: readonly string[] }
    ? never
    : Structure[K] extends { plural: false; substitutions: 0 }
      ? K
      : never;
}[keyof Structure];
