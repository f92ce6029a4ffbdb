/**
 * The demo `npm start` runs (and tests/e2e/demo.test.ts checks): seed the demo brand, open
 * every demo page at its real URL, wait for CareSide's sidebar, log a complaint on each,
 * then read the popup, open the case panel, the dashboard and the options page. Each step reports one plain line; any failure throws with the step.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PAGES, demoSiteMap, loadDemoSettings, type DemoPage } from '../../demo/pages';
import { badgeText, currentServiceWorker, openPopup, seedSettings, serveSites, type ExtensionBrowser } from './launch';
import { PopupUi, SitePageUi } from './careside-ui';
import { captureTour, WELCOME_SCREENSHOT } from './demo-tour';

export interface DemoResult {
  /** Post keys of the sidebar rows, per demo page label. */
  mentionsByPage: Record<string, string[]>;
  /** Refs of the cases logged, one per page that names a complaint, in page order. */
  loggedRefs: string[];
  openTotal: number;
  badge: string;
  screenshots: string[];
  /** Pages stay open so a headed demo can be explored. */
  pages: Page[];
  popup: Page;
}

export interface DemoOptions {
  /** Folder for screenshots (created if missing). */
  outputDir: string;
  /** Receives one line per completed step. */
  report: (line: string) => void;
}

export class DemoStepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DemoStepError';
  }
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new DemoStepError(name, error);
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export async function runDemoScenario(browser: ExtensionBrowser, options: DemoOptions): Promise<DemoResult> {
  const { context, extensionId } = browser;
  const { report } = options;
  const outputDir = resolve(options.outputDir);
  mkdirSync(outputDir, { recursive: true });

  // What a new user sees first: the welcome page, before any brand exists.
  const welcomeShot = resolve(outputDir, WELCOME_SCREENSHOT);
  await step('Screenshot the welcome page', () => screenshotWelcome(browser, welcomeShot));
  report('✓ Welcome page shown (brand setup)');

  const settings = await step('Load demo/settings.json', () => Promise.resolve(loadDemoSettings()));
  await step('Seed demo brand settings', async () => seedSettings(await currentServiceWorker(context), settings));
  report(`✓ Brand settings seeded: ${settings.brands.map((brand) => brand.name).join(', ')}`);
  await serveSites(context, demoSiteMap());

  const mentionsByPage: Record<string, string[]> = {};
  const pages: Page[] = [];
  const screenshots: string[] = [welcomeShot];
  /** Every page that names a complaint gets one case logged (so the dashboard shows all three sites). */
  const logged: { page: DemoPage; tab: Page; postKey: string; ref: string }[] = [];

  for (const demoPage of DEMO_PAGES) {
    const page = await context.newPage();
    pages.push(page);
    const ui = new SitePageUi(page);
    await step(`Open ${demoPage.label}`, () => page.goto(demoPage.url, { waitUntil: 'domcontentloaded' }));
    await step(`Wait for the CareSide sidebar on ${demoPage.label}`, () => ui.waitForSidebar(15_000));
    const keys = await step(`Read the sidebar on ${demoPage.label}`, () => ui.settledMentionKeys());
    mentionsByPage[demoPage.label] = keys;
    if (keys.length === 0) {
      const status = await ui.status
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null);
      throw new DemoStepError(`Sidebar on ${demoPage.label}`, `no brand mentions listed (status line: ${JSON.stringify(status)})`);
    }
    report(`✓ Sidebar found ${plural(keys.length, 'brand mention')} on ${demoPage.label}`);

    const postKey = demoPage.firstComplaintPostKey;
    if (postKey) {
      const ref = await step(`Log a case for ${postKey} from the sidebar`, () => ui.logFromSidebar(postKey));
      report(`✓ Logged ${ref} (${postKey})`);
      const badge = await step(`Inline control on ${postKey}`, async () => {
        const inlineRef = await ui.inlineRef(postKey);
        if (inlineRef !== ref) throw new Error(`inline badge shows ${inlineRef}, sidebar shows ${ref}`);
        return ui.inlineBadgeText(postKey);
      });
      report(`✓ Inline control on the post shows "${badge.trim()}"`);
      logged.push({ page: demoPage, tab: page, postKey, ref });
    }

    const shot = resolve(outputDir, `${demoPage.platform}-page.png`);
    await step(`Screenshot ${demoPage.label}`, () => page.screenshot({ path: shot }));
    screenshots.push(shot);
  }

  const popup = await step('Open the popup', () => openPopup(context, extensionId));
  const popupUi = new PopupUi(popup);
  const openTotal = await step('Read the popup', () => popupUi.openTotal());
  if (openTotal !== logged.length) throw new DemoStepError('Popup open total', `shows ${openTotal}, ${logged.length} cases were logged`);
  const newest = await step('Read the popup newest list', () => popupUi.newestRefs());
  const missing = logged.filter(({ ref }) => !newest.includes(ref)).map(({ ref }) => ref);
  if (missing.length > 0)
    throw new DemoStepError('Popup newest list', `does not list ${missing.join(', ')} (lists ${newest.join(', ') || 'nothing'})`);
  report(`✓ Popup shows ${plural(openTotal, 'open case')}`);
  const popupShot = resolve(outputDir, 'popup.png');
  await step('Screenshot the popup', () => popup.screenshot({ path: popupShot }));
  screenshots.push(popupShot);

  const badge = await step('Read the toolbar badge', async () => badgeText(await currentServiceWorker(context)));
  report(`✓ Toolbar badge shows ${JSON.stringify(badge)}`);
  const first = logged[0];
  if (first) {
    screenshots.push(...(await captureTour({ browser, page: first.tab, postKey: first.postKey, outputDir, step })));
    report(`✓ Case panel, dashboard and options page shown`);
  }
  report(`✓ Screenshots saved: ${screenshots.join(', ')}`);

  // Leave a site page in front for a headed demo.
  await pages[0]?.bringToFront();
  return { mentionsByPage, loggedRefs: logged.map(({ ref }) => ref), openTotal, badge, screenshots, pages, popup };
}

/** The welcome page's first step (brand setup) as a first install opens it. */
async function screenshotWelcome({ context, extensionId }: ExtensionBrowser, path: string): Promise<void> {
  const welcome = await context.newPage();
  try {
    await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
    await welcome.getByTestId('welcome-brand-form').waitFor();
    await welcome.screenshot({ path });
  } finally {
    await welcome.close();
  }
}
