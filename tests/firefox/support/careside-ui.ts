/**
 * CareSide's UI in Firefox through puppeteer-core: the same data-testid hooks and case-ref
 * pattern as the Chromium page objects (scripts/browser/careside-ui.ts), queried with
 * puppeteer's `>>>` combinator, which pierces the sidebar's and controls' open shadow roots.
 * Every wait polls what the UI states and throws an error naming the hook and what it saw.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { CASE_PANEL_HOOKS, CASE_REF_PATTERN, DEFAULT_WAIT_MS, HOOKS, SPIRAL_TRIAGE_HOOKS } from '../../../scripts/browser/careside-ui';

const deep = (selector: string) => `>>> ${selector}`;
const attr = (value: string) => value.replaceAll('\\', '\\\\').replaceAll('"', '\\"');

/** Poll `read` until `done` accepts its value; the error says what was last seen. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms, last saw ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Text of the first element matching `selector` (shadow roots pierced), or null when absent. */
export async function deepText(page: Page, selector: string): Promise<string | null> {
  const element = await page.$(deep(selector)).catch(() => null);
  if (!element) return null;
  return element.evaluate((node) => node.textContent).catch(() => null);
}

export async function waitForText(
  page: Page,
  selector: string,
  pattern: RegExp,
  what: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<string> {
  const seen = await pollUntil(
    () => deepText(page, selector),
    (text) => text !== null && pattern.test(text),
    `${what} (${selector}) matching ${String(pattern)}`,
    timeoutMs,
  );
  return seen ?? '';
}

export async function waitVisible(page: Page, selector: string, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<ElementHandle> {
  try {
    const element = await page.waitForSelector(deep(selector), { visible: true, timeout: timeoutMs });
    if (element) return element;
  } catch {
    // Reported below with the hook's name.
  }
  throw new Error(`${what} (${selector}) did not appear within ${timeoutMs} ms on ${page.url()}`);
}

/** The refs in an element, read text node by text node ("CS-7F3K" and "New" sit in sibling spans). */
async function refsIn(page: Page, selector: string): Promise<string[]> {
  const element = await page.$(deep(selector)).catch(() => null);
  if (!element) return [];
  return element
    .evaluate((node, source) => {
      const walker = node.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      const refs: string[] = [];
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        for (const match of (text.textContent ?? '').matchAll(new RegExp(source, 'g'))) refs.push(match[1] ?? '');
      }
      return refs;
    }, `(${CASE_REF_PATTERN.source})(?![0-9A-HJKMNP-TV-Z])`)
    .catch(() => []);
}

async function waitForRef(page: Page, selector: string, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
  const refs = await pollUntil(
    () => refsIn(page, selector),
    (found) => found.length === 1,
    `${what}: exactly one case ref`,
    timeoutMs,
  );
  return refs[0] ?? '';
}

/** CareSide's sidebar and inline controls on a site page (X, Facebook, Yelp alike). */
export class FirefoxSiteUi {
  constructor(readonly page: Page) {}

  mention(postKey: string): string {
    return `${HOOKS.mention}[data-post-key="${attr(postKey)}"]`;
  }

  async waitForSidebar(): Promise<void> {
    await waitVisible(this.page, HOOKS.sidebar, 'CareSide sidebar');
  }

  /**
   * The sidebar's status line once the sidebar has caught up (aria-busy="false": no reads or
   * publish left) and says some posts mention a brand. It counts up while the page is read.
   */
  async settledStatus(): Promise<string> {
    return pollUntil(
      async () =>
        (await this.page.$(deep(`${HOOKS.sidebar}[aria-busy="false"]`))) ? await deepText(this.page, HOOKS.sidebarStatus) : null,
      (text) => text !== null && /[1-9][\d,]* mentions? a brand/.test(text),
      'Settled sidebar status naming brand mentions',
    ).then((text) => text ?? '');
  }

  async logFromSidebar(postKey: string): Promise<string> {
    const button = await waitVisible(this.page, `${this.mention(postKey)} ${HOOKS.mentionLog}`, `Log button for ${postKey}`);
    await button.click();
    return this.sidebarRef(postKey);
  }

  async sidebarRef(postKey: string): Promise<string> {
    return waitForRef(this.page, `${this.mention(postKey)} ${HOOKS.mentionCase}`, `Sidebar case for ${postKey}`);
  }

  async inlineRef(postKey: string): Promise<string> {
    return waitForRef(
      this.page,
      `${HOOKS.inlineHost}[data-careside-post-key="${attr(postKey)}"] ${HOOKS.inlineBadge}`,
      `Inline badge for ${postKey}`,
    );
  }
}

/** The case panel a logged post's sidebar row opens (replies, handoff). */
export class FirefoxCasePanelUi {
  constructor(readonly page: Page) {}

  private inPanel(selector: string): string {
    return `${CASE_PANEL_HOOKS.panel} ${selector}`;
  }

  async open(postKey: string): Promise<void> {
    const row = `${HOOKS.mention}[data-post-key="${attr(postKey)}"]`;
    // Rows sort by priority, so a row moves when its triage answer arrives (up to a publish
    // interval after the row shows while posts stream in). A handle clicked at its old place
    // hits another row: wait until this row is triaged, then click through a locator, which
    // re-finds the button and waits for it to stand still (Playwright's click does both).
    await waitVisible(this.page, `${row} ${SPIRAL_TRIAGE_HOOKS.mentionTriage}`, `Triage of the sidebar row for ${postKey}`);
    await this.page
      .locator(deep(`${row} ${CASE_PANEL_HOOKS.openCase}`))
      .setTimeout(DEFAULT_WAIT_MS)
      .click();
    await waitVisible(this.page, this.inPanel(CASE_PANEL_HOOKS.suggestion), 'Reply suggestions in the case panel');
  }

  async suggestionCount(): Promise<number> {
    return (await this.page.$$(deep(this.inPanel(CASE_PANEL_HOOKS.suggestion)))).length;
  }

  /** Pick a suggestion; returns the text the reply editor then holds. */
  async pick(rank: number): Promise<string> {
    const button = await waitVisible(
      this.page,
      this.inPanel(`${CASE_PANEL_HOOKS.suggestion}[data-rank="${rank}"] button`),
      `Suggestion ${rank}`,
    );
    await button.click();
    const editor = await waitVisible(this.page, this.inPanel(CASE_PANEL_HOOKS.replyText), 'Reply editor');
    return editor.evaluate((node) => (node as HTMLTextAreaElement).value);
  }

  /** Click Insert; returns the result line's kind and text once shown. */
  async insert(): Promise<{ kind: string | null; text: string }> {
    await (await waitVisible(this.page, this.inPanel(CASE_PANEL_HOOKS.insert), 'Insert button')).click();
    const result = await waitVisible(this.page, this.inPanel(CASE_PANEL_HOOKS.result), 'Insert result');
    return result.evaluate((node) => ({ kind: node.getAttribute('data-kind'), text: node.textContent ?? '' }));
  }

  async clickHandoff(channel: string): Promise<void> {
    await (
      await waitVisible(this.page, this.inPanel(`${CASE_PANEL_HOOKS.handoff}[data-channel="${attr(channel)}"]`), `Handoff ${channel}`)
    ).click();
  }

  /** What the panel says after a handoff opened (and whether the message was copied). */
  async handoffResult(): Promise<string> {
    return waitForText(this.page, '[data-testid="careside-handoff-result"]', /\S/, 'Handoff result');
  }

  /** Confirm the handoff happened; waits for the case to say Handed off. */
  async confirmHandoff(): Promise<void> {
    await (await waitVisible(this.page, this.inPanel(CASE_PANEL_HOOKS.confirmHandoff), 'Confirm handoff')).click();
    await waitForText(this.page, this.inPanel(CASE_PANEL_HOOKS.status), /^Handed off$/, 'Case status');
  }

  /** The timeline entries of one type: shown time (datetime attribute) and text. */
  async timelineEntries(type: string): Promise<{ dateTime: string | null; text: string }[]> {
    const entries = await this.page.$$(deep(this.inPanel(`${CASE_PANEL_HOOKS.timelineEntry}[data-type="${attr(type)}"]`)));
    return Promise.all(
      entries.map((entry) =>
        entry.evaluate((node) => ({
          dateTime: node.querySelector('time')?.getAttribute('datetime') ?? null,
          text: node.textContent ?? '',
        })),
      ),
    );
  }

  async waitForTimelineEntry(type: string): Promise<string> {
    return waitForText(
      this.page,
      this.inPanel(`${CASE_PANEL_HOOKS.timelineEntry}[data-type="${attr(type)}"]`),
      /\S/,
      `Timeline entry ${type}`,
    );
  }
}

/** The popup's open total (popup.html in a tab); throws with the popup's own error if it shows one. */
export async function popupOpenTotal(page: Page, expected: number): Promise<number> {
  const text = await pollUntil(
    async () => (await deepText(page, HOOKS.popupError)) ?? (await deepText(page, HOOKS.popupOpenTotal)),
    (seen) => seen !== null && new RegExp(`^\\D*${expected}\\D*$`).test(seen),
    `Popup open total ${HOOKS.popupOpenTotal} showing ${expected}`,
  );
  return Number(/\d+/.exec(text ?? '')?.[0]);
}
