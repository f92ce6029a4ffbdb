import { createI18n } from '@wxt-dev/i18n';
import { browser } from 'wxt/browser';
// Generated from locales/en.yml by `npx wxt prepare` (npm install runs it); a type, erased at run time.
import type { GeneratedI18nStructure } from '../../.wxt/i18n/structure';

type Structure = GeneratedI18nStructure;

const i18n = createI18n<Structure>();

/** Most messages remembered; past this the memory starts over (substitutions make keys unbounded). */
const MAX_REMEMBERED = 4_000;

/**
 * Messages already built, and each key's message as the browser holds it (its template), per
 * getMessage function: each getMessage call crosses into the browser (~20 µs in a content script),
 * and a timeline asks for the same labels per post and per sidebar row, with counts that differ
 * per post. The browser's messages never change under one function; tests and ensure-messages.ts
 * swap the function, so it is the key. An empty answer (messages not loaded yet) is not remembered.
 */
let remembered: { getter: unknown; messages: Map<string, string>; templates: Map<string, string> } | undefined;

function rememberedFor(getter: unknown): NonNullable<typeof remembered> {
  if (remembered !== undefined && remembered.getter === getter && remembered.messages.size < MAX_REMEMBERED) return remembered;
  const templates = remembered !== undefined && remembered.getter === getter ? remembered.templates : new Map<string, string>();
  remembered = { getter, messages: new Map<string, string>(), templates };
  return remembered;
}

/** Named placeholders as @wxt-dev/i18n writes them in messages ("{count} views"). */
const NAMED_PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * The message for a plural count and named placeholders, built from the key's template as
 * @wxt-dev/i18n builds it (forms split by " | ": one, or one/other, or zero/one/other), so that
 * a new count asks the browser nothing. Undefined when the template needs the browser's own
 * substitution ($1) or is missing: the caller asks @wxt-dev/i18n then.
 */
function fromTemplate(template: string, args: readonly unknown[]): string | undefined {
  if (template === '' || POSITIONAL_MARK.test(template)) return undefined;
  let count: number | undefined;
  let named: Record<string, unknown> | undefined;
  for (const arg of args.slice(1)) {
    if (typeof arg === 'number') count = arg;
    else if (arg !== null && typeof arg === 'object' && !Array.isArray(arg)) named = arg as Record<string, unknown>;
    else if (arg != null) return undefined;
  }
  let message = template;
  if (count !== undefined) {
    const forms = template.split(' | ');
    if (forms.length === 2) message = forms[count === 1 ? 0 : 1] as string;
    else if (forms.length === 3) message = forms[count === 0 || count === 1 ? count : 2] as string;
    else if (forms.length !== 1) return undefined;
  }
  if (named === undefined) return message;
  const values = named;
  return message.replace(NAMED_PLACEHOLDER, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match));
}

/**
 * Marks (private-use characters) passed as the browser's substitutions ($1…$9) when a template
 * is read: a template that shows one is filled by the browser, not here.
 */
const POSITIONAL_MARKS = Array.from({ length: 9 }, (_, index) => String.fromCharCode(0xe000 + index));
const POSITIONAL_MARK = /[\ue000-\ue008]/;

function templateOf(memory: NonNullable<typeof remembered>, key: string): string {
  let template = memory.templates.get(key);
  if (template === undefined) {
    // Any key of the messages (the browser's typing lists only the predefined ones).
    template = (browser.i18n.getMessage as (name: string, substitutions: string[]) => string)(key.replaceAll('.', '_'), POSITIONAL_MARKS);
    if (template !== '') memory.templates.set(key, template);
  }
  return template;
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
  const memory = rememberedFor(getter);
  const key = args.length === 1 ? (args[0] as string) : JSON.stringify(args);
  const known = memory.messages.get(key);
  if (known !== undefined) return known;
  const message =
    (args.length > 1 ? fromTemplate(templateOf(memory, args[0] as string), args) : undefined) ??
    (i18n.t as (...all: unknown[]) => string)(...args);
  if (message !== '') memory.messages.set(key, message);
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
