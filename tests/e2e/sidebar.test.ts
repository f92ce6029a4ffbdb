import { describe, expect, it } from 'vitest';
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

  it("scrolls to a row's post and outlines it", async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const last = MENTIONING_POSTS[MENTIONING_POSTS.length - 1]!;
    await ui.waitForMention(keyOf(last));
    await ui.mention(keyOf(last)).locator('[data-testid="careside-mention-show"]').click();
    const outlined = () =>
      page.evaluate(() => {
        const post = [...document.querySelectorAll<HTMLElement>('article')].find((element) => element.style.outline.includes('3px'));
        if (!post) return null;
        const { top, bottom } = post.getBoundingClientRect();
        return { text: (post.textContent ?? '').slice(0, 500), inView: top >= 0 && bottom <= window.innerHeight };
      });
    // While it is outlined (2 s), the post is the row's and in view.
    const shown = async () => {
      const post = await outlined();
      return post !== null && post.inView && post.text.includes(last.text.slice(0, 30));
    };
    await expect.poll(shown, { timeout: 5000 }).toBe(true);
  });

  it('works from the keyboard: j moves to the next row and l logs it', async () => {
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
