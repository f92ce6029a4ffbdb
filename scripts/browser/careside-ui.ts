/**
 * Page objects for CareSide's UI in a real browser, written against the DOM contract in the
 * brief (data-testid hooks; open shadow roots, which Playwright's CSS locators pierce).
 * Shared by the e2e tests and `npm start`. Waits throw errors that name the missing hook.
 */
import type { Locator, Page } from 'playwright-core';
import { SIDEBAR_PAGE_ROWS } from '../../lib/content/view-model';

/** A case reference as lib/domain/case.ts defines it (CS- + Crockford base32). */
export const CASE_REF_PATTERN = /CS-[0-9A-HJKMNP-TV-Z]{4,8}/;

export const HOOKS = {
  sidebar: '[data-testid="careside-sidebar"]',
  sidebarToggle: '[data-testid="careside-sidebar-toggle"]',
  sidebarStatus: '[data-testid="careside-sidebar-status"]',
  mention: '[data-testid="careside-mention"]',
  mentionLog: '[data-testid="careside-mention-log"]',
  mentionCase: '[data-testid="careside-mention-case"]',
  inlineHost: 'careside-inline',
  inlineLog: '[data-testid="careside-log-case"]',
  inlineBadge: '[data-testid="careside-case-badge"]',
  popupOpenTotal: '[data-testid="popup-open-total"]',
  popupOldestWaiting: '[data-testid="popup-oldest-waiting"]',
  popupNewest: '[data-testid="popup-newest"]',
  popupError: '[data-testid="popup-error"]',
} as const;

export const DEFAULT_WAIT_MS = 10_000;

/** Escape a value for a CSS attribute selector in double quotes. */
function attr(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
}

/** Text of the first match, or null when absent (never waits long). */
export async function textOrNull(locator: Locator): Promise<string | null> {
  try {
    return await locator.first().textContent({ timeout: 250 });
  } catch {
    return null;
  }
}

/** Wait until the locator's text matches; the error says which hook and what was seen. */
export async function waitForText(locator: Locator, pattern: RegExp, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen: string | null = null;
  for (;;) {
    seen = await textOrNull(locator);
    if (seen !== null && pattern.test(seen)) return seen;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: expected text matching ${String(pattern)} within ${timeoutMs} ms, saw ${seen === null ? 'no element' : JSON.stringify(seen)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitVisible(locator: Locator, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(`${what} did not appear within ${timeoutMs} ms`);
  }
}

/**
 * Case refs shown inside an element, read text node by text node: a ref and its status label
 * often sit in sibling spans ("CS-7F3K" + "New"), which textContent would glue into "CS-7F3KNew".
 */
async function refsIn(locator: Locator): Promise<string[]> {
  return locator.evaluate((element, source) => {
    const pattern = new RegExp(source, 'g');
    const refs: string[] = [];
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? '').matchAll(pattern)) refs.push(match[1] ?? '');
    }
    return refs;
  }, REF_IN_TEXT_SOURCE);
}

/** A ref standing alone in its text (not followed by more ref characters). */
const REF_IN_TEXT_SOURCE = `(${CASE_REF_PATTERN.source})(?![0-9A-HJKMNP-TV-Z])`;

/** Wait until the element shows exactly one case ref; the error names the hook and what it saw. */
async function waitForRef(locator: Locator, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen: string | null = null;
  for (;;) {
    seen = await textOrNull(locator);
    if (seen !== null) {
      const refs = await refsIn(locator.first()).catch(() => []);
      if (refs.length === 1 && refs[0]) return refs[0];
      if (refs.length > 1) throw new Error(`${what} shows several case refs: ${refs.join(', ')}`);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: no case ref (${String(CASE_REF_PATTERN)}) within ${timeoutMs} ms, saw ${seen === null ? 'no element' : JSON.stringify(seen)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** CareSide's sidebar and inline controls on a site page (X, Facebook, Yelp alike). */
export class SitePageUi {
  constructor(readonly page: Page) {}

  get sidebar(): Locator {
    return this.page.locator(HOOKS.sidebar);
  }

  get status(): Locator {
    return this.page.locator(HOOKS.sidebarStatus);
  }

  get mentions(): Locator {
    return this.page.locator(HOOKS.mention);
  }

  mention(postKey: string): Locator {
    return this.page.locator(`${HOOKS.mention}[data-post-key="${attr(postKey)}"]`);
  }

  inline(postKey: string): Locator {
    return this.page.locator(`${HOOKS.inlineHost}[data-careside-post-key="${attr(postKey)}"]`);
  }

  async waitForSidebar(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    try {
      await waitVisible(this.sidebar, `CareSide sidebar (${HOOKS.sidebar}) on ${this.page.url()}`, timeoutMs);
    } catch (error) {
      // Say how far CareSide got, so a failure points at the right part.
      const hosts = await this.page.locator('careside-sidebar').count();
      const inline = await this.page.locator(HOOKS.inlineHost).count();
      const why =
        hosts === 0 && inline === 0
          ? 'no <careside-sidebar> or <careside-inline> element on the page: the content script did not run (not in the build, wrong match pattern, or it threw)'
          : hosts === 0
            ? `no <careside-sidebar> element (but ${inline} <careside-inline>)`
            : '<careside-sidebar> exists but has no visible [data-testid="careside-sidebar"] inside its open shadow root';
      throw new Error(`${error instanceof Error ? error.message : String(error)}: ${why}`);
    }
  }

  /** Wait for the sidebar row of one post. */
  async waitForMention(postKey: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await waitVisible(this.mention(postKey), `Sidebar row ${HOOKS.mention}[data-post-key="${postKey}"]`, timeoutMs);
  }

  /**
   * Post keys of the sidebar rows once the sidebar has caught up with what was read: it is not
   * busy (aria-busy="false": no publish waiting, no reads left) and lists as many rows as its
   * status line says mention a brand (up to a page of rows). Waits on what the sidebar states,
   * never on a quiet period.
   */
  async settledMentionKeys(timeoutMs = DEFAULT_WAIT_MS): Promise<string[]> {
    const settled = this.page.locator(`${HOOKS.sidebar}[aria-busy="false"]`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [caughtUp, status, rows] = await Promise.all([settled.count(), this.status.textContent(), this.mentions.count()]);
      const stated = Number(/(\d[\d,]*) mentions? a brand/.exec(status ?? '')?.[1]?.replace(/,/g, '') ?? Number.NaN);
      if (caughtUp === 1 && stated > 0 && rows === Math.min(stated, SIDEBAR_PAGE_ROWS)) break;
      if (Date.now() > deadline) {
        throw new Error(
          `The sidebar did not settle within ${timeoutMs} ms: status "${status ?? ''}", ${rows} rows, busy=${caughtUp === 0}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.mentions.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-post-key') ?? ''));
  }

  /** Click "Log case" in the post's sidebar row; returns the ref the row then shows. */
  async logFromSidebar(postKey: string, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
    await this.waitForMention(postKey, timeoutMs);
    const button = this.mention(postKey).locator(HOOKS.mentionLog);
    await waitVisible(button, `Log button ${HOOKS.mentionLog} in the sidebar row for ${postKey}`, timeoutMs);
    await button.click();
    return this.sidebarRef(postKey, timeoutMs);
  }

  /** The case ref shown in the post's sidebar row. */
  async sidebarRef(postKey: string, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
    return waitForRef(this.mention(postKey).locator(HOOKS.mentionCase), `Sidebar case ${HOOKS.mentionCase} for ${postKey}`, timeoutMs);
  }

  /** Click the inline "Log case" control on the post; returns the ref its badge then shows. */
  async logInline(postKey: string, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
    const button = this.inline(postKey).locator(HOOKS.inlineLog);
    await waitVisible(button, `Inline ${HOOKS.inlineLog} inside careside-inline[data-careside-post-key="${postKey}"]`, timeoutMs);
    await button.click();
    return this.inlineRef(postKey, timeoutMs);
  }

  /** The full text of the inline badge ("CS-7F3K · New"). */
  async inlineBadgeText(postKey: string, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
    return waitForText(
      this.inline(postKey).locator(HOOKS.inlineBadge),
      CASE_REF_PATTERN,
      `Inline badge ${HOOKS.inlineBadge} inside careside-inline[data-careside-post-key="${postKey}"]`,
      timeoutMs,
    );
  }

  async inlineRef(postKey: string, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
    try {
      return await waitForRef(
        this.inline(postKey).locator(HOOKS.inlineBadge),
        `Inline badge ${HOOKS.inlineBadge} inside careside-inline[data-careside-post-key="${postKey}"]`,
        timeoutMs,
      );
    } catch (error) {
      // Say what the control shows instead (an error, "Logging…", still "Log case"): that names the cause.
      throw new Error(`${(error as Error).message}; the control shows ${JSON.stringify(await this.inlineText(postKey))}`);
    }
  }

  /** Everything the inline control shows, part by part ("Log case | P2 · Refund"), or null without a control. */
  async inlineText(postKey: string): Promise<string | null> {
    const host = this.inline(postKey).first();
    if ((await host.count()) === 0) return null;
    return host.evaluate((element) =>
      [...(element.shadowRoot?.querySelectorAll('.row > *') ?? [])].map((part) => part.textContent ?? '').join(' | '),
    );
  }
}

/** The toolbar popup (opened as a tab at popup.html). */
export class PopupUi {
  constructor(readonly page: Page) {}

  /** Wait for the open total; throws with the popup's own error text if it shows one. */
  async openTotal(timeoutMs = DEFAULT_WAIT_MS): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const error = await textOrNull(this.page.locator(HOOKS.popupError));
      if (error) throw new Error(`Popup shows an error: ${error}`);
      const text = await textOrNull(this.page.locator(HOOKS.popupOpenTotal));
      if (text !== null && /\d/.test(text)) return Number(/\d+/.exec(text)?.[0]);
      if (Date.now() > deadline) {
        throw new Error(
          `Popup open total ${HOOKS.popupOpenTotal} did not show a number within ${timeoutMs} ms (saw ${JSON.stringify(text)})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A number shown under a data-testid (popup-status-new, popup-platform-x, ...). */
  async count(testId: string): Promise<number> {
    const what = `Popup [data-testid="${testId}"]`;
    const text = await waitForText(this.page.locator(`[data-testid="${attr(testId)}"]`), /\d/, what);
    return Number(/\d+/.exec(text)?.[0]);
  }

  /** Refs listed in popup-newest, one per li, in order. */
  async newestRefs(): Promise<string[]> {
    await waitVisible(this.page.locator(HOOKS.popupNewest), `Popup newest list ${HOOKS.popupNewest}`);
    const items = await this.page.locator(`${HOOKS.popupNewest} li`).all();
    const refs: string[] = [];
    for (const item of items) {
      const found = await refsIn(item);
      refs.push(found.length === 1 && found[0] ? found[0] : `(li shows ${found.length} refs: ${JSON.stringify(await item.textContent())})`);
    }
    return refs;
  }

  async oldestWaitingText(): Promise<string | null> {
    return textOrNull(this.page.locator(HOOKS.popupOldestWaiting));
  }
}

/** Hooks of the case panel (replies, handoff, timeline) inside the sidebar. */
export const CASE_PANEL_HOOKS = {
  openCase: '[data-testid="careside-mention-open-case"]',
  panel: '[data-testid="careside-case-panel"]',
  status: '[data-testid="careside-case-status"]',
  suggestion: '[data-testid="careside-suggestion"]',
  replyText: '[data-testid="careside-reply-text"]',
  lintFinding: '[data-testid="careside-lint-finding"]',
  insert: '[data-testid="careside-insert-reply"]',
  copy: '[data-testid="careside-copy-reply"]',
  result: '[data-testid="careside-reply-result"]',
  handoff: '[data-testid="careside-handoff"]',
  confirmReplied: '[data-testid="careside-confirm-replied"]',
  confirmHandoff: '[data-testid="careside-confirm-handoff"]',
  timeline: '[data-testid="careside-timeline"]',
  timelineEntry: '[data-testid="careside-timeline-entry"]',
} as const;

/** The case panel a logged post's sidebar row opens. */
export class CasePanelUi {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.locator(CASE_PANEL_HOOKS.panel);
  }

  /** Click "Reply" in the post's sidebar row and wait for its suggestions. */
  async open(postKey: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    const row = this.page.locator(`${HOOKS.mention}[data-post-key="${attr(postKey)}"]`);
    const button = row.locator(CASE_PANEL_HOOKS.openCase);
    await waitVisible(button, `Open-case button ${CASE_PANEL_HOOKS.openCase} in the sidebar row for ${postKey}`, timeoutMs);
    await button.click();
    await waitVisible(
      this.panel.locator(CASE_PANEL_HOOKS.suggestion),
      `Suggestions ${CASE_PANEL_HOOKS.suggestion} in the case panel`,
      timeoutMs,
    );
  }

  suggestion(rank: number): Locator {
    return this.panel.locator(`${CASE_PANEL_HOOKS.suggestion}[data-rank="${rank}"]`);
  }

  /** Pick a suggestion; returns the reply text the editor then holds. */
  async pick(rank: number): Promise<string> {
    await this.suggestion(rank).locator('button').click();
    return this.panel.locator(CASE_PANEL_HOOKS.replyText).inputValue();
  }

  async replyText(): Promise<string> {
    return this.panel.locator(CASE_PANEL_HOOKS.replyText).inputValue();
  }

  /** Click "Insert into reply box"; returns the result line's kind and text once shown. */
  async insert(timeoutMs = DEFAULT_WAIT_MS): Promise<{ kind: string | null; text: string }> {
    await this.panel.locator(CASE_PANEL_HOOKS.insert).click();
    const result = this.panel.locator(CASE_PANEL_HOOKS.result);
    await waitVisible(result, `Insert result ${CASE_PANEL_HOOKS.result}`, timeoutMs);
    return { kind: await result.getAttribute('data-kind'), text: (await result.textContent()) ?? '' };
  }

  handoff(channel: string): Locator {
    return this.panel.locator(`${CASE_PANEL_HOOKS.handoff}[data-channel="${attr(channel)}"]`);
  }

  /** Click a handoff button; returns the page it opened, once it has loaded. */
  async openHandoff(channel: string, timeoutMs = DEFAULT_WAIT_MS): Promise<Page> {
    const [opened] = await Promise.all([this.page.context().waitForEvent('page', { timeout: timeoutMs }), this.handoff(channel).click()]);
    await opened.waitForLoadState('domcontentloaded', { timeout: timeoutMs }).catch(() => undefined);
    return opened;
  }

  /** Wait until the panel shows this status label (a STATUS_LABELS value: plain words). */
  async waitForStatus(label: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await waitForText(
      this.panel.locator(CASE_PANEL_HOOKS.status),
      new RegExp(`^${label}$`),
      `Case panel status ${CASE_PANEL_HOOKS.status}`,
      timeoutMs,
    );
  }

  /** The timeline's entries: type, shown time and text. */
  async timeline(): Promise<{ type: string | null; dateTime: string | null; text: string }[]> {
    return this.panel.locator(CASE_PANEL_HOOKS.timelineEntry).evaluateAll((entries) =>
      entries.map((entry) => ({
        type: entry.getAttribute('data-type'),
        dateTime: entry.querySelector('time')?.getAttribute('datetime') ?? null,
        text: entry.textContent ?? '',
      })),
    );
  }
}

/** Spiral and triage hooks (sidebar alert, popup list, per-row triage). */
export const SPIRAL_TRIAGE_HOOKS = {
  spiralAlert: '[data-testid="careside-spiral-alert"]',
  popupSpirals: '[data-testid="popup-spirals"]',
  mentionTriage: '[data-testid="careside-mention-triage"]',
  mentionExplanation: '[data-testid="careside-mention-explanation"]',
  inlineTriage: '[data-testid="careside-triage"]',
} as const;

/** Wait until the sidebar shows a spiral alert matching `pattern`; returns every alert's text. */
export async function waitForSpiralAlert(page: Page, pattern: RegExp, timeoutMs = DEFAULT_WAIT_MS): Promise<string[]> {
  await waitForText(
    page.locator(SPIRAL_TRIAGE_HOOKS.spiralAlert),
    pattern,
    `Sidebar spiral alert ${SPIRAL_TRIAGE_HOOKS.spiralAlert}`,
    timeoutMs,
  );
  return page.locator(SPIRAL_TRIAGE_HOOKS.spiralAlert).allTextContents();
}

/** The popup's spiral list, one text per li, once it is shown. */
export async function popupSpiralItems(page: Page, timeoutMs = DEFAULT_WAIT_MS): Promise<string[]> {
  await waitVisible(page.locator(SPIRAL_TRIAGE_HOOKS.popupSpirals), `Popup spiral list ${SPIRAL_TRIAGE_HOOKS.popupSpirals}`, timeoutMs);
  return page.locator(`${SPIRAL_TRIAGE_HOOKS.popupSpirals} li`).allTextContents();
}

/** Sidebar rows in display order, with what triage says about each. */
export async function mentionTriageRows(
  page: Page,
): Promise<{ postKey: string; priority: string | null; complaint: string | null; triage: string; explanation: string }[]> {
  return page.locator(HOOKS.mention).evaluateAll(
    (rows, hooks) =>
      rows.map((row) => {
        const triage = row.querySelector(hooks.mentionTriage);
        return {
          postKey: row.getAttribute('data-post-key') ?? '',
          priority: triage?.getAttribute('data-priority') ?? null,
          complaint: triage?.getAttribute('data-complaint') ?? null,
          triage: triage?.textContent ?? '',
          explanation: row.querySelector(hooks.mentionExplanation)?.textContent ?? '',
        };
      }),
    SPIRAL_TRIAGE_HOOKS,
  );
}

/** Hooks of the dashboard page (dashboard.html) and the popup's workflow section. */
export const DASHBOARD_HOOKS = {
  search: '[data-testid="dashboard-search"]',
  row: '[data-testid="dashboard-row"]',
  total: '[data-testid="dashboard-total"]',
  chart: '[data-testid="dashboard-chart"]',
  stats: '[data-testid="dashboard-stats"]',
  exportCsv: '[data-testid="dashboard-export-csv"]',
  exportJson: '[data-testid="dashboard-export-json"]',
  exportZendesk: '[data-testid="dashboard-export-zendesk"]',
  importFile: '[data-testid="dashboard-import"]',
  importReport: '[data-testid="dashboard-import-report"]',
  caseDetail: '[data-testid="dashboard-case"]',
  popupBreaching: '[data-testid="popup-breaching"]',
  popupDashboardLink: '[data-testid="popup-dashboard-link"]',
} as const;

/** The dashboard, opened as a tab at dashboard.html. */
export class DashboardUi {
  constructor(readonly page: Page) {}

  static async open(page: Page, extensionId: string): Promise<DashboardUi> {
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    return new DashboardUi(page);
  }

  /** The number of matching cases once it is shown (waits for `expected` when given). */
  async total(expected?: number, timeoutMs = DEFAULT_WAIT_MS): Promise<number> {
    const pattern = expected === undefined ? /\d/ : new RegExp(`^${expected.toLocaleString('en-US')}$`);
    const text = await waitForText(
      this.page.locator(DASHBOARD_HOOKS.total),
      pattern,
      `Dashboard total ${DASHBOARD_HOOKS.total}`,
      timeoutMs,
    );
    return Number(text.replace(/\D/g, ''));
  }

  /** Refs of the rows currently rendered, top to bottom. */
  async renderedRefs(): Promise<string[]> {
    return this.page.locator(DASHBOARD_HOOKS.row).evaluateAll((rows) =>
      rows
        .map((row) => ({ ref: row.getAttribute('data-case-ref') ?? '', top: row.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.ref),
    );
  }

  async search(text: string): Promise<void> {
    await this.page.locator(DASHBOARD_HOOKS.search).fill(text);
  }

  async filter(field: string, value: string): Promise<void> {
    await this.page.locator(`[data-testid="dashboard-filter-${attr(field)}"]`).selectOption(value);
  }

  /** Scroll the virtualized list to a fraction (0..1) of its height. */
  async scrollListTo(fraction: number): Promise<void> {
    await this.page.locator('.dash-viewport').evaluate((element, at) => {
      element.scrollTop = (element.scrollHeight - element.clientHeight) * at;
      element.dispatchEvent(new Event('scroll'));
    }, fraction);
  }

  /** Click an export button and return the downloaded file's name and text. */
  async exportFile(kind: 'csv' | 'json' | 'zendesk'): Promise<{ name: string; text: string }> {
    const button = { csv: DASHBOARD_HOOKS.exportCsv, json: DASHBOARD_HOOKS.exportJson, zendesk: DASHBOARD_HOOKS.exportZendesk }[kind];
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: DEFAULT_WAIT_MS * 3 }),
      this.page.locator(button).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Import a file with the given text and wait for the report (returns its text). */
  async importText(name: string, text: string, timeoutMs = DEFAULT_WAIT_MS * 3): Promise<string> {
    const report = this.page.locator(DASHBOARD_HOOKS.importReport);
    const before = (await textOrNull(report)) ?? '';
    await this.page
      .locator(DASHBOARD_HOOKS.importFile)
      .setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text, 'utf8') });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = (await this.page.locator(`${DASHBOARD_HOOKS.importReport} [data-import-result]`).count()) > 0;
      const now = (await textOrNull(report)) ?? '';
      if (done && now !== before) return now;
      if (Date.now() > deadline)
        throw new Error(
          `Dashboard import report ${DASHBOARD_HOOKS.importReport} showed no new result within ${timeoutMs} ms (saw ${JSON.stringify(now)})`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
