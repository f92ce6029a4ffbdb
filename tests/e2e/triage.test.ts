import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { xSearchPageHtml, xTweetCellHtml, type XPostSpec } from '../../demo/x/markup';
import { HOOKS, mentionTriageRows, SPIRAL_TRIAGE_HOOKS } from '../../scripts/browser/careside-ui';
import { appendCells } from './support/dom-edit';
import { useExtensionBrowser } from './support/extension';
import { stopServiceWorkers } from './support/service-worker';

const MINUTE = 60_000;
const URL = 'https://x.com/search?q=%22Acme%20Air%22&src=typed_query&f=live';

function post(id: string, text: string, minutesAgo: number, views: number): XPostSpec {
  return {
    id,
    displayName: `Customer ${id.slice(-2)}`,
    handle: `customer${id.slice(-2)}`,
    text,
    postedAt: new Date(Date.now() - minutesAgo * MINUTE).toISOString(),
    views,
  };
}

// Page order on purpose not priority order.
const PRAISE = post('1996000000000000001', 'Thanks @AcmeAir, smooth flight and friendly crew today!', 2, 120);
const P2_OLDER = post(
  '1996000000000000002',
  'Acme Air cancelled my flight and the rebooking line hangs up. Stuck at the airport.',
  40,
  3_000,
);
const P1 = post('1996000000000000003', '@AcmeAir no response for 3 weeks about my lost bag. Filing a complaint with the DOT.', 50, 250_000);
const P2_NEWER = post('1996000000000000004', 'Acme Air lost my bag, baggage claim has no idea where it is', 10, 800);
const key = (spec: XPostSpec) => `x:${spec.id}`;
const SORTED = [key(P1), key(P2_NEWER), key(P2_OLDER), key(PRAISE)];
/** Arrives while the care manager points at the list: newer and more urgent than every row. */
const URGENT = post(
  '1996000000000000006',
  '@AcmeAir lost my bag with my medication, no response for 2 weeks. DOT complaint filed.',
  1,
  400_000,
);

describe('triage in the sidebar and inline controls', () => {
  const harness = useExtensionBrowser({
    pages: { [URL]: xSearchPageHtml({ query: 'Acme Air', posts: [PRAISE, P2_OLDER, P1, P2_NEWER], note: 'CareSide e2e triage page' }) },
  });

  it('shows complaint, category and priority per row, explains it, and sorts rows by priority', async () => {
    const { ui } = await harness().open(URL);
    await ui.waitForSidebar();
    await ui.settledMentionKeys();
    await expect.poll(async () => (await mentionTriageRows(ui.page)).every((row) => row.priority !== null), { timeout: 5_000 }).toBe(true);

    const rows = await mentionTriageRows(ui.page);
    expect(rows.map((row) => row.postKey)).toEqual([key(P1), key(P2_NEWER), key(P2_OLDER), key(PRAISE)]);
    expect(rows.map((row) => row.priority)).toEqual(['P1', 'P2', 'P2', 'P4']);
    expect(rows.map((row) => row.complaint)).toEqual(['true', 'true', 'true', 'false']);
    expect(rows[0]?.triage).toContain('Lost or damaged item');
    expect(rows[0]?.explanation).toMatch(/^P1: complaint, 250K views, "no response for 3 weeks"/);
    expect(rows[2]?.triage).toContain('Cancellation');
    expect(rows[3]?.explanation).toMatch(/^P4: not a complaint/);

    const inline = ui.inline(key(P1)).locator(SPIRAL_TRIAGE_HOOKS.inlineTriage);
    await expect.poll(() => inline.textContent(), { timeout: 5_000 }).toBe('P1 · Lost or damaged item');
    // The inline label's tooltip: the same reason, built when the pointer comes over it.
    expect(await inline.getAttribute('title')).toBeNull();
    await inline.hover();
    expect(await inline.getAttribute('title')).toBe(rows[0]?.explanation);
  });

  /** All rows triaged and sorted; then, with the pointer on the last row's Log button, a newer P1 arrives and waits. */
  async function pointAtListWhileP1Arrives() {
    const { page, ui } = await harness().open(URL);
    await ui.waitForSidebar();
    await ui.settledMentionKeys();
    await expect.poll(async () => (await mentionTriageRows(page)).every((row) => row.priority !== null), { timeout: 5_000 }).toBe(true);
    expect((await mentionTriageRows(page)).map((row) => row.postKey)).toEqual(SORTED);
    await ui.mention(key(PRAISE)).locator(HOOKS.mentionLog).hover();
    await appendCells(page, xTweetCellHtml(URGENT));
    const notice = page.getByTestId('careside-order-notice');
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toBe('1 new mention — show');
    return { page, notice };
  }

  it('keeps the rows in place under the pointer while a more urgent post comes in, and sorts it in on request', async () => {
    const { page, notice } = await pointAtListWhileP1Arrives();
    expect((await mentionTriageRows(page)).map((row) => row.postKey)).toEqual(SORTED);
    expect(await page.locator(`${HOOKS.sidebar} .cs-count`).textContent()).toBe('5');

    // "show" applies the order; focus, which the click put on the notice, goes to the top row, not to <body>.
    await notice.click();
    await expect.poll(async () => (await mentionTriageRows(page)).map((row) => row.postKey)).toEqual([key(URGENT), ...SORTED]);
    expect(await focusedControl(page)).toEqual({ postKey: key(URGENT), testId: 'careside-mention' });
  });

  it('applies the order once the pointer leaves the list', async () => {
    const { page, notice } = await pointAtListWhileP1Arrives();
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await mentionTriageRows(page)).map((row) => row.postKey)).toEqual([key(URGENT), ...SORTED]);
    expect(await notice.count()).toBe(0);
  });

  it('keeps a corrected row in place while pointed at, then sorts it down keeping focus on its button', async () => {
    const { page, ui } = await harness().open(URL);
    await ui.waitForSidebar();
    await ui.settledMentionKeys();
    await expect.poll(async () => (await mentionTriageRows(page)).every((row) => row.priority !== null), { timeout: 5_000 }).toBe(true);
    expect((await mentionTriageRows(page)).map((row) => row.postKey)).toEqual(SORTED);

    // The team's call on the top row: not a complaint. Its verdict updates in place; the row stays put.
    await ui.mention(key(P1)).locator('[data-testid="careside-correct"]').click();
    await expect.poll(async () => (await mentionTriageRows(page))[0]?.complaint, { timeout: 10_000 }).toBe('false');
    expect((await mentionTriageRows(page)).map((row) => row.postKey)).toEqual(SORTED);
    // The row's Show button takes focus on click (its correction button is disabled while saving, which drops focus).
    await ui.mention(key(P1)).locator('[data-testid="careside-mention-show"]').click();
    expect(await focusedControl(page)).toEqual({ postKey: key(P1), testId: 'careside-mention-show' });

    // The pointer leaves: the row sorts down (its DOM node moves), and focus stays on its Show button.
    await page.mouse.move(5, 5);
    await expect
      .poll(async () => (await mentionTriageRows(page)).map((row) => row.postKey))
      .toEqual([key(P2_NEWER), key(P2_OLDER), key(P1), key(PRAISE)]);
    expect(await focusedControl(page)).toEqual({ postKey: key(P1), testId: 'careside-mention-show' });
  });

  it('keeps the triage on the inline control next to the case ref once logged', async () => {
    const { ui } = await harness().open(URL);
    await ui.waitForSidebar();
    const ref = await ui.logInline(key(P2_NEWER));
    expect(await ui.inlineBadgeText(key(P2_NEWER))).toContain(ref);
    expect(await ui.inline(key(P2_NEWER)).locator(SPIRAL_TRIAGE_HOOKS.inlineTriage).textContent()).toBe('P2 · Lost or damaged item');
  });

  it('keeps triaging after the service worker was stopped mid-page (the port reconnects)', async () => {
    const { ui } = await harness().open(URL);
    await ui.waitForSidebar();
    const inline = (spec: XPostSpec) => ui.inline(key(spec)).locator(SPIRAL_TRIAGE_HOOKS.inlineTriage);
    await expect.poll(() => inline(P1).textContent(), { timeout: 5_000 }).toBe('P1 · Lost or damaged item');

    // Chrome stops an idle worker; the tab's port to it closes with it.
    await stopServiceWorkers(ui.page);

    const late = post('1996000000000000005', 'Acme Air cancelled my flight and nobody at the desk can help', 1, 900);
    await appendCells(ui.page, xTweetCellHtml(late));
    await expect.poll(() => inline(late).textContent(), { timeout: 10_000 }).toBe('P2 · Cancellation');
    expect(await ui.page.getByTestId('careside-sidebar-status').first().textContent()).not.toContain('Triage is unavailable');
  });
});

/** The sidebar element that has focus: its row's post key and its test id (null when focus is not in a row). */
function focusedControl(page: Page): Promise<{ postKey: string; testId: string | null } | null> {
  return page.evaluate(() => {
    const active = document.querySelector('careside-sidebar')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    const postKey = active?.closest('[data-post-key]')?.getAttribute('data-post-key');
    return active && postKey ? { postKey, testId: active.dataset.testid ?? null } : null;
  });
}
