import { describe, expect, it } from 'vitest';
import { CaseSchema, CASE_STATUSES, type Case } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import { seededRandom } from '../util/random';
import { makeCase, T0 } from '../workflow/testing';
import { canonicalJson } from './canonical';
import { mergeCases, statusConflictEvent } from './case-merge';
import { formatStamp } from './hlc';

const AGENTS = ['priya', 'sam', 'lee'];
const REFS = ['CS-AAAA', 'CS-BBBB', 'CS-CCCC', 'CS-DDDD'];

/** A random copy of one post's case, as one install might hold it. */
function randomCopy(random: () => number, n: number): Case {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const stamp = () => formatStamp({ wall: T0 + Math.floor(random() * 5) * 1000, counter: Math.floor(random() * 2), agent: pick(AGENTS) });
  const status = pick(CASE_STATUSES);
  const events: CaseEvent[] = [{ at: T0 + n, type: 'logged' }];
  for (let i = 0; i < 4; i += 1) {
    if (random() < 0.5)
      events.push({ at: T0 + Math.floor(random() * 4) * 100, type: pick(['note_added', 'handed_off', 'reply_inserted'] as const) });
  }
  events.sort((x, y) => x.at - y.at);
  const copy: Case = {
    ...makeCase(1, { status, createdAt: T0 + Math.floor(random() * 3), updatedAt: T0 + Math.floor(random() * 9) * 1000 }),
    id: `00000000-0000-4000-8000-00000000000${n % 10}`,
    ref: pick(REFS),
    events,
    statusEpoch: Math.floor(random() * 2),
    clocks: { status: stamp(), assignee: stamp(), tags: stamp(), priority: stamp(), followUpAt: stamp() },
  };
  if (status === 'closed') copy.outcome = pick(['resolved', 'spam'] as const);
  if (status === 'closed') copy.closedAt = T0 + 10;
  if (status === 'resolved') copy.resolvedAt = T0 + 10;
  if (random() < 0.6) copy.assignee = pick(['Priya', 'Sam', 'Lee']);
  if (random() < 0.6) copy.tags = [pick(['vip', 'refund', 'press'])];
  if (random() < 0.5) copy.priority = pick(['P1', 'P2', 'P3'] as const);
  if (random() < 0.5) copy.followUpAt = T0 + Math.floor(random() * 3) * 60_000;
  if (random() < 0.5) copy.firstResponseAt = T0 + Math.floor(random() * 3) * 1000;
  if (random() < 0.5) copy.notes = [{ id: `n${Math.floor(random() * 3)}`, text: 'called back', createdAt: T0 + 5 }];
  if (random() < 0.3)
    copy.post =
      random() < 0.5 ? { ...copy.post, text: `${copy.post.text} more`, truncated: true } : { ...copy.post, text: `${copy.post.text} more` };
  // Some copies come from before clocks existed (an old export): their timeline dates the fields.
  if (random() < 0.3) {
    delete copy.clocks;
    delete copy.statusEpoch;
  }
  return CaseSchema.parse(copy);
}

const same = (a: Case, b: Case) => expect(canonicalJson(a)).toBe(canonicalJson(b));

describe('mergeCases', () => {
  it('is commutative, associative and idempotent over many random copies and orders', () => {
    const random = seededRandom(18);
    for (let round = 0; round < 400; round += 1) {
      const [a, b, c] = [randomCopy(random, 1), randomCopy(random, 2), randomCopy(random, 3)];
      const ab = mergeCases(a, b);
      same(ab, mergeCases(b, a));
      same(mergeCases(ab, c), mergeCases(a, mergeCases(b, c)));
      same(mergeCases(ab, ab), ab);
      same(mergeCases(ab, a), ab);
      expect(CaseSchema.safeParse(ab).success).toBe(true);
    }
  });

  it('gives the same case for every arrival order of five copies', () => {
    const random = seededRandom(5);
    for (let round = 0; round < 50; round += 1) {
      const copies = Array.from({ length: 5 }, (_, i) => randomCopy(random, i));
      const reference = copies.reduce((acc, item) => mergeCases(acc, item));
      for (let shuffle = 0; shuffle < 10; shuffle += 1) {
        const order = [...copies].sort(() => random() - 0.5);
        same(
          order.reduce((acc, item) => mergeCases(acc, item)),
          reference,
        );
      }
    }
  });

  it('keeps the Responded and Handed-off history when a later, fresh copy of the post arrives (the import bug)', () => {
    const handledOff: Case = {
      ...makeCase(1, { status: 'handed_off', firstResponseAt: T0 + 60_000, updatedAt: T0 + 120_000 }),
      ref: 'CS-4J1T',
      events: [
        { at: T0, type: 'logged' },
        { at: T0 + 60_000, type: 'status_changed', detail: 'New → Responded' },
        { at: T0 + 120_000, type: 'handed_off', channel: 'x_dm', detail: 'via X DM' },
        { at: T0 + 120_000, type: 'status_changed', detail: 'Responded → Handed off' },
      ],
    };
    const freshCopy: Case = {
      ...makeCase(1, { updatedAt: T0 + 600_000, createdAt: T0 + 600_000 }),
      id: '00000000-0000-4000-8000-000000000099',
      ref: 'CS-Q4QW',
      events: [{ at: T0 + 600_000, type: 'logged' }],
    };
    for (const merged of [mergeCases(handledOff, freshCopy), mergeCases(freshCopy, handledOff)]) {
      expect(merged.status).toBe('handed_off');
      expect(merged.firstResponseAt).toBe(T0 + 60_000);
      expect(merged.ref).toBe('CS-4J1T');
      expect(merged.aliasRefs).toEqual(['CS-Q4QW']);
      expect(merged.events?.map((event) => event.type)).toEqual(['logged', 'status_changed', 'handed_off', 'status_changed', 'logged']);
    }
  });

  it('lets a resolve beat a concurrent open move, and a later reopen beat the resolve', () => {
    const base = makeCase(1, { status: 'responded', firstResponseAt: T0 });
    const resolved: Case = {
      ...base,
      status: 'resolved',
      resolvedAt: T0 + 5,
      clocks: { status: formatStamp({ wall: T0 + 5, counter: 0, agent: 'priya' }) },
    };
    const waiting: Case = {
      ...base,
      status: 'waiting_on_customer',
      clocks: { status: formatStamp({ wall: T0 + 9, counter: 0, agent: 'sam' }) },
    };
    expect(mergeCases(resolved, waiting)).toMatchObject({ status: 'resolved', resolvedAt: T0 + 5 });
    const reopened: Case = {
      ...base,
      status: 'responded',
      statusEpoch: 1,
      clocks: { status: formatStamp({ wall: T0 + 7, counter: 0, agent: 'lee' }) },
    };
    const merged = mergeCases(mergeCases(resolved, waiting), reopened);
    expect(merged.status).toBe('responded');
    expect(merged.resolvedAt).toBeUndefined();
  });

  it('takes assignee, priority, follow-up and tags from the last writer, ties broken by agent id', () => {
    const base = makeCase(1);
    const at = (wall: number, agent: string) => formatStamp({ wall, counter: 0, agent });
    const a: Case = {
      ...base,
      assignee: 'Priya',
      tags: ['vip'],
      priority: 'P1',
      clocks: { assignee: at(T0 + 2, 'priya'), tags: at(T0 + 1, 'priya'), priority: at(T0 + 5, 'priya') },
    };
    const b: Case = {
      ...base,
      assignee: 'Sam',
      clocks: { assignee: at(T0 + 2, 'sam'), tags: at(T0 + 3, 'sam'), priority: at(T0 + 4, 'sam') },
    };
    const merged = mergeCases(a, b);
    expect(merged.assignee).toBe('Sam'); // same time: "sam" > "priya"
    expect(merged.tags).toBeUndefined(); // Sam removed the tag later
    expect(merged.priority).toBe('P1');
  });

  it('describes a status conflict it settled, with a stable id so two installs record it once', () => {
    const a: Case = {
      ...makeCase(1),
      status: 'resolved',
      resolvedAt: T0 + 1,
      clocks: { status: formatStamp({ wall: T0 + 1, counter: 0, agent: 'priya' }) },
    };
    const b: Case = { ...makeCase(1), status: 'responded', clocks: { status: formatStamp({ wall: T0 + 2, counter: 0, agent: 'sam' }) } };
    const merged = mergeCases(a, b);
    const event = statusConflictEvent(a, b, merged);
    expect(event).toMatchObject({ at: T0 + 2, detail: 'Status: kept Resolved (priya) over Responded (sam)' });
    expect(statusConflictEvent(b, a, merged)).toEqual(event);
    expect(statusConflictEvent(a, a, a)).toBeNull();
    // A fresh copy nobody set a status on is no conflict.
    expect(statusConflictEvent(a, makeCase(1), mergeCases(a, makeCase(1)))).toBeNull();
  });

  it('refuses to merge two different posts', () => {
    expect(() => mergeCases(makeCase(1), makeCase(2))).toThrow(/different posts/);
  });
});
