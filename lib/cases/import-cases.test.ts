import { describe, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import type { Case } from '../domain/case';
import { casesToCsv } from '../transfer/csv';
import { serializeCasesExport } from '../transfer/json-export';
import { makeCase, T0 } from '../workflow/testing';
import { CaseStoreError } from './errors';
import { CaseRepository } from './repository';
import { makePost } from './testing';

async function freshRepository(name: string, options?: ConstructorParameters<typeof CaseRepository>[1]) {
  const db = await openCaseDb(name, indexedDB);
  return { db, repository: new CaseRepository(db, options) };
}

/** A case as stored, minus the timeline entry an import adds. */
function withoutImportEntry(item: Case): Case {
  const events = (item.events ?? []).filter((event) => event.type !== 'imported');
  const { events: _events, ...rest } = item;
  return events.length > 0 ? { ...rest, events } : rest;
}

const sample = (): Case[] => [
  {
    ...makeCase(1, { status: 'responded', firstResponseAt: T0 + 60_000, priority: 'P1' }),
    tags: ['vip'],
    notes: [{ id: 'n1', text: 'called', createdAt: T0 }],
  },
  makeCase(2, { status: 'closed', outcome: 'spam', closedAt: T0 + 5_000, updatedAt: T0 + 5_000 }),
  makeCase(3, { followUpAt: T0 + 3_600_000, post: { ...makeCase(3).post, text: '=HYPERLINK("http://evil")  "quoted", line\nbreak 👩🏽‍💻' } }),
];

describe('importCases', () => {
  it('imports a CSV export the same way: brands by name, the same merge, a bad row reported by its line', async () => {
    const source = await freshRepository('csv-source');
    await source.repository.importCases(serializeCasesExport(sample(), T0), T0);
    const exported = (await source.repository.query({}, 0, 100)).cases;
    const brands = [{ id: 'acme', name: 'Acme Air' }];
    const csv = casesToCsv(exported, { brandNames: new Map(brands.map((brand) => [brand.id, brand.name])), timeZone: 'Asia/Tokyo' });
    expect(csv).toContain('"Acme Air"');

    const target = await freshRepository('csv-target');
    const result = await target.repository.importCases(csv, T0 + 2, { brands, timeZone: 'Asia/Tokyo' });
    expect(result.report).toMatchObject({ rejected: [], merged: [], unchanged: [], warnings: [] });
    expect(result.summary).toBe('Imported 3 new cases.');
    const imported = (await target.repository.query({}, 0, 100)).cases;
    expect(imported.map(withoutImportEntry)).toEqual(exported.map(withoutImportEntry));

    // A second CSV with a row already stored and a broken row: the broken one is reported by its line, the other goes through.
    const [header, ...records] = csv.split('\r\n');
    const ref = sample()[0]!.ref; // One line: its text has no line break.
    const stored = records.find((record) => record.startsWith(`"${ref}"`));
    expect(stored?.includes('\n')).toBe(false);
    const partial = await target.repository.importCases(`${header}\r\n${stored}\r\n"CS-ZZZZ","New",oops\r\n`, T0 + 3, { brands });
    expect(partial.report.rejected).toEqual([
      { index: 1, line: 3, reason: `has 3 cells but the header has ${header!.split('","').length}` },
    ]);
    expect(partial.report.unchanged).toEqual([{ index: 0, ref }]);
    expect(partial.summary).toBe('Imported 0 new cases, 1 already up to date. Rejected 1: line 3: has 3 cells but the header has 31.');
  });

  it('round-trips an export: every case back as it was, counted and findable', async () => {
    const source = await freshRepository('export-source');
    await source.repository.importCases(serializeCasesExport(sample(), T0), T0);
    const exported = (await source.repository.query({}, 0, 100)).cases;
    const file = serializeCasesExport(exported, T0 + 1);

    const target = await freshRepository('export-target');
    const result = await target.repository.importCases(file, T0 + 2);
    expect(result.report).toMatchObject({ rejected: [], merged: [], unchanged: [] });
    expect(result.report.accepted).toHaveLength(3);
    expect(result.summary).toBe('Imported 3 new cases.');
    const imported = (await target.repository.query({}, 0, 100)).cases;
    expect(imported.map(withoutImportEntry)).toEqual(exported.map(withoutImportEntry));
    expect((await target.repository.summary()).openTotal).toBe(2);
    // The CSV of the same cases has a header and one line per case (multi-line text quoted).
    expect(
      casesToCsv(imported)
        .split('\r\n')
        .filter((line) => line.startsWith('"CS-') || line.startsWith('\uFEFF"Ref"')),
    ).toHaveLength(4);

    // Importing the same file again changes nothing.
    const again = await target.repository.importCases(file, T0 + 3);
    expect(again.report.unchanged).toHaveLength(3);
    expect(again.postKeys).toEqual([]);
    expect((await target.repository.query({}, 0, 100)).cases).toEqual(imported);
  });

  it.each([
    ['empty', '', /empty/],
    ['not JSON', '{"format": "careside-cases", "version": 1, "cases": [', /not valid JSON \(.*line 1/],
    ['a settings file', '{"version": 1, "brands": []}', /settings file/],
    ['a newer version', '{"format": "careside-cases", "version": 9, "cases": []}', /newer CareSide/],
    ['no cases list', '{"format": "careside-cases", "version": 1}', /no "cases" list/],
  ])('refuses %s with a clear error and stores nothing', async (_name, text, message) => {
    const { db, repository } = await freshRepository('broken-files');
    await repository.importCases(serializeCasesExport(sample().slice(0, 1), T0), T0);
    const before = await db.getAll('cases');
    const failure = await repository.importCases(text, T0 + 1).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CaseStoreError);
    expect((failure as CaseStoreError).code).toBe('bad_request');
    expect((failure as Error).message).toMatch(message);
    expect((failure as Error).message).toMatch(/Nothing was imported/);
    expect(await db.getAll('cases')).toEqual(before);
  });

  it('imports the valid rows, reports the rejected ones with reasons, merges duplicates by postKey', async () => {
    const { repository } = await freshRepository('mixed');
    const [one, two] = sample();
    await repository.importCases(serializeCasesExport([one!], T0), T0);
    const newer = {
      ...one!,
      id: '00000000-0000-4000-8000-0000000000ff',
      ref: 'CS-ZZZZ',
      status: 'resolved',
      resolvedAt: T0 + 9_000,
      updatedAt: T0 + 9_000,
      tags: ['refund'],
    };
    const file = JSON.stringify({
      format: 'careside-cases',
      version: 1,
      exportedAt: new Date(T0).toISOString(),
      cases: [newer, { ...two!, ref: 'not-a-ref' }, 42, two],
    });
    const result = await repository.importCases(file, T0 + 10_000);
    expect(result.report.merged).toEqual([{ index: 0, ref: 'CS-ZZZZ', into: one!.ref }]);
    expect(result.report.accepted).toEqual([{ index: 3, ref: two!.ref }]);
    expect(result.report.rejected.map((row) => [row.index, row.reason])).toEqual([
      [1, 'ref: must look like CS-7F3K (CS- and 4 to 8 letters or digits)'],
      [2, 'is a number, not a case'],
    ]);
    const merged = await repository.byPostKeys([one!.postKey]);
    expect(merged[0]).toMatchObject({ id: one!.id, ref: one!.ref, status: 'resolved', tags: ['refund', 'vip'] });
  });

  it('is all or nothing: a write that fails part-way leaves the store as it was', async () => {
    const [storedA, storedB] = [makeCase(10), makeCase(11)];
    // The id source hands out an id the store already uses (as a buggy source could): the plan
    // cannot know, so the write of that row fails after other rows were written.
    const { db, repository } = await freshRepository('all-or-nothing', { newId: () => storedB.id });
    await repository.importCases(serializeCasesExport([storedA, storedB], T0), T0);
    const snapshot = async () => ({
      cases: await db.getAll('cases'),
      facts: await db.getAll('case_facts'),
      counts: await db.getAll('case_counts'),
    });
    const before = await snapshot();
    const rows = [makeCase(12), { ...makeCase(13), id: storedA.id }, makeCase(14)];
    const failure = await repository.importCases(serializeCasesExport(rows, T0), T0 + 1).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CaseStoreError);
    expect((failure as CaseStoreError).code).toBe('conflict');
    expect(await snapshot()).toEqual(before);
    expect(before.cases).toHaveLength(2);
  });

  it('gives a clashing ref from another install a fresh one, checked against the store', async () => {
    const { repository } = await freshRepository('ref-clash');
    const local = makeCase(20, { ref: 'CS-AAAA' });
    await repository.importCases(serializeCasesExport([local], T0), T0);
    const foreign = makeCase(21, { ref: 'CS-AAAA' });
    const result = await repository.importCases(serializeCasesExport([foreign], T0), T0 + 1);
    expect(result.report.warnings[0]?.message).toMatch(/CS-AAAA is already used by another case; imported as CS-/);
    const [added] = await repository.byPostKeys([foreign.postKey]);
    expect(added?.ref).not.toBe('CS-AAAA');
    expect(added?.ref).toBe(result.report.accepted[0]?.ref);
  });

  it('gives an id another post already holds a fresh one: the first write is refused whole, the plan redone knowing it', async () => {
    const { db, repository } = await freshRepository('id-clash');
    const local = makeCase(30);
    await repository.importCases(serializeCasesExport([local], T0), T0);
    const rows = [makeCase(31), { ...makeCase(32), id: local.id }, makeCase(33)];
    const result = await repository.importCases(serializeCasesExport(rows, T0), T0 + 1);
    expect(result.report.accepted).toHaveLength(3);
    const stored = await repository.byPostKeys(rows.map((row) => row.postKey));
    expect(stored.map((item) => item?.postKey)).toEqual(rows.map((row) => row.postKey));
    expect(stored[1]?.id).not.toBe(local.id);
    expect((await repository.byPostKeys([local.postKey]))[0]).toEqual(expect.objectContaining({ id: local.id, ref: local.ref }));
    expect(await db.count('cases')).toBe(4);
  });

  it('keeps the Responded and Handed-off history when a teammate who logged the same post later shares an export (issue 18)', async () => {
    const post = makePost('1992187031265403392');
    // Agent A logs the post, answers, hands off.
    const a = await freshRepository('team-a');
    const logged = await a.repository.logPost(post, ['acme'], T0);
    await a.repository.recordEvent(logged.case.id, { type: 'reply_inserted' }, T0 + 60_000, 'responded');
    await a.repository.recordEvent(logged.case.id, { type: 'handed_off', channel: 'x_dm', detail: 'via X DM' }, T0 + 120_000, 'handed_off');
    // Agent B logs the same post ten minutes later on another install and exports.
    const b = await freshRepository('team-b');
    await b.repository.logPost(post, ['acme'], T0 + 600_000);
    const fromB = serializeCasesExport((await b.repository.query({}, 0, 10)).cases, T0 + 700_000);

    const result = await a.repository.importCases(fromB, T0 + 800_000);
    expect(result.summary).toBe('Imported 0 new cases, merged 1 into existing cases.');
    const [merged] = await a.repository.byPostKeys([post.platform + ':' + post.postId]);
    expect(merged?.status).toBe('handed_off');
    expect(merged?.ref).toBe(logged.case.ref);
    expect(merged?.events?.map((event) => event.type)).toEqual([
      'logged',
      'reply_inserted',
      'status_changed',
      'handed_off',
      'status_changed',
      'logged',
      'imported',
    ]);
    // B's ref leads to the same case: opened by ref and found by search.
    const bRef = (await b.repository.query({}, 0, 1)).cases[0]!.ref;
    expect(merged?.aliasRefs).toEqual([bRef]);
    expect((await a.repository.byRef(bRef))?.id).toBe(merged?.id);
    expect((await a.repository.query({ search: bRef.toLowerCase() }, 0, 10)).cases.map((item) => item.id)).toEqual([merged?.id]);
    expect((await a.repository.query({ search: 'cs-zzzz' }, 0, 10)).cases).toEqual([]);
    expect(await a.repository.byRef('CS-ZZZZ')).toBeUndefined();
  });
});
