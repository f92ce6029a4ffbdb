/**
 * The one way CareSide starts a real Chromium with the built extension loaded.
 * Used by the e2e tests (tests/e2e) and by `npm start` (scripts/start-demo.ts).
 *
 * Pages are served at their REAL origins (https://x.com/..., https://www.yelp.com/...) by
 * intercepting requests, so the extension's content scripts inject exactly as they do live,
 * while no request ever leaves the machine: anything not served here is aborted.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { SETTINGS_STORAGE_KEY, type SettingsInput } from '../../lib/settings/schema';
import { SITE_MATCHES } from '../../lib/sites/origins';

/** Debian's chromium; CARESIDE_CHROMIUM overrides it. Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CARESIDE_CHROMIUM ?? '/usr/bin/chromium';

/** Flags every test and bench browser runs with: headless-safe, and quiet (no first-run UI, sync or background traffic). */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;
/** Where `wxt build` puts the Chrome build, relative to this repository (not the working directory). */
export const CHROME_EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

/** Origins CareSide's content scripts run on (from lib/sites/origins.ts); all are served here, never fetched. */
export const SITE_ORIGINS: readonly string[] = Object.values(SITE_MATCHES)
  .flat()
  .map((pattern) => new URL(pattern.replace(/\*$/, '')).origin);

/**
 * What to serve at one URL: inline HTML, or `{ file }` read from disk on every request
 * (so a reload picks up edits to a demo page).
 */
export type PageSource = string | { file: string };
export type SiteMap = Record<string, PageSource>;

export interface LaunchOptions {
  extensionPath?: string;
  headless: boolean;
  /** Chromium profile folder; a fresh temporary one when omitted. */
  userDataDir?: string;
  /**
   * Drop the profile's registered service workers first. A kept profile runs the worker script it
   * registered, not the rebuilt one of the same version (the v7 build ran v6 code on a kept bench
   * profile until its `Default/Service Worker` folder went): benches timing a new build on a kept
   * profile need this; a restart test that wants the registration kept must not.
   */
  freshWorkerScript?: boolean;
  /**
   * On a fresh profile CareSide is installed, and opens its welcome page in a new tab
   * (lib/background/onboarding.ts). By default launch waits for that tab and closes it, so every
   * caller starts from the same tabs whether or not it would race the install; 'keep' leaves it
   * open (find it with waitForWelcomePage).
   */
  welcomePage?: 'close' | 'keep';
  /**
   * The browser's UI language ("es"): what chrome.i18n picks CareSide's strings by and Intl
   * formats in. Chromium on Linux takes it from --lang (and LANGUAGE); Playwright's `locale`
   * alone changes only navigator.language and Accept-Language. English by default.
   */
  uiLanguage?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The service worker seen at launch; use `currentServiceWorker` if it may have restarted. */
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** Why Chromium cannot be started (with the fix), or null when it is there. */
export function chromiumProblem(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  return (
    `Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get update && sudo apt-get install -y chromium ` +
    '(or set CARESIDE_CHROMIUM to a Chromium/Chrome binary).'
  );
}

/** Why the built extension cannot be loaded (with the fix), or null when it is there. */
export function extensionProblem(extensionPath = CHROME_EXTENSION_DIR): string | null {
  if (existsSync(resolve(extensionPath, 'manifest.json'))) return null;
  return `No built extension at ${extensionPath}. Build it first with: npx wxt build`;
}

/** Problems that stop a launch, each with how to fix it; empty when all is in place. */
export function missingPrerequisites(extensionPath = CHROME_EXTENSION_DIR): string[] {
  return [chromiumProblem(), extensionProblem(extensionPath)].filter((problem): problem is string => problem !== null);
}

export async function launchExtensionBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionPath = resolve(options.extensionPath ?? CHROME_EXTENSION_DIR);
  const problems = missingPrerequisites(extensionPath);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  // A profile Chromium has used before already has CareSide installed: no install, no welcome tab.
  const freshProfile = !options.userDataDir || !existsSync(resolve(options.userDataDir, 'Default'));
  if (options.userDataDir && options.freshWorkerScript)
    rmSync(resolve(options.userDataDir, 'Default', 'Service Worker'), { recursive: true, force: true });

  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      ...QUIET_CHROMIUM_ARGS,
      ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
    ],
    ...(options.uiLanguage ? { locale: options.uiLanguage, env: { ...process.env, LANGUAGE: options.uiLanguage } } : {}),
  });
  try {
    // Block the network before anything loads; serveSites adds the real-origin pages on top.
    await context.route('**/*', (route) => abortUnlessLocal(route));
    const serviceWorker = await currentServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    if (freshProfile && options.welcomePage !== 'keep') await (await waitForWelcomePage(context, extensionId)).close();
    return { context, extensionId, serviceWorker, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** The extension's live MV3 service worker, waiting for it to start if needed. */
export async function currentServiceWorker(context: BrowserContext, timeoutMs = 15_000): Promise<Worker> {
  const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  if (running) return running;
  try {
    return await context.waitForEvent('serviceworker', {
      predicate: (worker) => worker.url().startsWith('chrome-extension://'),
      timeout: timeoutMs,
    });
  } catch {
    throw new Error(
      `The extension's service worker did not start within ${timeoutMs} ms: is background.js in the build, and does it throw on start?`,
    );
  }
}

/** The welcome tab CareSide opens on install, waiting for it to appear. */
export async function waitForWelcomePage(context: BrowserContext, extensionId: string, timeoutMs = 10_000): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = context.pages().find((candidate) => candidate.url() === url);
    if (page) return page;
    if (Date.now() > deadline) {
      throw new Error(
        `CareSide did not open ${url} within ${timeoutMs} ms of a first install: does lib/background/onboarding.ts still open it, and is entrypoints/welcome in the build?`,
      );
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

function abortUnlessLocal(route: Route): Promise<void> {
  const url = route.request().url();
  if (url.startsWith('http://') || url.startsWith('https://') || url.startsWith('ws')) return route.abort('blockedbyclient');
  return route.continue();
}

export interface SiteServer {
  /** Serve (or replace) a page at a URL; matched on the full URL first, then origin + path. */
  set(url: string, source: PageSource): void;
}

/**
 * Serve pages at their real URLs. Other paths on the known site origins answer 404 (so a
 * stray navigation shows a page instead of a network error); everything else stays aborted.
 */
export async function serveSites(context: BrowserContext, pages: SiteMap): Promise<SiteServer> {
  const byUrl = new Map<string, PageSource>();
  const server: SiteServer = {
    set(url, source) {
      byUrl.set(new URL(url).href, source);
    },
  };
  for (const [url, source] of Object.entries(pages)) server.set(url, source);

  const origins = new Set(SITE_ORIGINS);
  await context.route(
    (url) => origins.has(url.origin),
    async (route) => {
      const url = new URL(route.request().url());
      const source = byUrl.get(url.href) ?? byUrl.get(url.origin + url.pathname);
      if (source === undefined) {
        // Sub-resources (favicon, images) and unknown pages: answer locally, never fetch.
        await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not served by the CareSide test server' });
        return;
      }
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readSource(source) });
    },
  );
  return server;
}

function readSource(source: PageSource): string {
  return typeof source === 'string' ? source : readFileSync(source.file, 'utf8');
}

/**
 * The few `chrome.*` calls made inside the service worker. Typed locally (no @types/chrome):
 * these functions run in the browser, where `chrome` is a global.
 */
export interface ChromeGlobal {
  chrome: {
    storage: { local: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
    action: { getBadgeText(details: object): Promise<string> };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
}

/** Write brand settings where the extension reads them (browser.storage.local). */
export async function seedSettings(serviceWorker: Worker, settings: SettingsInput): Promise<void> {
  await serviceWorker.evaluate(
    async ([key, value]) => {
      await (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ [key]: value });
    },
    [SETTINGS_STORAGE_KEY, settings] as const,
  );
}

/** Open the toolbar popup's page in a tab (same document Chrome shows in the popup). */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 420, height: 640 });
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
  } catch (error) {
    throw new Error(
      `Could not open popup.html (is entrypoints/popup in the build?): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return page;
}

/** The badge text the toolbar shows (empty string when none). */
export async function badgeText(serviceWorker: Worker): Promise<string> {
  return serviceWorker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({}));
}
