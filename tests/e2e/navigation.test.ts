import { describe, expect, it } from 'vitest';
import { HOOKS } from '../../scripts/browser/careside-ui';
import { xTweetCellHtml, type XPostSpec } from '../../demo/x/markup';
import { useExtensionBrowser } from './support/extension';
import { appendCells, navigateInApp } from './support/dom-edit';
import { COMPLAINT_BY_HASHTAG, COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

const LATE_COMPLAINT: XPostSpec = {
  id: '1990000000000000042',
  displayName: 'Kim Sato',
  handle: 'kimsato',
  text: '@AcmeAirHelp still waiting on the refund you promised in October.',
  postedAt: '2025-11-20T10:00:00.000Z',
  replies: 1,
  views: 120,
};

describe('pages that change without a reload', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage([COMPLAINT_BY_MENTION]) } });

  it('scans the new posts after an in-app route change (history.pushState)', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    await ui.waitForMention(keyOf(COMPLAINT_BY_MENTION));
    await page.evaluate(() => Object.assign(window, { careSideNoReload: true }));

    await navigateInApp(
      page,
      '/hashtag/AcmeAirFail?src=hashtag_click',
      [COMPLAINT_BY_HASHTAG, LATE_COMPLAINT].map(xTweetCellHtml).join(''),
    );

    await ui.waitForMention(keyOf(COMPLAINT_BY_HASHTAG));
    await ui.waitForMention(keyOf(LATE_COMPLAINT));
    expect(await ui.logInline(keyOf(LATE_COMPLAINT))).toMatch(/^CS-/);
    expect(await page.evaluate(() => (window as unknown as { careSideNoReload?: boolean }).careSideNoReload)).toBe(true);
  });

  it('scans posts added as the timeline grows (infinite scroll)', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    await ui.waitForMention(keyOf(COMPLAINT_BY_MENTION));

    await appendCells(page, xTweetCellHtml(COMPLAINT_BY_NAME));

    await ui.waitForMention(keyOf(COMPLAINT_BY_NAME));
    await ui.inline(keyOf(COMPLAINT_BY_NAME)).locator(HOOKS.inlineLog).waitFor({ state: 'visible', timeout: 10_000 });
    // One inline control per post, even after re-scans.
    expect(await ui.inline(keyOf(COMPLAINT_BY_MENTION)).count()).toBe(1);
  });
});
