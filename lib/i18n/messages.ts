/** One message of a `_locales/<lang>/messages.json` as the build writes it ("$1"… for substitutions). */
export interface PackagedMessage {
  message: string;
}

export type PackagedMessages = Readonly<Record<string, PackagedMessage | undefined>>;

/**
 * browser.i18n.getMessage as Chromium answers it from one locale's messages: "$1"… filled from the
 * substitutions, "$$" a dollar sign, "" for an unknown name.
 */
export function messageFrom(messages: PackagedMessages, name: string, substitutions?: string | string[]): string {
  const message = messages[name]?.message;
  if (message === undefined) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
}

/** The `_locales` folders to try for a UI language, most specific first, then the default (en). */
export function localeFolders(uiLanguage: string): string[] {
  const exact = uiLanguage.replace(/-/g, '_');
  const base = exact.split('_')[0] ?? exact;
  return [...new Set([exact, base, 'en'])];
}
