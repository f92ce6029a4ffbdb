/**
 * The soak's x.com page: a generated search timeline plus a main-world script that appends
 * cells (dropping the oldest, like X's virtual list) and reads CareSide's inline controls;
 * clicks are real input. The node side waits on what those controls show, never on a sleep.
 */
import type { Page } from 'playwright-core';
import { xSearchPageHtml, xTweetCellHtml, type XPostSpec } from '../../demo/x/markup';
import { CASE_REF_PATTERN, HOOKS } from '../browser/careside-ui';

export const SEARCH_PATH = 'https://x.com/search';
export const tabUrl = (tab: number, session: number) => `${SEARCH_PATH}?q=%22Acme%20Air%22&src=typed_query&f=live&soak=${session}-${tab}`;
const UI_WAIT_MS = 30_000;

export class SoakFailure extends Error {}

const PAGE_SCRIPT = `
(() => {
  const hostOf = (key) => document.querySelector('careside-inline[data-careside-post-key="' + key + '"]');
  const refPattern = /${CASE_REF_PATTERN.source}/;
  window.__soak = {
    append(html, keep) {
      const container = document.getElementById('timeline-cells');
      container.insertAdjacentHTML('beforeend', html);
      // From the top, whitespace between cells included (each cell's markup starts with a newline).
      while (container.childElementCount > keep) container.firstChild.remove();
      window.scrollTo(0, document.documentElement.scrollHeight);
      return container.children.length;
    },
    /** What each post's inline control shows: absent, "log" (a Log case button), a ref, or an error. */
    controls(keys) {
      return keys.map((key) => {
        const root = hostOf(key)?.shadowRoot;
        if (!root) return 'absent';
        const error = root.querySelector('[role="alert"]')?.textContent?.trim();
        if (error) return 'error: ' + error;
        const ref = refPattern.exec(root.querySelector('${HOOKS.inlineBadge}')?.textContent ?? '');
        if (ref) return ref[0];
        return root.querySelector('${HOOKS.inlineLog}') ? 'log' : 'empty';
      });
    },
  };
})();
`;

export function soakPageHtml(): string {
  const html = xSearchPageHtml({ query: 'Acme Air', posts: [], note: 'CareSide soak page: a generated X search timeline' });
  return html.replace('</body>', `<script>${PAGE_SCRIPT}</script>\n</body>`);
}

/** The page script's API; evaluated functions name it inline (they run in the page, not here). */
interface SoakPageApi {
  __soak: { append(html: string, keep: number): number; controls(keys: string[]): string[] };
}

export const isRef = (state: string) => CASE_REF_PATTERN.test(state);
export const hasControl = (state: string) => state === 'log' || isRef(state);

/** One soak tab's page, with the last console errors and warnings kept for failure messages. */
export class SoakPage {
  private readonly messages: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') this.keep(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.keep(`pageerror: ${error.message}`));
  }

  private keep(message: string) {
    this.messages.push(message);
    if (this.messages.length > 20) this.messages.shift();
  }

  /** Append posts as timeline cells, keeping only the newest `keep` cells. */
  async append(posts: XPostSpec[], keep: number): Promise<void> {
    const html = posts.map(xTweetCellHtml).join('');
    await this.page.evaluate(({ html, keep }) => (window as unknown as SoakPageApi).__soak.append(html, keep), { html, keep });
  }

  /**
   * Click a post's Log case button as a person does (trusted input through the browser: CareSide
   * ignores script-made clicks). False when the post shows no such button, or when it turns into
   * a ref before the click lands (the same post logged from another tab at that moment).
   * `force` skips Playwright's "stable" check, which waits on animation frames that a busy
   * machine's background tabs hardly draw; the click is still real input at the button.
   */
  async click(key: string): Promise<boolean> {
    const button = this.page.locator(`${HOOKS.inlineHost}[data-careside-post-key="${key}"]`).locator(HOOKS.inlineLog);
    const deadline = Date.now() + UI_WAIT_MS;
    for (;;) {
      if ((await button.count()) === 0) return false;
      const clicked = await button.click({ timeout: 2_000, force: true }).then(
        () => true,
        (error: unknown) => error,
      );
      if (clicked === true) return true;
      const [state] = await this.page.evaluate((wanted) => (window as unknown as SoakPageApi).__soak.controls(wanted), [key]);
      if (state && isRef(state)) return false;
      if (Date.now() > deadline) throw new SoakFailure(`clicking Log case on ${key} (it shows ${state}): ${String(clicked)}`);
    }
  }

  /** Poll the controls of `keys` until `done` says so; fails at once on a control showing an error. */
  async waitForControls(keys: string[], done: (state: string) => boolean, what: string): Promise<string[]> {
    const deadline = Date.now() + UI_WAIT_MS;
    for (;;) {
      const states = await this.page.evaluate((wanted) => (window as unknown as SoakPageApi).__soak.controls(wanted), keys);
      const failed = states.findIndex((state) => state.startsWith('error'));
      if (failed >= 0) throw new SoakFailure(`${what}: the control of ${keys[failed]} shows ${states[failed]}`);
      if (states.every(done)) return states;
      if (Date.now() > deadline) {
        const stuck = keys.map((key, index) => `${key}=${states[index]}`).filter((_, index) => !done(states[index] ?? ''));
        throw new SoakFailure(
          `${what}: after ${UI_WAIT_MS} ms still ${stuck.slice(0, 5).join(', ')}${stuck.length > 5 ? ` and ${stuck.length - 5} more` : ''}; ` +
            `the page shows ${await this.state()}; its console: ${JSON.stringify(this.messages.slice(-5))}`,
        );
      }
      await this.page.waitForTimeout(50); // poll interval only: the condition is what the controls show
    }
  }

  /** What CareSide shows on the page, for a failure message. */
  private async state(): Promise<string> {
    return this.page
      .evaluate(
        `(() => {
        const sidebar = document.querySelector('careside-sidebar');
        const status = sidebar?.shadowRoot?.querySelector('${HOOKS.sidebarStatus}')?.textContent ?? null;
        return JSON.stringify({ sidebar: !!sidebar, status, inline: document.querySelectorAll('${HOOKS.inlineHost}').length, cells: document.querySelectorAll('[data-testid="cellInnerDiv"]').length });
      })()`,
      )
      .then(String, (error: unknown) => `(unreadable: ${String(error)})`);
  }
}
