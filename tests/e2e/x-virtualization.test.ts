/**
 * x.com's virtual list in real Chromium: cells reused for other posts (the same DOM nodes, new
 * status id), cells removed and brought back, and in-app route changes (history.pushState) to a
 * status page. Controls must follow the status id, never the node.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { xTweetCellHtml, type XPostSpec } from '../../demo/x/markup';
import { HOOKS, waitForText } from '../../scripts/browser/careside-ui';
import { useExtensionBrowser } from './support/extension';
import { COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME, UNRELATED, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

const RECYCLED_INTO: XPostSpec = {
  id: '1990000000000000077',
  displayName: 'Kim Sato',
  handle: 'kimsato',
  text: 'Acme Air gate agent told us to "just wait" for six hours. No vouchers, no updates.',
  postedAt: '2025-11-20T08:00:00.000Z',
  replies: 2,
  views: 310,
};

const STATUS_PATH = '/rileypark/status/1996000000000000003';
const STATUS_CELLS = (() => {
  const html = readFileSync(fileURLToPath(new URL('../fixtures/x/status-replies.html', import.meta.url)), 'utf8');
  // The status page's cells, as x.com renders them into the same timeline container (laid out in
  // flow here: the demo page's timeline does not position cells absolutely).
  return html
    .slice(html.indexOf('<!-- 1.'), html.lastIndexOf('</div></div>\n  </section>'))
    .replace(/ style="transform: translateY\(\d+px\); position: absolute; width: 100%;"/g, '');
})();

/**
 * Make the article showing `fromId` show `to` instead, the way React reuses a cell: walk the
 * old and the new markup side by side and patch attributes and text in place; only where the
 * shape differs (the post text) are children replaced. CareSide's own elements are skipped.
 */
async function reuseCell(page: Page, fromId: string, to: XPostSpec): Promise<void> {
  await page.evaluate(
    ({ fromId, cellHtml }) => {
      const article = document.querySelector(`article a[href$="/status/${fromId}"]`)?.closest('article');
      if (!article) throw new Error(`no article for ${fromId}`);
      const fresh = new DOMParser().parseFromString(cellHtml, 'text/html').querySelector('article');
      if (!fresh) throw new Error('no article in the new cell');
      const own = (node: Node) => node.nodeType === 1 && (node as Element).tagName.startsWith('CARESIDE-');
      const morph = (current: Node, next: Node) => {
        if (current.nodeType === 3 || next.nodeType === 3) {
          if (current.nodeValue !== next.nodeValue) current.nodeValue = next.nodeValue;
          return;
        }
        const from = current as Element;
        const into = next as Element;
        for (const { name } of [...from.attributes]) if (!into.hasAttribute(name)) from.removeAttribute(name);
        for (const { name, value } of [...into.attributes]) if (from.getAttribute(name) !== value) from.setAttribute(name, value);
        const kids = [...from.childNodes].filter((node) => !own(node));
        const nextKids = [...into.childNodes];
        const sameShape =
          kids.length === nextKids.length &&
          kids.every((node, index) => node.nodeType === nextKids[index]?.nodeType && node.nodeName === nextKids[index]?.nodeName);
        if (!sameShape) {
          for (const node of kids) node.remove();
          from.prepend(...nextKids.map((node) => document.importNode(node, true)));
          return;
        }
        kids.forEach((node, index) => morph(node, nextKids[index] as Node));
      };
      morph(article, fresh);
    },
    { fromId, cellHtml: xTweetCellHtml(to) },
  );
}

function cellOf(page: Page, id: string) {
  return page.locator(`[data-testid="cellInnerDiv"]:has(article a[href$="/status/${id}"])`);
}

describe('x.com virtual list', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage([COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME, UNRELATED]) } });

  it('moves the control with the status id when a cell is reused for another post', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    await ui.inline(keyOf(COMPLAINT_BY_MENTION)).locator(HOOKS.inlineLog).waitFor({ state: 'visible' });
    const loggedRef = await ui.logInline(keyOf(COMPLAINT_BY_MENTION));
    const nodeBefore = await page.evaluateHandle(
      (id) => document.querySelector(`article a[href$="/status/${id}"]`)?.closest('article'),
      COMPLAINT_BY_MENTION.id,
    );

    await reuseCell(page, COMPLAINT_BY_MENTION.id, RECYCLED_INTO);

    // The same article node now shows the new post: its control offers to log the new post.
    await ui.inline(keyOf(RECYCLED_INTO)).locator(HOOKS.inlineLog).waitFor({ state: 'visible' });
    expect(
      await nodeBefore.evaluate(
        (article, key) => article?.querySelector(`careside-inline[data-careside-post-key="${key}"]`) !== null,
        keyOf(RECYCLED_INTO),
      ),
    ).toBe(true);
    expect(await ui.inline(keyOf(COMPLAINT_BY_MENTION)).count()).toBe(0);
    expect(await page.locator(HOOKS.inlineHost).count()).toBe(2); // the reused cell + COMPLAINT_BY_NAME

    // Logging from the reused node logs the post it shows now, not the one it showed first.
    const newRef = await ui.logInline(keyOf(RECYCLED_INTO));
    expect(newRef).not.toBe(loggedRef);
    expect(await ui.sidebarRef(keyOf(COMPLAINT_BY_MENTION))).toBe(loggedRef);
    expect(await ui.sidebarRef(keyOf(RECYCLED_INTO))).toBe(newRef);

    // Reused again, for the first post: the badge with its case comes back on this node.
    await reuseCell(page, RECYCLED_INTO.id, COMPLAINT_BY_MENTION);
    expect(await ui.inlineRef(keyOf(COMPLAINT_BY_MENTION))).toBe(loggedRef);
    expect(await ui.inline(keyOf(RECYCLED_INTO)).count()).toBe(0);

    // And for a post that does not mention the brand: no control at all.
    await reuseCell(page, COMPLAINT_BY_MENTION.id, { ...UNRELATED, id: '1990000000000000078' });
    await expect
      .poll(() => nodeBefore.evaluate((article) => article?.querySelectorAll('careside-inline').length), { timeout: 5000 })
      .toBe(0);
  });

  it('drops the control of a removed cell, keeps the sidebar row, and restores both when the cell comes back', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const ref = await ui.logInline(keyOf(COMPLAINT_BY_NAME));
    const cell = cellOf(page, COMPLAINT_BY_NAME.id);
    const saved = await cell.evaluate((element) => {
      element.querySelectorAll('careside-inline').forEach((host) => host.remove());
      const html = element.outerHTML;
      element.remove();
      return html;
    });

    await expect.poll(() => ui.inline(keyOf(COMPLAINT_BY_NAME)).count(), { timeout: 5000 }).toBe(0);
    expect(await ui.sidebarRef(keyOf(COMPLAINT_BY_NAME))).toBe(ref);

    // X renders the cell again (a fresh node) when the user scrolls back up.
    await page.evaluate((html) => {
      const container = document.getElementById('timeline-cells');
      container?.insertAdjacentHTML('afterbegin', html);
    }, saved);
    expect(await ui.inlineRef(keyOf(COMPLAINT_BY_NAME))).toBe(ref);
    expect(await ui.inline(keyOf(COMPLAINT_BY_NAME)).count()).toBe(1);
  });

  it('follows an in-app route change (pushState) to a status page and reads the replies there', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    await waitForText(ui.status, /read 3 posts, 2 mention a brand/, 'Sidebar status line on the search page');
    await page.evaluate(() => Object.assign(window, { careSideNoReload: true }));

    await page.evaluate(
      ({ path, cells }) => {
        history.pushState({}, '', path);
        document.getElementById('timeline-cells')?.replaceChildren();
        document.getElementById('timeline-cells')?.insertAdjacentHTML('beforeend', cells);
      },
      { path: STATUS_PATH, cells: STATUS_CELLS },
    );

    await waitForText(ui.status, /read 7 posts, 6 mention a brand\./, 'Sidebar status line on the status page');
    const keys = await ui.settledMentionKeys();
    expect(keys).not.toContain(keyOf(COMPLAINT_BY_MENTION));
    expect(keys).toContain('x:1996000000000000004');
    expect(await ui.logInline('x:1996000000000000004')).toMatch(/^CS-/);
    expect(await page.evaluate(() => (window as unknown as { careSideNoReload?: boolean }).careSideNoReload)).toBe(true);
    expect(page.url()).toBe(`https://x.com${STATUS_PATH}`);
  });
});
