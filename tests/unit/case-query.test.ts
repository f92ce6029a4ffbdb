import { describe, expect, it } from 'vitest';
import { CaseRepository } from '../../lib/cases/repository';
import { caseMentions, type CaseQueryFilter } from '../../lib/cases/query';
import { summarizeFacts } from '../../lib/cases/stats';
import { factsOf } from '../../lib/cases/facts';
import { openCaseDb } from '../../lib/db/open';
import { OPEN_STATUSES, type Case } from '../../lib/domain/case';
import { serializeCasesExport } from '../../lib/transfer/json-export';
import { syntheticCases } from '../../scripts/bench/synthetic-cases';

const NOW = Date.UTC(2026, 1, 1, 12);
const DAY = 24 * 60 * 60 * 1000;

async function seededRepository(count: number) {
  const repository = new CaseRepository(await openCaseDb('query-test', indexedDB));
  const cases = syntheticCases(count, { now: NOW, days: 20 });
  const result = await repository.importCases(serializeCasesExport(cases, NOW), NOW);
  expect(result.report.accepted).toHaveLength(count);
  // A third of the cases assigned to each of two people (one written with spaces and capitals), a third to nobody.
  const names = ['Priya Shah', ' DANA ', null];
  for (const [i, item] of cases.entries()) {
    const name = names[i % names.length];
    if (name) await repository.setAssignee(item.id, name, NOW);
  }
  // Stored cases carry the import's timeline entry: compare against what is stored.
  const stored = (await repository.query({}, 0, count)).cases;
  return { repository, cases: stored };
}

/** The filter applied the slow, obvious way: the oracle for the indexed query. */
function naive(cases: readonly Case[], filter: CaseQueryFilter): Case[] {
  const needle = filter.search?.trim().toLowerCase();
  return cases
    .filter((item) => {
      if (filter.status === 'open' ? !OPEN_STATUSES.includes(item.status) : filter.status !== undefined && item.status !== filter.status)
        return false;
      if (filter.platform !== undefined && item.platform !== filter.platform) return false;
      if (filter.brandId !== undefined && !item.brandIds.includes(filter.brandId)) return false;
      if (filter.priority !== undefined && (item.priority ?? 'P3') !== filter.priority) return false;
      if (filter.category !== undefined && item.category !== filter.category) return false;
      if (filter.from !== undefined && item.createdAt < filter.from) return false;
      if (filter.to !== undefined && item.createdAt >= filter.to) return false;
      if (filter.assignee === null && item.assignee) return false;
      if (filter.assignee && item.assignee?.trim().toLowerCase() !== filter.assignee.trim().toLowerCase()) return false;
      return !needle || caseMentions(item, needle);
    })
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}

// Each test seeds hundreds of cases into fake-indexeddb and checks every filter against the oracle: about a second
// of CPU on a quiet machine, several times that when the run shares two cores with other work (it timed out at the
// default 5 s in a unit run at load 20). The budget is for the work, not a wait on anything.
describe('dashboard query over case_facts indexes', { timeout: 30_000 }, () => {
  it('matches the obvious filter for every filter and combination, newest first, with exact totals', async () => {
    const { repository, cases } = await seededRepository(600);
    const filters: CaseQueryFilter[] = [
      {},
      { status: 'new' },
      { status: 'open' },
      { platform: 'yelp' },
      { brandId: 'acme-rail' },
      { priority: 'P1' },
      { category: 'booking' },
      { from: NOW - 5 * DAY, to: NOW - 2 * DAY },
      { status: 'open', platform: 'x', priority: 'P2' },
      { brandId: 'acme-air', category: 'outage', from: NOW - 10 * DAY },
      { search: 'SUITCASE' },
      { search: 'riley park 1', status: 'open' },
      { status: 'closed', platform: 'facebook', brandId: 'acme-hotels', priority: 'P4', category: 'other' },
      { from: NOW, to: NOW - DAY },
      { assignee: 'priya shah' },
      { assignee: 'Dana', status: 'open', platform: 'x' },
      { assignee: null, priority: 'P2' },
      { assignee: 'PRIYA SHAH', search: 'suitcase' },
    ];
    for (const filter of filters) {
      const expected = naive(cases, filter);
      const page = await repository.query(filter, 0, 1000);
      expect(page.total, JSON.stringify(filter)).toBe(expected.length);
      expect(
        page.cases.map((item) => item.ref),
        JSON.stringify(filter),
      ).toEqual(expected.map((item) => item.ref));
    }
    // Exercised: non-empty results for the combinations that should have some.
    expect(naive(cases, { status: 'open', platform: 'x', priority: 'P2' }).length).toBeGreaterThan(0);
    expect(naive(cases, { assignee: 'Dana', status: 'open', platform: 'x' }).length).toBeGreaterThan(0);
    // "My cases" (the popup) from the kept counts, and the roster's names as first written.
    expect(await repository.openAssignedCount('dana')).toBe(naive(cases, { assignee: 'dana', status: 'open' }).length);
    expect((await repository.assignees()).sort()).toEqual(['DANA', 'Priya Shah']);
  });

  it('pages through the list with offset and limit, and a write shows up in the next read', async () => {
    const { repository, cases } = await seededRepository(250);
    const all = naive(cases, {});
    const pages = [];
    for (let offset = 0; offset < 250; offset += 100) pages.push(...(await repository.query({}, offset, 100)).cases);
    expect(pages.map((item) => item.ref)).toEqual(all.map((item) => item.ref));
    expect((await repository.query({}, 240, 100)).cases).toHaveLength(10);

    const before = (await repository.query({ status: 'resolved' }, 0, 1)).total;
    const open = all.find((item) => item.status === 'new')!;
    await repository.transition(open.id, 'resolved', NOW);
    expect((await repository.query({ status: 'resolved' }, 0, 1)).total).toBe(before + 1);
  });

  it('stats over the filter equal the pure summary of the matching cases', async () => {
    const { repository, cases } = await seededRepository(400);
    const filter: CaseQueryFilter = { platform: 'x', from: NOW - 10 * DAY };
    const matching = naive(cases, filter);
    const stats = await repository.stats(filter, { now: NOW, timeZone: 'Europe/Berlin' });
    expect(stats).toEqual(summarizeFacts(matching.map(factsOf), filter, { now: NOW, timeZone: 'Europe/Berlin' }));
    expect(stats.total).toBe(matching.length);
    expect(stats.days.reduce((sum, day) => sum + day.total, 0)).toBe(matching.length);
    expect(stats.days).toHaveLength(11);
    expect(stats.firstResponse.count).toBe(matching.filter((item) => item.firstResponseAt !== undefined).length);
  });
});
