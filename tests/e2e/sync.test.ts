import { describe, expect, it } from 'vitest';
import { HOOKS } from '../../scripts/browser/careside-ui';
import { useExtensionBrowser } from './support/extension';
import { COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

describe('cross-tab sync', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage() } });

  it('a case logged in tab A shows in tab B without a reload', async () => {
    const tabA = await harness().open(X_SEARCH_URL);
    const tabB = await harness().open(X_SEARCH_URL);
    await tabA.ui.waitForSidebar();
    await tabB.ui.waitForSidebar();
    const key = keyOf(COMPLAINT_BY_MENTION);
    await tabB.ui.inline(key).locator(HOOKS.inlineLog).waitFor({ state: 'visible' });
    // A reload would wipe this marker: it proves tab B updated in place.
    await tabB.page.evaluate(() => Object.assign(window, { careSideNoReload: true }));

    const ref = await tabA.ui.logFromSidebar(key);

    expect(await tabB.ui.inlineRef(key)).toBe(ref);
    expect(await tabB.ui.sidebarRef(key)).toBe(ref);
    expect(await tabB.page.evaluate(() => (window as unknown as { careSideNoReload?: boolean }).careSideNoReload)).toBe(true);
    // Only the logged post changed in tab B.
    await tabB.ui.inline(keyOf(COMPLAINT_BY_NAME)).locator(HOOKS.inlineLog).waitFor({ state: 'visible', timeout: 2000 });
  });
});
