/**
 * Node has no browser.i18n: give lib code that words things for people (health warnings, labels)
 * the real English messages from locales/en.yml. Import it first, before any lib module.
 */
import { messageGetter } from '../lib/i18n/testing';

const i18n = { getMessage: messageGetter('en'), getUILanguage: () => 'en' };
const global = globalThis as { chrome?: { i18n?: unknown } };
if (!global.chrome?.i18n) global.chrome = { ...global.chrome, i18n };
