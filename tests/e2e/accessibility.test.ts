import { describe, expect, it } from 'vitest';
import { CasePanelUi, DashboardUi, DASHBOARD_HOOKS, PopupUi } from '../../scripts/browser/careside-ui';
import { openPopup } from '../../scripts/browser/launch';
import { syntheticCases } from '../../scripts/bench/synthetic-cases';
import { serializeCasesExport } from '../../lib/transfer/json-export';
import { blockingViolations } from './support/axe';
import { DEMO_PAGES } from '../../demo/pages';
import { DEMO_X_FIRST_COMPLAINT_ID } from '../../demo/x/search-posts';
import { useExtensionBrowser } from './support/extension';
import { COMPLAINT_BY_MENTION, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

/** The demo's X page (dark, like X's Lights out), served at another search address than the light test page. */
const DARK_X_URL = 'https://x.com/search?q=AcmeAir&f=live';

/** axe-core over every CareSide surface: no serious or critical violation anywhere. */
describe('accessibility (axe-core)', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage(), [DARK_X_URL]: { file: DEMO_PAGES[0]!.file } } });

  it('the sidebar and the case panel on x.com', async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const postKey = keyOf(COMPLAINT_BY_MENTION);
    await ui.logFromSidebar(postKey);
    await new CasePanelUi(page).open(postKey);
    // Only CareSide's own hosts: the page around them is the site's (here a test copy of it).
    expect(await blockingViolations(page, { include: [['careside-sidebar']] })).toEqual([]);
    const panelHost = await page
      .locator('[data-testid="careside-case-panel"]')
      .evaluate((panel) => (panel.getRootNode() as ShadowRoot).host?.localName ?? null);
    expect(panelHost, 'the case panel lives in a shadow root').not.toBeNull();
    expect(await blockingViolations(page, { include: [[panelHost]] })).toEqual([]);
  });

  it("the sidebar on X's dark theme (the demo page), with a case logged", async () => {
    const { page, ui } = await harness().open(DARK_X_URL);
    await ui.waitForSidebar();
    await expect.poll(() => ui.sidebar.getAttribute('data-theme')).toBe('dark');
    await ui.logFromSidebar(`x:${DEMO_X_FIRST_COMPLAINT_ID}`);
    expect(await blockingViolations(page, { include: [['careside-sidebar']] })).toEqual([]);
  });

  it('the popup', async () => {
    const { browser } = harness();
    const page = await openPopup(browser.context, browser.extensionId);
    await new PopupUi(page).openTotal();
    expect(await blockingViolations(page)).toEqual([]);
  });

  it('the dashboard with cases, a case open and rows ticked, and the options page', async () => {
    const { browser } = harness();
    const now = Date.now();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const dashboard = await DashboardUi.open(page, browser.extensionId);
    const cases = syntheticCases(40, { now, days: 10 });
    expect(await dashboard.importText('cases.json', serializeCasesExport(cases, now))).toMatch(/Imported 40 new cases/);
    await page.locator('[data-testid="dashboard-row-tick"]').first().check();
    await page.locator(DASHBOARD_HOOKS.row).first().click();
    await page.locator(DASHBOARD_HOOKS.caseDetail).waitFor();
    await page.locator('[data-testid="dashboard-earlier-cases"] h3').waitFor();
    await page.locator('[data-testid="dashboard-stats"]').waitFor();
    expect(await blockingViolations(page)).toEqual([]);

    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('options-brand').first().waitFor();
    expect(await blockingViolations(page)).toEqual([]);
  });
});
