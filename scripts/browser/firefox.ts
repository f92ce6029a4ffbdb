/**
 * The one way CareSide starts a real Firefox with the built add-on (.output/firefox-mv2), driven
 * by puppeteer-core over WebDriver BiDi. Used by the Firefox e2e suite (tests/firefox).
 *
 * Like launch.ts for Chromium: site pages are served at their REAL origins by intercepting
 * requests, and nothing leaves the machine (every profile points at a dead proxy, so even a tab
 * opened before its interception starts cannot reach the network).
 *
 * BiDi refuses to navigate to moz-extension:// URLs, and reports extension tabs as about:blank.
 * The add-on's own pages are reached through the tabs it opens itself (the welcome page on
 * install, then `browser.tabs.create` from that page), found by their location.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { SETTINGS_STORAGE_KEY, type SettingsInput } from '../../lib/settings/schema';
import { SITE_ORIGINS, type PageSource, type SiteMap } from './launch';

/** Debian's firefox-esr; CARESIDE_FIREFOX overrides it. Puppeteer never downloads a browser here. */
export const FIREFOX_PATH = process.env.CARESIDE_FIREFOX ?? '/usr/bin/firefox-esr';
/** Where `wxt build -b firefox` puts the add-on, relative to this repository. */
export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));
/** The add-on id from wxt.config.ts (browser_specific_settings.gecko.id). */
export const FIREFOX_ADDON_ID = 'careside@careside.app';
/** Fixed internal UUID (pref extensions.webextensions.uuids), so the extension's origin is known. */
export const FIREFOX_EXTENSION_ORIGIN = 'moz-extension://5b0c1a2e-8c1b-4a53-9d0e-2f1b7a5c3e11';

const DEAD_PROXY = { host: '127.0.0.1', port: 9 } as const;

/** Prefs of every test profile: a known extension UUID, no network, no first-run noise. */
const FIREFOX_PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: new URL(FIREFOX_EXTENSION_ORIGIN).host }),
  'network.proxy.type': 1,
  'network.proxy.http': DEAD_PROXY.host,
  'network.proxy.http_port': DEAD_PROXY.port,
  'network.proxy.ssl': DEAD_PROXY.host,
  'network.proxy.ssl_port': DEAD_PROXY.port,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
};

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The welcome tab the add-on opened on install: an extension page to read its state from. */
  welcomePage: Page;
  close(): Promise<void>;
}

/** Problems that stop a launch, each with how to fix it; empty when all is in place. */
export function missingFirefoxPrerequisites(extensionPath = FIREFOX_EXTENSION_DIR): string[] {
  const problems: string[] = [];
  if (!existsSync(FIREFOX_PATH)) {
    problems.push(
      `Firefox not found at ${FIREFOX_PATH}. Install it with: sudo apt-get install -y --no-install-recommends firefox-esr (or set CARESIDE_FIREFOX).`,
    );
  }
  if (!existsSync(resolve(extensionPath, 'manifest.json'))) {
    problems.push(`No Firefox build at ${extensionPath}. Build it first with: npx wxt build -b firefox`);
  }
  return problems;
}

export async function launchFirefoxExtension({ headless }: { headless: boolean }): Promise<FirefoxExtensionBrowser> {
  const problems = missingFirefoxPrerequisites();
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: FIREFOX_PREFS,
  });
  const close = () => closeFirefox(browser);
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    // A first install opens the welcome page (lib/background/onboarding.ts).
    const welcomePage = await waitForExtensionPage(browser, '/welcome.html');
    return { browser, welcomePage, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** browser.close() can hang on BiDi's session end; the process is killed if it does. */
async function closeFirefox(browser: Browser): Promise<void> {
  const closed = browser.close().then(
    () => true,
    () => false,
  );
  const timedOut = new Promise<false>((done) => setTimeout(() => done(false), 5_000));
  if (!(await Promise.race([closed, timedOut]))) browser.process()?.kill('SIGKILL');
}

/** The location of a tab, or '' while it cannot answer (navigating, closing). */
async function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => '');
}

/** The open tab showing this extension page (e.g. '/popup.html'), waiting for it to appear. */
export async function waitForExtensionPage(browser: Browser, path: string, timeoutMs = 10_000): Promise<Page> {
  return waitForTabAt(browser, `${FIREFOX_EXTENSION_ORIGIN}${path}`, timeoutMs);
}

/**
 * The open tab whose location is `url`, waiting for it to appear. Read from the page itself:
 * BiDi reports extension tabs as about:blank, and a blocked page by its error-page URL.
 */
export async function waitForTabAt(browser: Browser, url: string, timeoutMs = 10_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await browser.pages()) {
      if ((await locationOf(page)) === url) return page;
    }
    if (Date.now() > deadline) throw new Error(`No tab showed ${url} within ${timeoutMs} ms: was it opened?`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

interface NotificationEvent {
  addListener(listener: (id: string) => void): void;
}

/**
 * The few WebExtension calls the suite makes inside extension pages. Typed locally: these
 * functions run in Firefox, where `browser` is a global.
 */
export interface FirefoxExtensionGlobal {
  browser: {
    storage: { local: { set(items: Record<string, unknown>): Promise<void>; get(key: string | null): Promise<Record<string, unknown>> } };
    browserAction: { getBadgeText(details: object): Promise<string>; getBadgeBackgroundColor(details: object): Promise<number[]> };
    tabs: { create(properties: { url: string }): Promise<unknown> };
    runtime: { sendMessage(message: unknown): Promise<unknown>; reload(): void };
    alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
    notifications: { getAll(): Promise<Record<string, unknown>>; onShown: NotificationEvent; onClosed: NotificationEvent };
  };
}

/** Open an extension page in a new tab, as the extension itself would, from one of its pages. */
export async function openExtensionPage(from: Page, path: string): Promise<Page> {
  await from.evaluate(async (url) => {
    await (globalThis as unknown as FirefoxExtensionGlobal).browser.tabs.create({ url });
  }, path);
  return waitForExtensionPage(from.browser(), path);
}

/** Write brand settings where the extension reads them, from an extension page. */
export async function seedFirefoxSettings(extensionPage: Page, settings: SettingsInput): Promise<void> {
  await extensionPage.evaluate(
    async (key, value) => {
      await (globalThis as unknown as FirefoxExtensionGlobal).browser.storage.local.set({ [key]: value });
    },
    SETTINGS_STORAGE_KEY,
    settings,
  );
}

/** The toolbar badge text (empty string when none), read from an extension page. */
export async function firefoxBadgeText(extensionPage: Page): Promise<string> {
  return extensionPage.evaluate(() => (globalThis as unknown as FirefoxExtensionGlobal).browser.browserAction.getBadgeText({}));
}

/** Send a raw protocol message to the background from an extension page, as the popup does. */
export async function sendFromExtensionPage(extensionPage: Page, message: unknown): Promise<unknown> {
  return extensionPage.evaluate((sent) => (globalThis as unknown as FirefoxExtensionGlobal).browser.runtime.sendMessage(sent), message);
}

/**
 * Serve pages at their real URLs in this tab (full URL first, then origin + path). Other paths
 * on the site origins answer 404; every other http(s) request is aborted.
 */
export async function serveSitesInTab(page: Page, pages: SiteMap): Promise<void> {
  const byUrl = new Map(Object.entries(pages).map(([url, source]) => [new URL(url).href, source]));
  const origins = new Set(SITE_ORIGINS);
  await page.setRequestInterception(true);
  page.on('request', (request) => void answer(request, byUrl, origins));
}

async function answer(request: HTTPRequest, byUrl: Map<string, PageSource>, origins: Set<string>): Promise<void> {
  const url = new URL(request.url());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return request.continue();
  const source = byUrl.get(url.href) ?? byUrl.get(url.origin + url.pathname);
  if (source !== undefined) {
    const body = typeof source === 'string' ? source : readFileSync(source.file, 'utf8');
    return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
  }
  if (origins.has(url.origin))
    return request.respond({ status: 404, contentType: 'text/plain', body: 'Not served by the CareSide test server' });
  return request.abort('blockedbyclient');
}
