import { describe, expect, it } from 'vitest';
import type { Case } from '../domain/case';
import { openCaseDb } from '../db/open';
import { CaseRepository } from './repository';
import { makePost } from './testing';
import { wordMatchingIds } from './word-search';
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
