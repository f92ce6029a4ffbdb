/**
 * The browser side of a soak run: one persistent profile across restarts, its tabs, the
 * worker control, and the ledger of refs every tab showed (every showing must agree).
 */
import type { CDPSession } from 'playwright-core';
import type { XPostSpec } from '../../demo/x/markup';
import { loadDemoSettings } from '../../demo/pages';
import { PopupUi } from '../browser/careside-ui';
import {
  badgeText,
  currentServiceWorker,
  launchExtensionBrowser,
  openPopup,
  seedSettings,
  serveSites,
  type ExtensionBrowser,
} from '../browser/launch';
import { sampleHeap, type TabLife } from './heap';
import type { SoakOptions } from './options';
import { keyOfPost, mentionsBrand } from './posts';
import { readAllCases, type ReadBack } from './read-back';
import { emptyCounts } from './report';
import { SEARCH_PATH, SoakFailure, SoakPage, hasControl, isRef, soakPageHtml, tabUrl } from './soak-page';
import { WorkerControl } from './worker-control';

export interface SoakTab {
  index: number;
  page: SoakPage;
  cdp: CDPSession;
  life: TabLife;
}

export class SoakSession {
  /** postKey → the ref the UI showed for it. */
  readonly shown = new Map<string, string>();
  private readonly shownInSession = new Map<string, number>();
  readonly failures: string[] = [];
  readonly lives: TabLife[] = [];
  readonly counts = emptyCounts();
  tabs: SoakTab[] = [];
  private browser?: ExtensionBrowser;
  private worker?: WorkerControl;
  private session = 0;

  constructor(
    private readonly options: SoakOptions,
    private readonly profile: string,
  ) {}

  /** Launch the browser on the profile and open the tabs; settings are seeded only the first time (later they must come back from the profile). */
  async open(): Promise<void> {
    const browser = await launchExtensionBrowser({ headless: true, userDataDir: this.profile });
    this.browser = browser;
    if (this.session === 0) await seedSettings(browser.serviceWorker, loadDemoSettings());
    await serveSites(browser.context, { [SEARCH_PATH]: soakPageHtml() });
    this.tabs = [];
    for (let index = 0; index < this.options.tabs; index++) {
      const page = await browser.context.newPage();
      const soakPage = new SoakPage(page);
      await page.goto(tabUrl(index, this.session), { waitUntil: 'domcontentloaded' });
      const cdp = await browser.context.newCDPSession(page);
      if (index === 0) this.worker = await WorkerControl.attach(cdp);
      const life: TabLife = { label: `s${this.session + 1} tab ${index + 1}`, posts: 0, series: [] };
      this.lives.push(life);
      this.tabs.push({ index, page: soakPage, cdp, life });
    }
  }

  async close(): Promise<void> {
    for (const tab of this.tabs) tab.life.end = await sampleHeap(tab.cdp);
    await this.browser?.close();
    this.browser = undefined;
  }

  /** Close and relaunch onto the same profile. */
  async restart(): Promise<void> {
    await this.close();
    this.counts.restarts++;
    this.session++;
    await this.open();
  }

  /** Close without the last heap samples, after a failure. */
  async abandon(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
  }

  /** Keys of the posts logged last (to show again after a restart). */
  lastLogged(count: number): string[] {
    return [...this.shown.keys()].slice(-count);
  }

  async stopWorker(inFlight: boolean): Promise<void> {
    if (!(await this.worker?.stop())) return;
    this.counts.workerStops++;
    if (inFlight) this.counts.stopsInFlight++;
  }

  private record(key: string, ref: string, where: string) {
    const known = this.shown.get(key);
    if (known !== undefined && known !== ref) this.failures.push(`${key} showed ${known} and then ${ref} (${where})`);
    if (known === undefined) this.shown.set(key, ref);
    this.shownInSession.set(key, this.session);
  }

  /** One tab's part of a round: append its posts, wait for their controls, check refs shown again, log some. */
  async tabRound(tab: SoakTab, posts: XPostSpec[], toLog: XPostSpec[], onClicked: () => void): Promise<void> {
    const { page, life } = tab;
    await page.append(posts, this.options.keepCells);
    life.posts += posts.length;
    const mentionKeys = posts.filter(mentionsBrand).map(keyOfPost);
    await page.waitForControls(mentionKeys, hasControl, `${life.label}: inline controls for new posts`);
    const known = mentionKeys.filter((key) => this.shown.has(key));
    if (known.length > 0) {
      const refs = await page.waitForControls(known, isRef, `${life.label}: refs of posts logged before the restart`);
      known.forEach((key, index) => {
        if (refs[index] !== this.shown.get(key))
          this.failures.push(`${life.label}: ${key} was logged as ${this.shown.get(key)} but its control shows ${refs[index]}`);
        else if (this.shownInSession.get(key) !== this.session) this.counts.recheckedAfterRestart++;
      });
    }
    for (const post of toLog) {
      const key = keyOfPost(post);
      if (!(await page.click(key))) throw new SoakFailure(`${life.label}: ${key} shows no Log case button to click`);
      this.counts.clicks++;
      onClicked();
    }
    const keys = toLog.map(keyOfPost);
    const refs = await page.waitForControls(keys, isRef, `${life.label}: refs after logging`);
    keys.forEach((key, index) => this.record(key, refs[index] ?? '', life.label));
  }

  /** The same post in two tabs, both still offering "Log case": click both at once; both must show one ref. */
  async logFromTwoTabs(post: XPostSpec, pair: [number, number]): Promise<void> {
    const key = keyOfPost(post);
    const tabs = pair.map((index) => this.tabs[index] as SoakTab);
    this.counts.duplicatePairs++;
    const clicks = await Promise.all(tabs.map((tab) => tab.page.click(key)));
    this.counts.clicks += clicks.filter(Boolean).length;
    if (clicks.every(Boolean)) this.counts.duplicateBothClicked++;
    for (const tab of tabs) {
      const [ref] = await tab.page.waitForControls([key], isRef, `${tab.life.label}: ref of a post logged from two tabs`);
      this.record(key, ref ?? '', `${tab.life.label} (logged from two tabs)`);
    }
  }

  /** From a fresh worker (stopped once more): every case, the popup's open total and the badge; then close. */
  async readBack(): Promise<ReadBack> {
    await this.stopWorker(false);
    if (!this.browser) throw new Error('no browser');
    const popupPage = await openPopup(this.browser.context, this.browser.extensionId);
    const stored = await readAllCases(popupPage);
    const popupTotal = await new PopupUi(popupPage).openTotal();
    const badge = await badgeText(await currentServiceWorker(this.browser.context));
    await this.close();
    return { shown: this.shown, stored, popupTotal, badge };
  }
}
