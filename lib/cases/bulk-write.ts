import type { Case } from '../domain/case';
import type { CountDelta } from './counts';
import { factsOf } from './facts';
import type { WriteTx } from './tx';
import { bumpWriteVersion } from './write-version';
import { caseWordsOf } from './words';

/** One case of a bulk write, and the stored case it replaces (undefined: it is new). */
export interface CheckedWrite {
  /** Already checked against CaseSchema by the caller (an import checks each row and each merge once). */
  record: Case;
  before?: Case | undefined;
}

/**
 * Store many checked cases with their facts and search words, and gather their count changes
 * in `counts` (the caller flushes once). Every request is issued before any is awaited, and the
 * old facts come from the stored case the caller already read, so a case costs three writes
 * (case, facts, words) and no reads: the import's and the seeding's write path.
 */
export function writeCheckedCases(tx: WriteTx, writes: readonly CheckedWrite[], counts: CountDelta): Promise<unknown> {
  if (writes.length === 0) return Promise.resolve();
  bumpWriteVersion();
  const cases = tx.objectStore('cases');
  const facts = tx.objectStore('case_facts');
  const words = tx.objectStore('case_words');
  const requests: Promise<unknown>[] = [];
  for (const { record, before } of writes) {
    const after = factsOf(record);
    // `add` refuses a taken id, postKey or ref that the plan did not know about.
    requests.push(before ? cases.put(record) : cases.add(record), facts.put(after));
    // Words are keyed by [createdAt, id]: a merge that moved createdAt leaves the old key behind.
    if (before && before.createdAt !== record.createdAt) requests.push(words.delete([before.createdAt, record.id]));
    requests.push(words.put({ createdAt: record.createdAt, id: record.id, words: caseWordsOf(record) }));
    counts.move(before ? factsOf(before) : undefined, after);
  }
  return Promise.all(requests);
}
