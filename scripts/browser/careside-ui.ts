/**
 * Page objects for CareSide's UI in a real browser, written against the DOM contract in the
 * brief (data-testid hooks; open shadow roots, which Playwright's CSS locators pierce).
 * Shared by the e2e tests and `npm start`. Waits throw errors that name the missing hook.
 */
import type { Locator, Page } from 'playwright-core';

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
      throw new Error(`${what}: expected text matching ${String(pattern)} within ${timeoutMs} ms, saw ${seen === null ? 'no element' : JSON.stringify(seen)}`);
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
      throw new Error(`${what}: no case ref (${String(CASE_REF_PATTERN)}) within ${timeoutMs} ms, saw ${seen === null ? 'no element' : JSON.stringify(seen)}`);
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

  /** Post keys of the sidebar rows, once their number has stopped changing. */
  async settledMentionKeys(timeoutMs = DEFAULT_WAIT_MS): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    let previous = -1;
    let stableSince = Date.now();
    for (;;) {
      const count = await this.mentions.count();
      if (count !== previous) {
        previous = count;
        stableSince = Date.now();
      }
      if ((count > 0 && Date.now() - stableSince >= 500) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const keys = await this.mentions.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-post-key') ?? ''));
    return keys;
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
    return waitForRef(
      this.inline(postKey).locator(HOOKS.inlineBadge),
      `Inline badge ${HOOKS.inlineBadge} inside careside-inline[data-careside-post-key="${postKey}"]`,
      timeoutMs,
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
        throw new Error(`Popup open total ${HOOKS.popupOpenTotal} did not show a number within ${timeoutMs} ms (saw ${JSON.stringify(text)})`);
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
