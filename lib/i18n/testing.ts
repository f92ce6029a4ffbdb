import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { messageFrom } from './messages';
import { generateChromeMessages, parseMessagesText, type ChromeMessage } from '@wxt-dev/i18n/build';

const LOCALES_DIR = resolve(import.meta.dirname, '../../locales');

/** The `_locales/<lang>/messages.json` content the build makes from locales/<lang>.yml. */
export function localeMessages(locale: string): Record<string, ChromeMessage> {
  let messages = parsed.get(locale);
  if (!messages) {
    messages = generateChromeMessages(parseMessagesText(readFileSync(resolve(LOCALES_DIR, `${locale}.yml`), 'utf8'), 'YAML'));
    parsed.set(locale, messages);
  }
  return messages;
}
const parsed = new Map<string, Record<string, ChromeMessage>>();

/** browser.i18n.getMessage as Chromium answers it over one locale's messages (lib/i18n/messages.ts). */
export function messageGetter(locale: string): (name: string, substitutions?: string | string[]) => string {
  const messages = localeMessages(locale);
  return (name, substitutions) => messageFrom(messages, name, substitutions);
}

/** Point the fake browser's i18n at the real messages of one locale (the unit tests use en). */
export function installLocaleMessages(i18n: { getMessage: unknown; getUILanguage: unknown }, locale: string, uiLanguage: string): void {
  i18n.getMessage = messageGetter(locale);
  i18n.getUILanguage = () => uiLanguage;
}

/**
 * English wording from locales/en.yml found in text shown to a Spanish reader: the fixed parts (between
 * placeholders) of every message whose Spanish differs, of two words or more, that the Spanish
 * message does not share. An empty list means no English message leaked into the text.
 */
export function englishLeaks(text: string, locale = 'es'): string[] {
  return englishFragments(locale).filter((fragment) => text.includes(fragment));
}

function englishFragments(locale: string): string[] {
  const english = localeMessages('en');
  const other = localeMessages(locale);
  const fragments = new Set<string>();
  for (const [key, { message }] of Object.entries(english)) {
    const theirs = other[key]?.message;
    if (theirs === undefined || theirs === message) continue;
    for (const part of message.split(/\$[1-9]|\{[A-Za-z0-9_]+\}| \| /)) {
      const fragment = part.trim();
      if (/\p{L}+\s+\p{L}+/u.test(fragment) && fragment.replace(/[^\p{L}]/gu, '').length >= 8 && !theirs.includes(fragment)) {
        fragments.add(fragment);
      }
    }
  }
  return [...fragments];
}
