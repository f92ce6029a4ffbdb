import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES, type Case, type CaseStatus } from '../domain/case';
import { PRIORITIES, type Priority } from '../domain/triage';
import { openCaseDb } from '../db/open';
import type { CaseDb } from '../db/schema';
import { clockStartOf } from '../workflow/clock';
import { targetMsFor, targetState, DEFAULT_RESPONSE_TARGETS } from '../workflow/targets';
import { countKeysOf } from './counts';
import { factsPass, type CaseQueryFilter } from './query';
import { summarizeFacts } from './stats';
import { statsRowsOf } from './stats-rows';
import type { CaseFacts, StatsRow } from '../db/schema';
import { factsOf } from './facts';
import { caseWordsOf } from './words';
import { CaseRepository } from './repository';
import { seededRandom } from '../util/random';
import { makePost } from './testing';

const T0 = Date.UTC(2026, 0, 10, 12);
const MIN = 60_000;

async function allCases(db: CaseDb): Promise<Case[]> {
  return db.getAll('cases');
}

/** Rows in key order with every list sorted: the kept lists' order follows the writes. */
function normalized(rows: readonly StatsRow[]): StatsRow[] {
  const sortedLists = (lists: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(lists).map(([key, values]) => [key, [...values].sort((a, b) => a - b)]));
  return [...rows]
    .sort((a, b) => a.dim.localeCompare(b.dim) || a.day - b.day)
    .map((row) => ({
      ...row,
      hours: Object.fromEntries(
        Object.entries(row.hours).map(([hour, cell]) => [
          hour,
          {
            ...cell,
            firstResponse: [...cell.firstResponse].sort((a, b) => a - b),
            resolution: [...cell.resolution].sort((a, b) => a - b),
            stopped: sortedLists(cell.stopped),
            running: sortedLists(cell.running),
          },
        ]),
      ),
    }));
}

/** Filters the kept stats answer (one kind, whole or partial hours) and some they leave to the facts. */
function statsFilters(now: number): CaseQueryFilter[] {
  return [
    {},
    { platform: 'x' },
    { platform: 'facebook' },
    { status: 'open' },
    { status: 'closed', from: T0 + 2 * 60 * MIN },
    { priority: 'P1' },
    { category: 'other', to: now - 7 * MIN - 13_000 },
    { brandId: 'globex' },
    { brandId: 'acme', from: T0 + 37 * MIN + 13_000, to: now - 11 * MIN },
    { from: T0 + 3 * MIN, to: T0 + 40 * MIN },
    { platform: 'x', priority: 'P2' },
  ];
}

/** The kept stats rows are a full recount of the facts, and stats over each filter equal the facts' summary. */
async function expectStatsConsistent(db: CaseDb, repository: CaseRepository, facts: readonly CaseFacts[], now: number) {
  expect(normalized(await db.getAll('case_stats'))).toEqual(normalized(statsRowsOf(facts)));
  for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
    for (const filter of statsFilters(now)) {
      const expected = summarizeFacts(
        facts.filter((item) => factsPass(item, filter)),
        filter,
        { now, timeZone },
      );
      expect(await repository.stats(filter, { now, timeZone }), `${timeZone} ${JSON.stringify(filter)}`).toEqual(expected);
    }
  }
}

/** The projection, the counts, the summary and the attention numbers all agree with the cases themselves. */
async function expectConsistent(db: CaseDb, repository: CaseRepository, now: number) {
  const cases = await allCases(db);
  const facts = await db.getAll('case_facts');
  expect(facts.sort((a, b) => a.id.localeCompare(b.id))).toEqual(cases.map(factsOf).sort((a, b) => a.id.localeCompare(b.id)));

  await expectStatsConsistent(db, repository, cases.map(factsOf), now);

  const words = await db.getAll('case_words');
  expect(words).toEqual(
    cases
      .map((item) => ({ createdAt: item.createdAt, id: item.id, words: caseWordsOf(item) }))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
  );

  const expected = new Map<string, number>();
  for (const item of cases) for (const key of countKeysOf(factsOf(item))) expected.set(key, (expected.get(key) ?? 0) + 1);
  const stored = new Map((await db.getAll('case_counts')).filter((record) => record.n > 0).map((record) => [record.key, record.n]));
  expect(stored).toEqual(expected);

  const open = cases.filter((item) => OPEN_STATUSES.includes(item.status));
  const summary = await repository.summary();
  expect(summary.openTotal).toBe(open.length);
  expect(await repository.openCount()).toBe(open.length);

  const attention = await repository.attention(now);
  for (const priority of PRIORITIES) {
    expect(attention.byPriority[priority], priority).toBe(open.filter((item) => (item.priority ?? 'P3') === priority).length);
  }
  // Breaching = still waiting for a first response and past the target (a late answer is "missed", not breaching).
  const breaching = open.filter((item) => item.firstResponseAt === undefined && targetState(item, now).state === 'breached');
  expect(attention.breachingCount).toBe(breaching.length);
  expect(await repository.breachingCount(now)).toBe(breaching.length);
  expect(attention.nearingCount).toBe(open.filter((item) => targetState(item, now).state === 'nearing').length);
  const mostOverdue = breaching
    .map((item) => ({
      ref: item.ref,
      rank: PRIORITIES.indexOf(item.priority ?? 'P3'),
      overdue: now - (clockStartOf(item) + targetMsFor(item.priority ?? 'P3', DEFAULT_RESPONSE_TARGETS)),
    }))
    .sort((a, b) => a.rank - b.rank || b.overdue - a.overdue)
    .slice(0, 5);
  expect(attention.breaching.map((item) => item.overdueMs)).toEqual(mostOverdue.map((item) => item.overdue));
  return cases;
}

describe('case_facts, case_counts and case_words stay in step with every write', () => {
  // 300 writes and seven full recounts: more than the default 5 s on a busy 2-core machine.
  it('through 300 random logs, moves, priority changes, follow-ups, notes, bulk changes and deletes', { timeout: 30_000 }, async () => {
    const db = await openCaseDb('consistency', indexedDB);
    const repository = new CaseRepository(db);
    const random = seededRandom(7);
    const logged: Case[] = [];
    let imported = 0;
    let now = T0;
    for (let i = 0; i < 300; i += 1) {
      now += Math.floor(random() * 5 * MIN);
      const roll = random();
      if (roll < 0.4 || logged.length === 0) {
        const priority = PRIORITIES[Math.floor(random() * 4)] as Priority;
        const postedAt = random() < 0.5 ? new Date(now - Math.floor(random() * 120 * MIN)).toISOString() : undefined;
        const post = makePost(`c${i}`, postedAt ? { postedAt } : {});
        const triage =
          random() < 0.8
            ? { priority, category: 'other' as const, snapshot: { complaint: true, confidence: 0.5, explanation: 'x', cues: [] } }
            : undefined;
        // Every third case also names a second brand (not drawn from `random`: the sequence stays as it was).
        logged.push((await repository.logPost(post, i % 3 === 0 ? ['acme', 'globex'] : ['acme'], now, triage)).case);
        continue;
      }
      const target = logged[Math.floor(random() * logged.length)] as Case;
      if (roll < 0.7) {
        const to = (['responded', 'handed_off', 'waiting_on_customer', 'resolved', 'closed', 'reopen'] as const)[Math.floor(random() * 6)]!;
        await repository.transition(target.id, to, now, to === 'closed' ? 'resolved' : undefined).catch(() => undefined);
      } else if (roll < 0.77) {
        await repository.setPriority(target.id, PRIORITIES[Math.floor(random() * 4)] as Priority, now).catch(() => undefined);
      } else if (roll < 0.84) {
        await repository.setFollowUp(target.id, now + Math.floor(random() * 60 * MIN), now).catch(() => undefined);
      } else if (roll < 0.88) {
        await repository.addNote(target.id, { text: `note ${i}` }, now).catch(() => undefined);
      } else if (roll < 0.92) {
        // Bulk: a status move or a tag over a few cases, or over every case a filter matches.
        const ids = [target, logged[Math.floor(random() * logged.length)] as Case].map((item) => item.id);
        const change = random() < 0.5 ? { kind: 'status' as const, to: 'responded' as const } : { kind: 'addTag' as const, tag: `t${i}` };
        await repository.bulkUpdate(random() < 0.5 ? { caseIds: ids } : { filter: { status: 'new' } }, change, now);
      } else if (roll < 0.96) {
        // Import: one stored case merged back changed, and one new case.
        const stored = await repository.byId(target.id);
        const added = {
          ...(stored ?? target),
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          ref: `CS-XM${String(i).padStart(3, '0')}`,
        };
        const postId = `imported-${i}`;
        const file = JSON.stringify({
          format: 'careside-cases',
          version: 1,
          exportedAt: new Date(now).toISOString(),
          cases: [
            ...(stored ? [{ ...stored, tags: [`merged${i}`] }] : []),
            { ...added, postKey: `x:${postId}`, post: { ...added.post, postId, text: `imported words ${i}` }, createdAt: now - MIN },
          ],
        });
        const result = await repository.importCases(file, now);
        expect(result.report.rejected.map((row) => row.reason)).toEqual([]);
        imported += 1;
      } else {
        // Delete one or a few (some already deleted: skipped); later edits of them fail as not_found.
        const picks = [target, logged[Math.floor(random() * logged.length)] as Case].map((item) => item.id);
        await repository.deleteCases(picks);
      }
      if (roll >= 0.4 && i % 50 === 0) await expectConsistent(db, repository, now);
    }
    const cases = await expectConsistent(db, repository, now);
    // The mix exercised every status, deletes and some breaches.
    expect(cases.length).toBeLessThan(logged.length + imported);
    expect(imported).toBeGreaterThan(0);
    expect(new Set(cases.map((item) => item.status)).size).toBe(6);
    expect((await repository.attention(now)).breachingCount).toBeGreaterThan(0);
    // Later, with no write, more cases have breached: counts follow the clock.
    await expectConsistent(db, repository, now + 24 * 60 * MIN);
  });

  it('after an import that adds and merges', async () => {
    const db = await openCaseDb('consistency-import', indexedDB);
    const repository = new CaseRepository(db);
    const first = (await repository.logPost(makePost('m1'), ['acme'], T0)).case;
    const exported = { ...first, status: 'responded' as CaseStatus, firstResponseAt: T0 + MIN, updatedAt: T0 + MIN };
    const other = (await repository.logPost(makePost('m2'), [], T0)).case;
    const file = JSON.stringify({
      format: 'careside-cases',
      version: 1,
      exportedAt: new Date(T0).toISOString(),
      cases: [
        exported,
        { ...other, id: '00000000-0000-4000-8000-00000000abcd', ref: 'CS-NEW1', postKey: 'x:m3', post: { ...other.post, postId: 'm3' } },
      ],
    });
    await repository.importCases(file, T0 + 2 * MIN);
    await expectConsistent(db, repository, T0 + 3 * MIN);
  });

  it('after deleting cases, retention batches and deleting everything', async () => {
    const db = await openCaseDb('consistency-delete', indexedDB);
    const repository = new CaseRepository(db);
    const logged = [];
    for (let i = 0; i < 12; i += 1) logged.push((await repository.logPost(makePost(`d${i}`), ['acme'], T0 + i * MIN)).case);
    for (const item of logged.slice(0, 6)) await repository.transition(item.id, 'closed', T0 + 20 * MIN, 'resolved');
    await repository.deleteCases([logged[0]!.id, logged[7]!.id]);
    await expectConsistent(db, repository, T0 + 30 * MIN);
    expect(await repository.deleteClosedBefore(T0 + 20 * MIN)).toHaveLength(5);
    const left = await expectConsistent(db, repository, T0 + 30 * MIN);
    expect(left).toHaveLength(5);
    expect((await repository.summary()).byStatus.closed).toBe(0);
    expect(await repository.deleteAll()).toBe(5);
    expect(await expectConsistent(db, repository, T0 + 30 * MIN)).toEqual([]);
    expect(await db.count('case_facts')).toBe(0);
  });
});
