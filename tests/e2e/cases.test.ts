import { describe, expect, it } from 'vitest';
import { CASE_REF_PATTERN, HOOKS, PopupUi } from '../../scripts/browser/careside-ui';
import { badgeText, currentServiceWorker, openPopup } from '../../scripts/browser/launch';
import { CASE_STATUSES } from '../../lib/domain/case';
import { useExtensionBrowser } from './support/extension';
import { postOf, sendRawMessage } from './support/extension-page';
import { COMPLAINT_BY_HASHTAG, COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

describe('logging cases on x.com', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage() } });

  it('logs a case from a sidebar row: the row and the inline control show the same ref', async () => {
    const { ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();

    const ref = await ui.logFromSidebar(keyOf(COMPLAINT_BY_MENTION));

    expect(ref).toMatch(CASE_REF_PATTERN);
    expect(await ui.inlineRef(keyOf(COMPLAINT_BY_MENTION))).toBe(ref);
    expect(await ui.inlineBadgeText(keyOf(COMPLAINT_BY_MENTION))).toContain('New');
    // Other posts are untouched: still offer "Log case".
    await ui.mention(keyOf(COMPLAINT_BY_NAME)).locator(HOOKS.mentionLog).waitFor({ state: 'visible', timeout: 5000 });
  });

  it('logs a case from the inline control: the sidebar row shows the same ref', async () => {
    const { ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();

    const ref = await ui.logInline(keyOf(COMPLAINT_BY_NAME));

    expect(ref).toMatch(CASE_REF_PATTERN);
    expect(await ui.sidebarRef(keyOf(COMPLAINT_BY_NAME))).toBe(ref);
    await ui.inline(keyOf(COMPLAINT_BY_MENTION)).locator(HOOKS.inlineLog).waitFor({ state: 'visible', timeout: 5000 });
  });

  it('popup shows the open total, counts per status and platform, and the newest cases', async () => {
    const { browser } = harness();
    const { ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const first = await ui.logFromSidebar(keyOf(COMPLAINT_BY_MENTION));
    const second = await ui.logInline(keyOf(COMPLAINT_BY_HASHTAG));
    expect(second).not.toBe(first);

    const popup = new PopupUi(await openPopup(browser.context, browser.extensionId));

    expect(await popup.openTotal()).toBe(2);
    for (const status of CASE_STATUSES) {
      expect(await popup.count(`popup-status-${status}`), `popup-status-${status}`).toBe(status === 'new' ? 2 : 0);
    }
    expect(await popup.count('popup-platform-x')).toBe(2);
    expect(await popup.count('popup-platform-facebook')).toBe(0);
    expect(await popup.count('popup-platform-yelp')).toBe(0);
    const newest = await popup.newestRefs();
    expect(newest).toHaveLength(2);
    expect(new Set(newest)).toEqual(new Set([first, second]));
    expect(await popup.oldestWaitingText()).toContain(first);
  });

  it('logging the same post again (after a reload) gives the same ref', async () => {
    const { browser } = harness();
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const ref = await ui.logInline(keyOf(COMPLAINT_BY_MENTION));

    await page.reload({ waitUntil: 'domcontentloaded' });
    await ui.waitForSidebar();
    expect(await ui.inlineRef(keyOf(COMPLAINT_BY_MENTION))).toBe(ref);
    expect(await ui.sidebarRef(keyOf(COMPLAINT_BY_MENTION))).toBe(ref);

    // Log it once more through the protocol, as a second tab that had not heard yet would.
    const popupPage = await openPopup(browser.context, browser.extensionId);
    const again = await sendRawMessage(popupPage, {
      type: 'cases/log',
      payload: { post: postOf(COMPLAINT_BY_MENTION), brandIds: ['acme-air'] },
    });
    expect(again).toMatchObject({ ok: true, data: { created: false, case: { ref, postKey: keyOf(COMPLAINT_BY_MENTION) } } });
    expect(await new PopupUi(popupPage).openTotal()).toBe(1);
  });

  it('the toolbar badge shows the open count', async () => {
    const { browser } = harness();
    const badge = async () => badgeText(await currentServiceWorker(browser.context));
    const { ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    expect(['', '0']).toContain(await badge());

    await ui.logFromSidebar(keyOf(COMPLAINT_BY_MENTION));
    await expect.poll(badge, { timeout: 5000 }).toBe('1');
    await ui.logInline(keyOf(COMPLAINT_BY_NAME));
    await expect.poll(badge, { timeout: 5000 }).toBe('2');
  });
});
