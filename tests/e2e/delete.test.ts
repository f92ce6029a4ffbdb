import { describe, expect, it } from 'vitest';
import { DashboardUi, HOOKS, PopupUi } from '../../scripts/browser/careside-ui';
import { badgeText, currentServiceWorker, openPopup } from '../../scripts/browser/launch';
import { syntheticCases } from '../../scripts/bench/synthetic-cases';
import { serializeCasesExport } from '../../lib/transfer/json-export';
import { useExtensionBrowser } from './support/extension';
import { postOf, sendRawMessage } from './support/extension-page';
import { deleteAllData, deleteMatchingCases, deleteOpenCase } from './support/delete-ui';
import { COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

const NOW = Date.now();

describe('deleting cases and data', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage() } });

  it('deletes one case from the dashboard: the popup count drops and the post offers "Log case" again', async () => {
    const { browser } = harness();
    const { ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    await ui.logInline(keyOf(COMPLAINT_BY_NAME));
    // Logged from another view, so the tab knows the case only from the store (a tab that logged
    // a post itself keeps showing its ref until reload: lib/content keeps its own log state).
    const popupPage = await openPopup(browser.context, browser.extensionId);
    const answer = (await sendRawMessage(popupPage, {
      type: 'cases/log',
      payload: { post: postOf(COMPLAINT_BY_MENTION), brandIds: ['acme-air'] },
    })) as {
      data: { case: { ref: string } };
    };
    const ref = answer.data.case.ref;
    expect(await ui.inlineRef(keyOf(COMPLAINT_BY_MENTION))).toBe(ref);
    const popup = new PopupUi(popupPage);
    await expect.poll(() => popup.openTotal()).toBe(2);

    const dashboard = await DashboardUi.open(await browser.context.newPage(), browser.extensionId);
    await dashboard.page.goto(`chrome-extension://${browser.extensionId}/dashboard.html#case=${ref}`);
    expect(await deleteOpenCase(dashboard.page, ref)).toMatch(/This cannot be undone\.$/);

    expect(await dashboard.total(1)).toBe(1);
    await expect.poll(() => popup.openTotal()).toBe(1);
    await ui.inline(keyOf(COMPLAINT_BY_MENTION)).locator(HOOKS.inlineLog).waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(async () => badgeText(await currentServiceWorker(browser.context))).toBe('1');
  });

  it('deletes the cases matching a filter after saying how many, and leaves the others', async () => {
    const { browser } = harness();
    const cases = syntheticCases(12, { now: NOW, days: 5 });
    const yelp = cases.filter((item) => item.platform === 'yelp').length;
    expect(yelp).toBeGreaterThan(0);
    const dashboard = await DashboardUi.open(await browser.context.newPage(), browser.extensionId);
    await dashboard.importText('cases.json', serializeCasesExport(cases, NOW));
    await dashboard.filter('platform', 'yelp');
    expect(await dashboard.total(yelp)).toBe(yelp);

    const asked = await deleteMatchingCases(dashboard.page, yelp);
    expect(asked).toBe(
      `Delete ${yelp} ${yelp === 1 ? 'case' : 'cases'} matching this filter? This cannot be undone. Export first if you need them.`,
    );
    expect(await dashboard.total(0)).toBe(0);
    await dashboard.filter('platform', '');
    expect(await dashboard.total(cases.length - yelp)).toBe(cases.length - yelp);
  });

  it('deletes all CareSide data from the options page, keeping the settings unless asked: the dashboard is empty', async () => {
    const { browser } = harness();
    const dashboard = await DashboardUi.open(await browser.context.newPage(), browser.extensionId);
    await dashboard.importText('cases.json', serializeCasesExport(syntheticCases(3, { now: NOW, days: 2 }), NOW));
    expect(await dashboard.total(3)).toBe(3);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    expect(await deleteAllData(options, { settings: false })).toMatch(/^Deleted 3 cases, .* Settings were kept\.$/);

    // The open dashboard heard the broadcast; a fresh one reads an empty store.
    expect(await dashboard.total(0)).toBe(0);
    await dashboard.page.reload();
    expect(await dashboard.total(0)).toBe(0);
    await expect.poll(() => options.locator('[data-testid="options-brand"] input[name="name"]').first().inputValue()).toBe('Acme Air');
  });
});
