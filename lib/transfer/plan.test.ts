import { describe, expect, it } from 'vitest';
import type { PostKey } from '../domain/post';
import { testUuid } from '../workflow/testing';
import { parseCasesImport, type ParsedImport } from './import';
import { serializeCasesExport } from './json-export';
import { mergeIntoStored, planImport, summarizeImport } from './plan';
import { CASE_LIMITS } from '../domain/limits';
import type { Case } from '../domain/case';
import { makeCase, T0 } from './testing';

const MIN = 60_000;

function rows(cases: Case[], extra: Partial<ParsedImport> = {}): ParsedImport {
  return { total: cases.length, valid: cases.map((c, index) => ({ index, case: c })), rejected: [], warnings: [], ...extra };
}
function storeOf(cases: Case[]): Map<PostKey, Case> {
  return new Map(cases.map((c) => [c.postKey, c]));
}

describe('mergeIntoStored', () => {
  const stored: Case = {
    ...makeCase(1, { ref: 'CS-AAAA', status: 'responded', firstResponseAt: T0 + MIN, updatedAt: T0 + 5 * MIN }),
    brandIds: ['acme'],
    tags: ['refund'],
    notes: [{ id: 'n1', text: 'called', createdAt: T0 + 2 * MIN }],
  };

  it('takes the higher status, keeps the stored id, the earliest-logged ref (the other an alias), unions notes, tags and brands', () => {
    const incoming: Case = {
      ...makeCase(1, {
        id: testUuid(99),
        ref: 'CS-ZZZZ',
        status: 'closed',
        outcome: 'resolved',
        closedAt: T0 + 9 * MIN,
        firstResponseAt: T0 + MIN,
        createdAt: T0 - MIN,
        updatedAt: T0 + 9 * MIN,
      }),
      brandIds: ['acme', 'acme-eu'],
      tags: ['refund', 'vip'],
      notes: [
        { id: 'n0', text: 'first', createdAt: T0 },
        { id: 'n1', text: 'called', createdAt: T0 + 2 * MIN },
      ],
    };
    expect(mergeIntoStored(stored, incoming)).toMatchObject({
      id: stored.id,
      ref: 'CS-ZZZZ',
      aliasRefs: ['CS-AAAA'],
      status: 'closed',
      outcome: 'resolved',
      createdAt: T0 - MIN,
      updatedAt: T0 + 9 * MIN,
      brandIds: ['acme', 'acme-eu'],
      tags: ['refund', 'vip'],
      notes: [
        { id: 'n0', text: 'first', createdAt: T0 },
        { id: 'n1', text: 'called', createdAt: T0 + 2 * MIN },
      ],
    });
    // When another stored case already uses the winning ref, the stored ref stays and the other becomes the alias.
    expect(mergeIntoStored(stored, incoming, (ref) => ref === 'CS-ZZZZ')).toMatchObject({ ref: 'CS-AAAA', aliasRefs: ['CS-ZZZZ'] });
  });

  it('keeps the stored workflow state when the incoming copy is older, but still adds its notes', () => {
    const older: Case = {
      ...makeCase(1, { status: 'new', updatedAt: T0 }),
      notes: [{ id: 'n9', text: 'from the other laptop', createdAt: T0 }],
    };
    const merged = mergeIntoStored(stored, older);
    expect(merged).toMatchObject({ status: 'responded', firstResponseAt: T0 + MIN, updatedAt: T0 + 5 * MIN });
    expect(merged.notes?.map((note) => note.id)).toEqual(['n9', 'n1']);
  });

  it('keeps the timeline, triage snapshot and reminder marks when the newer copy has none (a CSV row without its data column)', () => {
    const withHistory: Case = {
      ...stored,
      events: [{ at: T0, type: 'logged' }],
      triage: { complaint: true, confidence: 0.8, explanation: 'P2: complaint', cues: [] },
      notified: { nearing: T0 },
    };
    const bare: Case = { ...makeCase(1, { ref: 'CS-AAAA', status: 'resolved', resolvedAt: T0 + 9 * MIN, updatedAt: T0 + 9 * MIN }) };
    const merged = mergeIntoStored(withHistory, bare);
    expect(merged.status).toBe('resolved');
    expect(merged).toMatchObject({ events: withHistory.events, triage: withHistory.triage, notified: withHistory.notified });
  });
});

describe('planImport', () => {
  it('adds new cases, merges duplicates of stored ones, and skips identical ones', () => {
    const storedA = makeCase(1, { ref: 'CS-AAAA', updatedAt: T0 });
    const storedB = makeCase(2, { ref: 'CS-BBBB', updatedAt: T0 });
    const newerA = makeCase(1, { ref: 'CS-AAAA', status: 'responded', firstResponseAt: T0 + MIN, updatedAt: T0 + MIN });
    const fresh = makeCase(3, { ref: 'CS-CCCC' });
    const plan = planImport(storeOf([storedA, storedB]), rows([newerA, storedB, fresh]));

    expect(plan.add).toEqual([fresh]);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]).toMatchObject({ ...storedA, status: 'responded', firstResponseAt: T0 + MIN, updatedAt: T0 + MIN });
    expect(plan.report).toEqual({
      accepted: [{ index: 2, ref: 'CS-CCCC' }],
      merged: [{ index: 0, ref: 'CS-AAAA', into: 'CS-AAAA' }],
      unchanged: [{ index: 1, ref: 'CS-BBBB' }],
      rejected: [],
      warnings: [],
    });
  });

  it('importing the same export twice changes nothing the second time', () => {
    const cases: Case[] = [makeCase(1), { ...makeCase(2), tags: ['x'] }, makeCase(3)];
    const parsed = parseCasesImport(serializeCasesExport(cases, T0));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const first = planImport(new Map(), parsed.rows);
    const second = planImport(storeOf(first.add), parsed.rows);
    expect(second.add).toEqual([]);
    expect(second.update).toEqual([]);
    expect(second.report.unchanged).toHaveLength(3);
  });

  it('merges duplicates inside one file into one new case', () => {
    const early = { ...makeCase(1, { ref: 'CS-AAAA', updatedAt: T0 }), tags: ['a'] };
    const late = { ...makeCase(1, { ref: 'CS-ZZZZ', id: testUuid(50), status: 'handed_off', updatedAt: T0 + MIN }), tags: ['b'] };
    const plan = planImport(new Map(), rows([early, late]));
    expect(plan.add).toHaveLength(1);
    expect(plan.add[0]).toMatchObject({ ...late, id: early.id, ref: 'CS-AAAA', aliasRefs: ['CS-ZZZZ'], tags: ['a', 'b'] });
    expect(plan.report.accepted).toEqual([{ index: 0, ref: 'CS-AAAA' }]);
    expect(plan.report.merged).toEqual([{ index: 1, ref: 'CS-ZZZZ', into: 'CS-AAAA' }]);
  });

  it('gives a case from another install a fresh ref or id when its own is taken here', () => {
    const storedOther = makeCase(1, { ref: 'CS-AAAA' });
    const clash = makeCase(2, { ref: 'CS-AAAA', id: storedOther.id });
    const refClashWithStore = makeCase(3, { ref: 'CS-7777' });
    const plan = planImport(storeOf([storedOther]), rows([clash, refClashWithStore]), {
      takenRefs: new Set(['CS-7777']),
      newId: () => testUuid(500),
      newRef: (isTaken) => ['CS-AAAA', 'CS-7777', 'CS-NEW1', 'CS-NEW2'].find((ref) => !isTaken(ref)) ?? 'CS-FAIL',
    });
    expect(plan.add).toEqual([
      { ...clash, id: testUuid(500), ref: 'CS-NEW1' },
      { ...refClashWithStore, ref: 'CS-NEW2' },
    ]);
    expect(plan.report.warnings).toEqual([
      { index: 0, ref: 'CS-AAAA', message: 'CS-AAAA is already used by another case; imported as CS-NEW1' },
      { index: 1, ref: 'CS-7777', message: 'CS-7777 is already used by another case; imported as CS-NEW2' },
    ]);
  });

  it('by default mints valid, unused refs itself', () => {
    const taken = new Set(['CS-AAAA']);
    const plan = planImport(new Map(), rows([makeCase(1, { ref: 'CS-AAAA' })]), { takenRefs: taken });
    expect(plan.add[0]?.ref).toMatch(/^CS-[0-9A-HJKMNP-TV-Z]{4,8}$/);
    expect(plan.add[0]?.ref).not.toBe('CS-AAAA');
  });

  it('rejects a row whose merge would break a limit, and still plans the others', () => {
    const stored = { ...makeCase(1, { ref: 'CS-AAAA' }), tags: Array.from({ length: CASE_LIMITS.tags }, (_, i) => `s${i}`) };
    const incoming = { ...makeCase(1, { ref: 'CS-AAAA', updatedAt: T0 + MIN }), tags: ['one-too-many'] };
    const plan = planImport(storeOf([stored]), rows([incoming, makeCase(2)]));
    expect(plan.update).toEqual([]);
    expect(plan.add).toEqual([makeCase(2)]);
    expect(plan.report.rejected).toEqual([
      { index: 0, ref: 'CS-AAAA', reason: 'merging it into CS-AAAA would make tags: has too many entries (at most 50)' },
    ]);
  });

  it('carries the rejections and warnings found while parsing into the report, in row order', () => {
    const plan = planImport(
      new Map(),
      rows([makeCase(1)], {
        total: 3,
        rejected: [
          { index: 2, reason: 'is null, not a case' },
          { index: 1, reason: 'status: bad' },
        ],
        warnings: [{ index: 0, message: 'post text was cut' }],
      }),
    );
    expect(plan.report.rejected.map((row) => row.index)).toEqual([1, 2]);
    expect(plan.report.warnings).toEqual([{ index: 0, message: 'post text was cut' }]);
  });
});

describe('summarizeImport', () => {
  it('says what happened in one sentence', () => {
    expect(
      summarizeImport({
        accepted: [{ index: 0, ref: 'CS-AAAA' }],
        merged: [{ index: 1, ref: 'CS-BBBB', into: 'CS-BBBB' }],
        unchanged: [{ index: 2, ref: 'CS-CCCC' }],
        rejected: [
          { index: 3, ref: 'CS-DDDD', reason: 'post.url: must be an https URL' },
          { index: 4, reason: 'is null, not a case' },
          { index: 5, reason: 'a' },
          { index: 6, reason: 'b' },
        ],
        warnings: [],
      }),
    ).toBe(
      'Imported 1 new case, merged 1 into existing cases, 1 already up to date. Rejected 4: row 4 (CS-DDDD): post.url: must be an https URL; row 5: is null, not a case; row 6: a; and 1 more.',
    );
    expect(summarizeImport({ accepted: [], merged: [], unchanged: [], rejected: [], warnings: [] })).toBe('Imported 0 new cases.');
  });
});
