import { describe, expect, it } from 'vitest';
import { DashboardUi, DASHBOARD_HOOKS } from '../../scripts/browser/careside-ui';
import { syntheticCases } from '../../scripts/bench/synthetic-cases';
import { serializeCasesExport } from '../../lib/transfer/json-export';
import { useExtensionBrowser } from './support/extension';

const NOW = Date.now();

describe('dashboard search and bulk changes', () => {
  const harness = useExtensionBrowser({ pages: {} });

  it('searches handles, notes, tags and assignees; lists earlier cases of the author; bulk-tags a shift-clicked range and assigns all matching', async () => {
    const { browser } = harness();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    // Newest first, as the list shows them.
    const cases = syntheticCases(30, { now: NOW, days: 5 }).sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
    const [first, second, third] = cases;
    first!.post = { ...first!.post, authorHandle: 'dana_flies' };
    third!.post = { ...third!.post, authorHandle: 'dana_flies' };
    second!.assignee = 'Priya Shah';
    second!.tags = ['lounge-access'];
    first!.notes = [{ id: 'n1', text: 'Called the airport desk', createdAt: first!.createdAt + 1 }];
    const dashboard = await DashboardUi.open(page, browser.extensionId);
    expect(await dashboard.importText('cases.json', serializeCasesExport(cases, NOW))).toMatch(/Imported 30 new cases/);
    expect(await dashboard.total(30)).toBe(30);

    // Search runs in the background's query over handles, notes, tags and the assignee.
    await dashboard.search('@DANA_flies');
    expect(await dashboard.total(2)).toBe(2);
    await expect.poll(() => dashboard.renderedRefs()).toEqual([first!.ref, third!.ref]);
    // The newer case lists the older one as an earlier case from the same author.
    await page.locator(DASHBOARD_HOOKS.row).first().click();
    const earlier = page.getByTestId('dashboard-earlier-cases');
    await expect.poll(() => earlier.locator('li').allTextContents()).toEqual([expect.stringContaining(third!.ref)]);
    expect(await earlier.locator('h3').textContent()).toBe('Earlier cases from @dana_flies (1)');
    await page.getByRole('button', { name: 'Close case details' }).click();
    await dashboard.search('airport desk');
    expect(await dashboard.total(1)).toBe(1);
    await dashboard.search('lounge-ACCESS');
    await expect.poll(() => dashboard.renderedRefs()).toEqual([second!.ref]);
    await dashboard.search('priya');
    await expect.poll(() => dashboard.renderedRefs()).toEqual([second!.ref]);
    // The stats count what the list shows.
    await expect.poll(() => page.locator(`${DASHBOARD_HOOKS.stats} [data-stat="total"]`).textContent()).toBe('1');
    await dashboard.search('');
    expect(await dashboard.total(30)).toBe(30);

    // Tick row 2, shift-click row 6: rows 2-6 are selected.
    const ticks = page.locator('[data-testid="dashboard-row-tick"]');
    await expect.poll(() => ticks.count()).toBeGreaterThan(6);
    await ticks.nth(2).check();
    await ticks.nth(6).click({ modifiers: ['Shift'] });
    const count = page.getByTestId('dashboard-bulk-count');
    await expect.poll(() => count.textContent()).toBe('5 cases selected');
    await page.getByTestId('dashboard-bulk-tag').fill('escalated');
    await page.getByTestId('dashboard-bulk-add-tag').click();
    await expect.poll(() => page.getByTestId('dashboard-notice').textContent()).toMatch(/^Changed 5 cases\./);
    await expect.poll(() => count.textContent()).toBe('No cases selected');
    await dashboard.search('escalated');
    expect(await dashboard.total(5)).toBe(5);
    expect((await dashboard.renderedRefs()).sort()).toEqual(
      cases
        .slice(2, 7)
        .map((item) => item.ref)
        .sort(),
    );

    // Select all matching (the 5 tagged), assign them; the assignee filter then finds exactly them.
    await page.getByTestId('dashboard-select-all').click();
    await expect.poll(() => count.textContent()).toBe('5 cases selected (all matching)');
    await page.getByTestId('dashboard-bulk-assignee').fill('Lee Wong');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect.poll(() => page.getByTestId('dashboard-notice').textContent()).toMatch(/^Changed 5 cases\./);
    await dashboard.search('');
    await page.getByTestId('dashboard-filter-assignee').fill('lee wong');
    expect(await dashboard.total(5)).toBe(5);

    // Each case got its own timeline entries.
    await page.locator(DASHBOARD_HOOKS.row).first().click();
    const detail = page.locator(DASHBOARD_HOOKS.caseDetail);
    await expect.poll(() => detail.locator('.dash-timeline').textContent()).toContain('Lee Wong');
    expect(await detail.locator('.dash-timeline').textContent()).toContain('escalated');
  });
});
