import { describe, expect, it } from 'vitest';
import { DashboardUi, DASHBOARD_HOOKS } from '../../scripts/browser/careside-ui';
import { openPopup } from '../../scripts/browser/launch';
import { syntheticCases } from '../../scripts/bench/synthetic-cases';
import { casesToCsv } from '../../lib/transfer/csv';
import { serializeCasesExport } from '../../lib/transfer/json-export';
import { useExtensionBrowser } from './support/extension';

const NOW = Date.now();
const COUNT = 1_500;

describe('dashboard (dashboard.html)', () => {
  const harness = useExtensionBrowser({ pages: {} });

  it('imports 1,500 cases, lists them virtualized, filters, searches, shows stats and exports what it shows', async () => {
    const { browser } = harness();
    const cases = syntheticCases(COUNT, { now: NOW, days: 30 });
    const dashboard = await DashboardUi.open(await browser.context.newPage(), browser.extensionId);
    expect(await dashboard.total(0)).toBe(0);

    const report = await dashboard.importText('cases.json', serializeCasesExport(cases, NOW));
    expect(report).toMatch(/Imported 1,500 new cases/);
    expect(await dashboard.total(COUNT)).toBe(COUNT);

    // Virtualized: a screenful of rows is in the DOM, not 1,500; newest first.
    const byNewest = [...cases].sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
    await expect.poll(() => dashboard.renderedRefs()).toContain(byNewest[0]!.ref);
    expect((await dashboard.renderedRefs()).length).toBeLessThan(40);
    await dashboard.scrollListTo(1);
    await expect.poll(() => dashboard.renderedRefs(), { timeout: 10_000 }).toContain(byNewest.at(-1)!.ref);
    expect((await dashboard.renderedRefs()).length).toBeLessThan(40);

    // Filters combine; the count comes from the store, not from the rendered rows.
    await dashboard.filter('platform', 'yelp');
    const yelp = cases.filter((item) => item.platform === 'yelp');
    expect(await dashboard.total(yelp.length)).toBe(yelp.length);
    await dashboard.filter('priority', 'P1');
    const yelpP1 = yelp.filter((item) => item.priority === 'P1');
    expect(await dashboard.total(yelpP1.length)).toBe(yelpP1.length);

    // Search (ref, author, text, notes, tags, assignee; any case) narrows further: the author
    // "Riley Park 12" also matches "Riley Park 120", so the expectation is worked out the same way.
    const target = yelpP1[0]!;
    const query = target.post.authorName.toUpperCase();
    const found = yelpP1.filter((item) =>
      [
        item.ref,
        item.post.authorName,
        item.post.authorHandle ?? '',
        item.post.text,
        item.assignee ?? '',
        ...(item.tags ?? []),
        ...(item.notes ?? []).map((note) => note.text),
      ].some((field) => field.toLowerCase().includes(query.toLowerCase())),
    );
    await dashboard.search(query);
    expect(await dashboard.total(found.length)).toBe(found.length);
    await expect.poll(() => dashboard.renderedRefs()).toContain(target.ref);
    await dashboard.search(target.ref.toLowerCase());
    expect(await dashboard.total(1)).toBe(1);
    await expect.poll(() => dashboard.renderedRefs()).toEqual([target.ref]);

    // Filters stick across visits.
    await dashboard.page.reload();
    expect(await dashboard.total(1)).toBe(1);
    await dashboard.search('');
    expect(await dashboard.total(yelpP1.length)).toBe(yelpP1.length);

    // Stats and chart for the filtered cases: the canvas is drawn, its table holds the numbers.
    const stats = dashboard.page.locator(DASHBOARD_HOOKS.stats);
    await expect.poll(() => stats.locator('[data-stat="total"]').textContent()).toBe(String(yelpP1.length));
    await dashboard.page.locator(`${DASHBOARD_HOOKS.chart} canvas`).waitFor();
    const bars = await dashboard.page
      .locator(`${DASHBOARD_HOOKS.chart} tr[data-total]`)
      .evaluateAll((groups) => groups.reduce((sum, group) => sum + Number(group.getAttribute('data-total')), 0));
    expect(bars).toBe(yelpP1.length);

    // Export: exactly the filtered cases, as JSON and as CSV.
    const json = await dashboard.exportFile('json');
    expect(json.name).toMatch(/^careside-cases-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(json.text) as { format: string; cases: { ref: string }[] };
    expect(exported.format).toBe('careside-cases');
    expect(exported.cases.map((item) => item.ref).sort()).toEqual(yelpP1.map((item) => item.ref).sort());
    const csv = await dashboard.exportFile('csv');
    expect(csv.name).toMatch(/^careside-cases-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFF"Ref","Status",')).toBe(true);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(yelpP1.length + 1);
    expect(csv.text.split('\r\n')[1]).toContain('"Yelp"');
    expect(csv.text).toMatch(/"\d{4}-\d{2}-\d{2} \d{2}:\d{2}","\d{4}-\d{2}-\d{2}T[\d:.]+Z"/);
    // The CSV imports back: every case is already there, unchanged.
    expect(await dashboard.importText(csv.name, csv.text)).toMatch(
      new RegExp(`^Imported 0 new cases, ${yelpP1.length} already up to date\\.`),
    );
    expect(await dashboard.total(yelpP1.length)).toBe(yelpP1.length);

    // Tickets for Zendesk's Ticket Import API: one per case, P1 -> urgent, the ref as external_id.
    const zendesk = await dashboard.exportFile('zendesk');
    expect(zendesk.name).toMatch(/^careside-zendesk-tickets-\d{4}-\d{2}-\d{2}\.json$/);
    const tickets = (JSON.parse(zendesk.text) as { tickets: { external_id: string; priority: string; comments: unknown[] }[] }).tickets;
    expect(tickets.map((ticket) => ticket.external_id).sort()).toEqual(yelpP1.map((item) => item.ref).sort());
    expect(new Set(tickets.map((ticket) => ticket.priority))).toEqual(new Set(['urgent']));
  });

  it('reports rejected rows, merges duplicates by postKey, and a broken file changes nothing', async () => {
    const { browser } = harness();
    const cases = syntheticCases(3, { now: NOW, days: 2 });
    const dashboard = await DashboardUi.open(await browser.context.newPage(), browser.extensionId);
    expect(await dashboard.importText('three.json', serializeCasesExport(cases, NOW))).toMatch(/Imported 3 new cases/);
    expect(await dashboard.total(3)).toBe(3);

    const broken = '{"format":"careside-cases","version":1,"cases":[{"ref":"CS-AAAA"}';
    expect(await dashboard.importText('broken.json', broken)).toMatch(/not valid JSON.*Nothing was imported/);
    expect(await dashboard.total(3)).toBe(3);

    // cases[2] was Responded; a later copy says Resolved (a stale copy could not undo a Closed: lib/merge).
    const newer = { ...cases[2]!, status: 'resolved' as const, resolvedAt: NOW, updatedAt: NOW, tags: ['vip'] };
    const bad = { ...cases[1]!, ref: 'CS-BAD1', status: 'lost' };
    const fresh = syntheticCases(1, { now: NOW, start: 900 })[0]!;
    const mixed = JSON.stringify({
      format: 'careside-cases',
      version: 1,
      exportedAt: new Date(NOW).toISOString(),
      cases: [newer, bad, fresh],
    });
    const report = await dashboard.importText('mixed.json', mixed);
    expect(report).toMatch(/Imported 1 new case, merged 1 into existing cases\. Rejected 1/);
    expect(report).toMatch(/Row 2 \(CS-BAD1\): status/);
    expect(await dashboard.total(4)).toBe(4);

    // A CSV (what spreadsheets save) imports too; a broken row is reported with its line, the rest go in.
    const more = syntheticCases(2, { now: NOW, start: 950 });
    const csvReport = await dashboard.importText('more.csv', `${casesToCsv(more)}"CS-BAD2","New",oops"x\r\n`);
    expect(csvReport).toMatch(/Imported 2 new cases\. Rejected 1: line 4: has 3 cells/);
    expect(await dashboard.total(6)).toBe(6);

    // The merged case kept its ref and took the newer status.
    await dashboard.search(cases[2]!.ref);
    await expect.poll(() => dashboard.renderedRefs()).toEqual([cases[2]!.ref]);
    await expect.poll(() => dashboard.page.locator(DASHBOARD_HOOKS.row).textContent()).toMatch(/Resolved/);
  });

  it('opens from the popup link and shows a case from a #case= link with its timeline', async () => {
    const { browser } = harness();
    const popup = await openPopup(browser.context, browser.extensionId);
    const cases = syntheticCases(2, { now: NOW, days: 1 });
    const dashboard = await DashboardUi.open(await browser.context.newPage(), browser.extensionId);
    await dashboard.importText('two.json', serializeCasesExport(cases, NOW));
    await popup.reload();
    const href = await popup.locator(DASHBOARD_HOOKS.popupDashboardLink).getAttribute('href');
    expect(href).toBe(`chrome-extension://${browser.extensionId}/dashboard.html`);

    const ref = cases[1]!.ref;
    await dashboard.page.goto(`chrome-extension://${browser.extensionId}/dashboard.html#case=${ref}`);
    const detail = dashboard.page.locator(DASHBOARD_HOOKS.caseDetail);
    await expect.poll(() => detail.getAttribute('data-case-ref')).toBe(ref);
    await detail.getByRole('textbox', { name: 'New note' }).fill('Called the customer back');
    await detail.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => detail.locator('.dash-notes').textContent()).toContain('Called the customer back');
    await expect.poll(() => detail.locator('.dash-timeline').textContent()).toMatch(/Note added · Called the customer back/);
  });
});
