import { localeFolders, messageFrom, type PackagedMessages } from './messages';

type GetMessage = (name: string, substitutions?: string | string[]) => string;
interface I18nApi {
  getMessage: GetMessage;
  getUILanguage: () => string;
}
interface ExtensionGlobals {
  chrome?: { i18n?: I18nApi; runtime?: { getURL(path: string): string } };
  browser?: { i18n?: I18nApi };
}

/**
 * Chromium can start an extension page without the extension's message bundle: then every
 * i18n.getMessage answers "" for the page's whole life and the UI renders blank (seen in fresh
 * browsers under load). Probe one message; when it is missing, read the packaged messages.json of
 * the UI language (or English) and answer from it. Never throws: without it the page stays as is.
 */
export async function ensureMessages(globals: ExtensionGlobals = globalThis as ExtensionGlobals): Promise<void> {
  const i18n = globals.chrome?.i18n;
  const runtime = globals.chrome?.runtime;
  if (!i18n || !runtime || i18n.getMessage('extension_name') !== '') return;
  const messages = await loadPackagedMessages(i18n.getUILanguage(), (path) => runtime.getURL(path));
  if (!messages) return;
  for (const api of [globals.chrome?.i18n, globals.browser?.i18n]) {
    if (!api) continue;
    const native = api.getMessage.bind(api);
    api.getMessage = (name, substitutions) => native(name, substitutions) || messageFrom(messages, name, substitutions);
  }
}

async function loadPackagedMessages(uiLanguage: string, urlOf: (path: string) => string): Promise<PackagedMessages | undefined> {
  for (const folder of localeFolders(uiLanguage)) {
    try {
      const response = await fetch(urlOf(`/_locales/${folder}/messages.json`));
      if (response.ok) return (await response.json()) as PackagedMessages;
    } catch {
      // No such locale folder: try the next one.
    }
  }
  return undefined;
}
