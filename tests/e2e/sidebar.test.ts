import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { XPostSpec } from '../../demo/x/markup';
import { CasePanelUi, HOOKS } from '../../scripts/browser/careside-ui';
import { useExtensionBrowser } from './support/extension';
import { MENTIONING_POSTS, TEST_POSTS, UNRELATED, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

describe('sidebar on x.com', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage() } });

  it('lists one row per brand mention and says how many posts it read', async () => {
    const { ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();

    const keys = await ui.settledMentionKeys();

    expect([...keys].sort()).toEqual(MENTIONING_POSTS.map(keyOf).sort());
    expect(keys).not.toContain(keyOf(UNRELATED));
    const status = (await ui.status.first().textContent()) ?? '';
    expect(status).toContain(String(TEST_POSTS.length));
    expect(status).toContain(String(MENTIONING_POSTS.length));
  });

  it('docks beside the page (covering none of it), collapses to a tab, and remembers that after a reload', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    await ui.waitForMention(keyOf(MENTIONING_POSTS[0]));
    await expect.poll(() => ui.sidebar.getAttribute('data-mode')).toBe('docked');
    const sidebarLeft = (await ui.sidebar.boundingBox())?.x ?? 0;
    const postRights = await page.locator('article').evaluateAll((posts) => posts.map((post) => post.getBoundingClientRect().right));
    expect(postRights.length).toBeGreaterThan(0);
    expect(Math.max(...postRights)).toBeLessThanOrEqual(sidebarLeft);

    await page.locator(HOOKS.sidebarToggle).click();
    await ui.mentions.first().waitFor({ state: 'hidden', timeout: 5000 });
    // Collapsed, the page gets its full width back.
    await expect.poll(() => page.evaluate(() => document.documentElement.style.marginRight)).toBe('');

    await page.reload({ waitUntil: 'domcontentloaded' });
    await ui.waitForSidebar();
    await expect.poll(() => ui.sidebar.getAttribute('data-mode')).toBe('collapsed');
    await page.locator(HOOKS.sidebarToggle).click();
    await ui.mentions.first().waitFor({ state: 'visible', timeout: 5000 });
    expect(await ui.sidebar.getAttribute('data-mode')).toBe('docked');
  });

  it("scrolls to a row's post and outlines it, from a click on the row or its Show button", async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const [first, last] = [MENTIONING_POSTS[0], MENTIONING_POSTS[MENTIONING_POSTS.length - 1]!];
    await ui.waitForMention(keyOf(last));
    const outlined = () =>
      page.evaluate(() => {
        const post = [...document.querySelectorAll<HTMLElement>('article')].find((element) => element.style.outline.includes('3px'));
        if (!post) return null;
        const { top, bottom } = post.getBoundingClientRect();
        return { text: (post.textContent ?? '').slice(0, 500), inView: top >= 0 && bottom <= window.innerHeight };
      });
    // While it is outlined (2 s), the post is the row's and in view.
    const shown = (post: typeof first) => async () => {
      const found = await outlined();
      return found !== null && found.inView && found.text.includes(post.text.slice(0, 30));
    };
    await ui.mention(keyOf(last)).locator('.cs-excerpt').click();
    await expect.poll(shown(last), { timeout: 5000 }).toBe(true);
    await ui.mention(keyOf(first)).locator('[data-testid="careside-mention-show"]').click();
    await expect.poll(shown(first), { timeout: 5000 }).toBe(true);
  });

  it('works from the keyboard: j / k move between rows, l logs, r opens the case', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const [first, second] = await ui.settledMentionKeys();
    // A click on a row's text puts focus on the row, as a user starting with the mouse would.
    await ui.mention(first!).locator('.cs-excerpt').click();
    await page.keyboard.press('j');
    await page.keyboard.press('l');
    expect(await ui.sidebarRef(second!)).toMatch(/^CS-/);
    expect(await ui.mention(first!).locator(HOOKS.mentionLog).textContent()).toBe('Log case');
    // The logged row counts down to its first-response target, from the moment it was logged.
    const due = ui.mention(second!).locator('[data-testid="careside-mention-due"]');
    await due.waitFor({ timeout: 5000 });
    expect(await due.textContent()).toMatch(/^First response due in (\d+ min|\d+ h( \d+ min)?)$/);
    // So does the post's inline badge.
    const inlineDue = ui.inline(second!).locator('[data-testid="careside-case-due"]');
    await inlineDue.waitFor({ timeout: 5000 });
    expect(await inlineDue.textContent()).toMatch(/^due in (\d+ min|\d+ h( \d+ min)?)$/);
    expect(await inlineDue.getAttribute('data-state')).toBe('ok');

    // k goes back up; r on a logged row opens its case panel.
    await page.keyboard.press('k');
    await expect.poll(() => focusedRowKey(page)).toBe(first);
    await page.keyboard.press('j');
    await expect.poll(() => focusedRowKey(page)).toBe(second);
    await page.keyboard.press('r');
    await new CasePanelUi(page).panel.waitFor({ timeout: 5000 });
  });

  it('moves focus into the case panel; Escape closes it and puts focus back on the row', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const key = keyOf(MENTIONING_POSTS[0]);
    await ui.logFromSidebar(key);
    const panel = new CasePanelUi(page);
    await panel.open(key);
    const focused = () =>
      page.evaluate(() => {
        const active = document.querySelector('careside-sidebar')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
        return active
          ? { testId: active.dataset.testid ?? null, postKey: active.closest('[data-post-key]')?.getAttribute('data-post-key') ?? null }
          : null;
      });
    await expect.poll(focused).toEqual({ testId: 'careside-case-panel-close', postKey: null });
    await page.keyboard.press('Escape');
    await panel.panel.waitFor({ state: 'hidden', timeout: 5000 });
    await expect.poll(focused).toEqual({ testId: 'careside-mention-open-case', postKey: key });
  });
});

/** The post key of the sidebar row that has keyboard focus, if one has. */
function focusedRowKey(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.querySelector('careside-sidebar')?.shadowRoot?.activeElement;
    return active?.matches('[data-testid="careside-mention"]') ? active.getAttribute('data-post-key') : null;
  });
}

const PRAISE: XPostSpec = {
  id: '1990000000000000077',
  displayName: 'Bea Lund',
  handle: 'bealund',
  text: 'Huge thanks to the Acme Air crew on flight 88, lovely service and we landed early!',
  postedAt: '2025-11-20T09:20:00.000Z',
  likes: 12,
  views: 800,
};

describe('sidebar layout and rows, remembered per site', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage([...TEST_POSTS, PRAISE]) } });

  const pageMargin = (page: Page) => page.evaluate(() => document.documentElement.style.marginRight);

  it('at 1024 px docks beside the timeline; dragging its edge resizes it, the page follows, and the width survives a reload; floating, it moves and stays on screen', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await page.setViewportSize({ width: 1024, height: 800 });
    await ui.waitForSidebar();
    await ui.waitForMention(keyOf(MENTIONING_POSTS[0]));
    await expect.poll(() => pageMargin(page)).toBe('340px');
    const postsClear = async () => {
      const sidebarLeft = (await ui.sidebar.boundingBox())?.x ?? 0;
      const rights = await page.locator('article').evaluateAll((posts) => posts.map((post) => post.getBoundingClientRect().right));
      return rights.length > 0 && Math.max(...rights) <= sidebarLeft;
    };
    expect(await postsClear()).toBe(true);

    const handle = page.locator('[data-testid="careside-sidebar-resize"]');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => pageMargin(page)).toBe('400px');
    expect(Math.round((await ui.sidebar.boundingBox())?.width ?? 0)).toBe(400);
    expect(await postsClear()).toBe(true);
    // From the keyboard too: focus the edge, left arrow widens by 20 px.
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => pageMargin(page)).toBe('420px');

    await page.reload({ waitUntil: 'domcontentloaded' });
    await ui.waitForSidebar();
    await expect.poll(() => pageMargin(page)).toBe('420px');
    expect(await handle.getAttribute('aria-valuenow')).toBe('420');

    // Floating, its header drags it; the grip moves it from the keyboard; the spot survives a reload.
    await page.locator('[data-testid="careside-sidebar-layout"]').click();
    await expect.poll(() => ui.sidebar.getAttribute('data-mode')).toBe('floating');
    await expect.poll(() => pageMargin(page)).toBe('');
    const start = (await ui.sidebar.boundingBox())!;
    const title = ui.sidebar.locator('.cs-title');
    const grab = (await title.boundingBox())!;
    await page.mouse.move(grab.x + 4, grab.y + 4);
    await page.mouse.down();
    await page.mouse.move(grab.x + 4 - 200, grab.y + 4 + 100, { steps: 5 });
    await page.mouse.up();
    const panelAt = () => ui.sidebar.boundingBox().then((moved) => ({ x: Math.round(moved!.x), y: Math.round(moved!.y) }));
    await expect.poll(panelAt).toEqual({ x: Math.round(start.x) - 200, y: Math.round(start.y) + 100 });
    await page.locator('[data-testid="careside-sidebar-move"]').focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(panelAt).toEqual({ x: Math.round(start.x) - 200, y: Math.round(start.y) + 80 });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await ui.waitForSidebar();
    await expect.poll(panelAt).toEqual({ x: Math.round(start.x) - 200, y: Math.round(start.y) + 80 });

    // A window too small for that spot keeps the whole panel on screen.
    await page.setViewportSize({ width: 700, height: 400 });
    await expect
      .poll(async () => {
        const shrunk = (await ui.sidebar.boundingBox())!;
        return shrunk.x >= 0 && shrunk.x + shrunk.width <= 700 && shrunk.y + 120 <= 400;
      })
      .toBe(true);

    // Docked again, it is the docked panel it was.
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.locator('[data-testid="careside-sidebar-layout"]').click();
    await expect.poll(() => pageMargin(page)).toBe('420px');
    expect(Math.round((await ui.sidebar.boundingBox())?.x ?? 0)).toBe(1024 - 420);
  });

  it('dismisses a row (a positive post too), keeps it off after a reload, and lists it again on request', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    await ui.waitForMention(keyOf(PRAISE));
    // Triage calls it what it is: not a complaint, yet it can go.
    await ui.mention(keyOf(PRAISE)).locator('[data-testid="careside-mention-triage"][data-complaint="false"]').waitFor({ timeout: 10_000 });
    await ui.mention(keyOf(PRAISE)).locator('[data-testid="careside-mention-dismiss"]').click();
    await ui.mention(keyOf(PRAISE)).waitFor({ state: 'detached', timeout: 5000 });
    const dismissed = page.locator('[data-testid="careside-dismissed"]');
    expect(await dismissed.textContent()).toContain('1 dismissed post on this page');
    // Focus stays in the list, for the next keystroke.
    expect(await focusedRowKey(page)).not.toBeNull();

    await page.reload({ waitUntil: 'domcontentloaded' });
    await ui.waitForSidebar();
    await ui.waitForMention(keyOf(MENTIONING_POSTS[0]));
    await dismissed.waitFor({ timeout: 5000 });
    expect(await ui.mention(keyOf(PRAISE)).count()).toBe(0);
    expect(await ui.sidebar.locator('.cs-count').textContent()).toBe(String(MENTIONING_POSTS.length));

    await page.locator('[data-testid="careside-restore-dismissed"]').click();
    await ui.waitForMention(keyOf(PRAISE));
    expect(await dismissed.count()).toBe(0);
  });
});

describe('sidebar with no brands configured', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage() }, seedBrand: false });

  it('says no brands are set up and points to the options page', async () => {
    const { browser } = harness();
    const { ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();

    await expect.poll(async () => (await ui.sidebar.first().textContent()) ?? '', { timeout: 5000 }).toMatch(/brand/i);
    expect(await ui.mentions.count()).toBe(0);
    const toOptions = ui.sidebar.locator(
      `a[href*="${browser.extensionId}/options.html"], a[href*="options.html"], button:has-text("options"), button:has-text("settings")`,
    );
    expect(await toOptions.count()).toBeGreaterThan(0);
  });
});
