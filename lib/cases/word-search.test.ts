import { describe, expect, it } from 'vitest';
import type { Case } from '../domain/case';
import { openCaseDb } from '../db/open';
import { CaseRepository } from './repository';
import { makePost } from './testing';
import { wordMatchingIds } from './word-search';
import { COMPLETE_PROBE, walkSearch } from './search-walk';
import { makeCase } from '../workflow/testing';
import { serializeCasesExport } from '../transfer/json-export';
import { caseWordsOf, searchWordsOf, wordsMatch } from './words';
import { seededRandom } from '../util/random';

const T0 = Date.UTC(2026, 2, 1, 8);
const WORDS = ['refund', 'refunded', 'bag', 'baggage', 'late', 'lost', 'rude', 'staff', 'flight', 'fl'];

/** 60 cases with random words, notes and tags, logged a minute apart. */
async function randomStore() {
  const db = await openCaseDb(`word-search-${Math.random()}`, indexedDB);
  const repository = new CaseRepository(db);
  const random = seededRandom(11);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)] as string;
  const cases: Case[] = [];
  for (let i = 0; i < 60; i += 1) {
    const logged = (
      await repository.logPost(makePost(`w${i}`, { text: `${pick()} ${pick()}`, authorName: `Author ${i}` }), [], T0 + i * 60_000)
    ).case;
    const noted = i % 4 === 0 ? (await repository.addNote(logged.id, { text: pick() }, T0 + i * 60_000)).case : logged;
    cases.push(i % 5 === 0 ? (await repository.setTags(noted.id, [pick().toUpperCase()], T0 + i * 60_000)).case : noted);
  }
  return { db, repository, cases };
}

/** What the search must find, worked out from the cases themselves, newest first. */
function expected(cases: readonly Case[], search: string, from = -Infinity, to = Infinity): string[] {
  return cases
    .filter((item) => item.createdAt >= from && item.createdAt < to && wordsMatch(caseWordsOf(item), searchWordsOf(search)))
    .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
    .map((item) => item.id);
}

describe('wordMatchingIds', () => {
  it.each(['refund', 'bag lost', 'FL', 'rude staff late', 'author 1', 'nothing'])(
    'finds "%s" the same whether the rarest word settles it or every list is read whole',
    async (search) => {
      const { db, cases } = await randomStore();
      const words = searchWordsOf(search);
      const want = expected(cases, search);
      expect(await wordMatchingIds(db, words, -Infinity, Infinity)).toEqual(want);
      // A probe of 2 keys: every list counts as common, so they are read whole and intersected.
      expect(await wordMatchingIds(db, words, -Infinity, Infinity, 2)).toEqual(want);
      const from = T0 + 10 * 60_000;
      const to = T0 + 40 * 60_000;
      expect(await wordMatchingIds(db, words, from, to, 2)).toEqual(expected(cases, search, from, to));
    },
  );

  it('is what the dashboard query answers, also narrowed by another filter', async () => {
    const { repository, cases } = await randomStore();
    const closed = cases.filter((_, i) => i % 3 === 0);
    for (const item of closed) await repository.transition(item.id, 'responded', T0 + 90 * 60_000);
    const page = await repository.query({ search: 'refund', status: 'responded' }, 0, 100);
    const want = expected(closed, 'refund');
    expect(want.length).toBeGreaterThan(0);
    expect(page.cases.map((item) => item.id)).toEqual(want);
    expect(page.total).toBe(want.length);
  });
});

describe('walkSearch: bounded by the matches wanted, not by how many cases a word has', () => {
  const walks = [
    { name: 'the rarest list read whole', probe: 1_000, maxPrefixWords: 16 },
    { name: 'merged per-word batches', probe: 2, maxPrefixWords: 16 },
    { name: 'merged per-word batches of 2, doubling', probe: 2, maxPrefixWords: 16, firstBatch: 2 },
    { name: 'merged per-word cursors (no getAllRecords)', probe: 2, maxPrefixWords: 16, batchReads: false },
    { name: 'the word store walked', probe: 2, maxPrefixWords: 0 },
  ];
  it.each(
    walks.flatMap((walk) =>
      ['refund', 'bag lost', 'fl', 'rude staff late', 'nothing', 'fl flight', 'refund refunded'].map((search) => ({ ...walk, search })),
    ),
  )(
    '$name finds "$search" newest first, the first matches when it stops early, all of them when told to',
    async ({ search, name: _name, ...walk }) => {
      const { db, cases } = await randomStore();
      const words = searchWordsOf(search);
      const base = { words, accept: null, ...walk };
      const all = expected(cases, search);
      const everything = await walkSearch(db, { ...base, from: -Infinity, to: Infinity, wanted: Infinity });
      expect(everything).toMatchObject({ ids: all, complete: true });
      const from = T0 + 10 * 60_000;
      const to = T0 + 40 * 60_000;
      const inRange = await walkSearch(db, { ...base, from, to, wanted: Infinity });
      expect(inRange.ids).toEqual(expected(cases, search, from, to));
      const few = await walkSearch(db, { ...base, from: -Infinity, to: Infinity, wanted: 3 });
      expect(few.ids.slice(0, 3)).toEqual(all.slice(0, 3));
    },
  );

  it('checks the other filters on each candidate’s facts', async () => {
    const { db, cases } = await randomStore();
    const want = expected(cases, 'refund').filter((id) => cases.find((item) => item.id === id)?.platform === 'x');
    const walk = await walkSearch(db, {
      words: ['refund'],
      from: -Infinity,
      to: Infinity,
      wanted: Infinity,
      probe: 2,
      accept: (facts) => facts.platform === 'x',
    });
    expect(walk.ids).toEqual(want);
  });
});

describe('walkSearch of two common words', () => {
  /** 400 cases a minute apart: every one says "late", every tenth also "refund". */
  async function skewedStore() {
    const db = await openCaseDb(`skewed-${Math.random()}`, indexedDB);
    const rows = Array.from({ length: 400 }, (_, i) =>
      makeCase(i, {
        createdAt: T0 + i * 60_000,
        post: makePost(String(5000 + i), { text: i % 10 === 0 ? 'late refund' : 'late', reach: {} }),
      }),
    );
    const imported = await new CaseRepository(db).importCases(serializeCasesExport(rows, T0), T0);
    expect(imported.report.rejected).toEqual([]);
    const newest = rows.filter((_, i) => i % 10 === 0).map((item) => item.id);
    return { db, newest: newest.reverse() };
  }

  it.each([{ batchReads: true }, { batchReads: false }])(
    'walks the sparser word, whichever is typed first or longest (batched reads: $batchReads)',
    async ({ batchReads }) => {
      const { db, newest } = await skewedStore();
      for (const words of [
        ['late', 'refund'],
        ['refund', 'late'],
      ]) {
        const walk = await walkSearch(db, { words, from: -Infinity, to: Infinity, wanted: 5, accept: null, probe: 2, batchReads });
        expect(walk.ids.slice(0, 5)).toEqual(newest.slice(0, 5));
        // Walking "late" would take 10 candidates per match; "refund" yields only matches.
        expect(walk.examined).toBeLessThanOrEqual(40);
        const all = await walkSearch(db, { words, from: -Infinity, to: Infinity, wanted: Infinity, accept: null, probe: 2, batchReads });
        expect(all).toEqual({ ids: newest, complete: true, examined: 40 });
      }
    },
  );
});

describe('walkSearch of words whose lists are read whole', () => {
  /** 400 cases a minute apart: "late" on 360, "refund" on 80, both on 40 (every tenth). */
  async function mixedStore() {
    const db = await openCaseDb(`mixed-${Math.random()}`, indexedDB);
    const text = (i: number) => (i % 10 === 0 ? 'late refund' : i % 10 === 5 ? 'refund' : 'late');
    const rows = Array.from({ length: 400 }, (_, i) =>
      makeCase(i, { createdAt: T0 + i * 60_000, post: makePost(String(7000 + i), { text: text(i), reach: {} }) }),
    );
    const imported = await new CaseRepository(db).importCases(serializeCasesExport(rows, T0), T0);
    expect(imported.report.rejected).toEqual([]);
    return {
      db,
      both: rows
        .filter((_, i) => i % 10 === 0)
        .map((item) => item.id)
        .reverse(),
    };
  }

  it('intersects the lists it read whole: only cases with every word are candidates', async () => {
    const { db, both } = await mixedStore();
    const walk = await walkSearch(db, { words: ['refund', 'late'], from: -Infinity, to: Infinity, wanted: Infinity, accept: null });
    expect(walk).toEqual({ ids: both, complete: true, examined: 40 });
  });

  it('checks a word whose list was not read whole on each candidate of the rarest', async () => {
    const { db, both } = await mixedStore();
    const walk = await walkSearch(db, {
      words: ['refund', 'late'],
      from: -Infinity,
      to: Infinity,
      wanted: Infinity,
      accept: null,
      probe: 100,
    });
    expect(walk).toEqual({ ids: both, complete: true, examined: 80 });
  });
});

describe('a dashboard search of common words', () => {
  it('stops a page ahead and says its total is a lower bound; scrolling on finds the rest in order', async () => {
    const db = await openCaseDb(`walk-${Math.random()}`, indexedDB);
    const repository = new CaseRepository(db);
    // More cases than a complete probe reads: every one says "refund".
    // Three cases a minute: some share a createdAt, so the order also needs the id.
    const rows = Array.from({ length: COMPLETE_PROBE + 300 }, (_, i) =>
      makeCase(i, {
        createdAt: T0 + Math.floor(i / 3) * 60_000,
        post: makePost(String(1000 + i), { text: `refund number ${i}`, reach: {} }),
      }),
    );
    const imported = await repository.importCases(serializeCasesExport(rows, T0), T0);
    expect(imported.report.rejected).toEqual([]);
    const newest = [...rows].sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id)).map((item) => item.id);
    const first = await repository.query({ search: 'refund' }, 0, 50);
    expect(first.cases.map((item) => item.id)).toEqual(newest.slice(0, 50));
    expect(first.totalIsLowerBound).toBe(true);
    expect(first.total).toBeGreaterThanOrEqual(100);
    expect(first.total).toBeLessThan(newest.length);
    const later = await repository.query({ search: 'refund' }, newest.length - 100, 50);
    expect(later.cases.map((item) => item.id)).toEqual(newest.slice(-100, -50));
    const rare = await repository.query({ search: 'refund 7' }, 0, 50);
    expect(rare.totalIsLowerBound).toBeUndefined();
  }, 120_000);
});
