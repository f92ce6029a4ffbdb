import type { Migration } from './types';

// Frozen at v5: never replace these names or the derivations below with imports from today's code.
const CASES = 'cases';
const FACTS = 'case_facts';
const COUNTS = 'case_counts';
const WORDS = 'case_words';
const BATCH = 1_000;
const WORD = /[\p{L}\p{N}_]+/gu;
const MAX_WORD_LENGTH = 32;

interface V5Case {
  id: string;
  ref: string;
  createdAt: number;
  post: { authorName: string; authorHandle?: string; text: string };
  assignee?: string;
  tags?: string[];
  notes?: { text: string }[];
}

interface V5Facts {
  status: string;
  platform: string;
  priority: string;
  brandIds: string[];
  awaitingSince?: number;
}

/** The v5 search words of a case: distinct lower-cased words of its searchable texts. */
export function v5WordsOf(c: V5Case): { createdAt: number; id: string; words: string[] } {
  const texts = [
    c.ref,
    c.post.authorName,
    c.post.authorHandle ?? '',
    c.post.text,
    c.assignee ?? '',
    ...(c.tags ?? []),
    ...(c.notes ?? []).map((note) => note.text),
  ];
  const words = texts.flatMap((text) => (text.toLowerCase().match(WORD) ?? []).map((word) => word.slice(0, MAX_WORD_LENGTH)));
  return { createdAt: c.createdAt, id: c.id, words: [...new Set(words)] };
}

/** The v5 count keys: v3's plus per brand and status. */
export function v5CountKeysOf(facts: V5Facts): string[] {
  const keys = [
    `status:${facts.status}`,
    `platform_status:${facts.platform}:${facts.status}`,
    `status_priority:${facts.status}:${facts.priority}`,
  ];
  if (facts.awaitingSince !== undefined) keys.push(`awaiting:${facts.priority}`);
  for (const brandId of new Set(facts.brandIds)) keys.push(`brand_status:${brandId}:${facts.status}`);
  return keys;
}

/** Every record of `store`, BATCH at a time (far fewer round trips than a cursor step per record); v7 reuses it. */
export async function eachBatch(
  tx: Parameters<Migration['migrate']>[1],
  store: string,
  visit: (records: unknown[]) => unknown,
): Promise<void> {
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const objects = tx.objectStore(store);
    const [records, keys] = await Promise.all([objects.getAll(range, BATCH), objects.getAllKeys(range, BATCH)]);
    if (records.length === 0) return;
    await visit(records);
    after = keys[keys.length - 1];
    if (records.length < BATCH) return;
  }
}

export const v5: Migration = {
  version: 5,
  description: 'case_words (the search word index) and brand counts in case_counts, built from every case',
  async migrate(db, tx) {
    db.createObjectStore(WORDS, { keyPath: ['createdAt', 'id'] }).createIndex('words', 'words', { unique: false, multiEntry: true });
    const words = tx.objectStore(WORDS);
    await eachBatch(tx, CASES, (records) => Promise.all(records.map((record) => words.put(v5WordsOf(record as V5Case)))));

    const counts = new Map<string, number>();
    await eachBatch(tx, FACTS, (records) => {
      for (const record of records) for (const key of v5CountKeysOf(record as V5Facts)) counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    const countStore = tx.objectStore(COUNTS);
    await countStore.clear();
    await Promise.all([...counts].map(([key, n]) => countStore.put({ key, n })));
  },
};
