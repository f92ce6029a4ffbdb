import { describe, expect, it } from 'vitest';
import type { Case } from '../domain/case';
import type { PostKey } from '../domain/post';
import { testUuid } from '../workflow/testing';
import { casesToCsv, CASE_CSV_COLUMNS, toCsv } from './csv';
import { readCsv } from './csv-read';
import { parseCasesImport, type ParseImportOptions, type ParseImportResult } from './import';
import { planImport, summarizeImport } from './plan';
import { hostileCases, makeCase, T0 } from './testing';
import { formatLocalTime, parseLocalTime } from './times';

const BRANDS = [
  { id: 'acme', name: 'Acme Air' },
  { id: 'beta', name: 'Beta Bank' },
];
const BRAND_NAMES = new Map(BRANDS.map((brand) => [brand.id, brand.name]));
const ZONE = 'Europe/Berlin';
const OPTIONS: ParseImportOptions = { brands: BRANDS, timeZone: ZONE };

function rowsOf(result: ParseImportResult) {
  if (!result.ok) throw new Error(result.error.message);
  return result.rows;
}
function fileErrorOf(result: ParseImportResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

/** Cases with every field the CSV shows: category, assignee, tags, notes, brands, times. */
function richCases(): Case[] {
  return hostileCases().map((c, i) => ({
    ...c,
    category: 'delivery_delay' as const,
    priority: (['P1', 'P2', 'P3', 'P4'] as const)[i % 4],
    brandIds: i % 2 === 0 ? ['acme'] : ['acme', 'beta'],
    ...(i % 3 === 1 ? { assignee: 'Sam Lee' } : {}),
    post: { ...c.post, postedAt: '2025-03-08T09:30:00Z', reach: { likes: i, views: 1000 + i } },
    triage: { complaint: true, confidence: 0.9, explanation: `P${(i % 4) + 1}: complaint`, cues: ['never arrived'] },
    events: [{ at: T0 + i, type: 'note_added' as const, detail: 'Called' }],
  }));
}

/** The CSV as a table of header -> cell, one object per row, for editing a cell like a spreadsheet user. */
function editCsv(csv: string, edit: (row: Record<string, string>, index: number) => void): string {
  const read = readCsv(csv);
  if (!read.ok) throw new Error(read.reason);
  const [header, ...records] = read.records.map((record) => record.fields.map((cell) => cell.replace(/^'(?=[=+\-@\t\r'])/, '')));
  const table = records.map((fields) => Object.fromEntries((header ?? []).map((name, i) => [name, fields[i] ?? ''])));
  table.forEach(edit);
  return toCsv([header ?? [], ...table.map((row) => (header ?? []).map((name) => row[name] ?? ''))]);
}

describe('CSV round trip', () => {
  it('export then import into an empty store gives the same cases (hostile text, every field)', () => {
    const cases = richCases();
    const csv = casesToCsv(cases, { brandNames: BRAND_NAMES, timeZone: ZONE });
    const rows = rowsOf(parseCasesImport(csv, OPTIONS));
    expect(rows).toMatchObject({ total: cases.length, rejected: [], warnings: [] });
    const plan = planImport(new Map(), rows);
    expect(plan.add).toEqual(cases);
    expect(plan.report.accepted.map((row) => row.ref)).toEqual(cases.map((c) => c.ref));
  });

  it('importing the export into the store it came from changes nothing', () => {
    const cases = richCases().slice(0, 4);
    const rows = rowsOf(parseCasesImport(casesToCsv(cases, { brandNames: BRAND_NAMES, timeZone: ZONE }), OPTIONS));
    const plan = planImport(new Map<PostKey, Case>(cases.map((c) => [c.postKey, c])), rows);
    expect(plan.add).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(plan.report.unchanged).toHaveLength(4);
  });

  it('names an agent assignee in the Assignee column and brings the agent id back, unless the cell was edited', () => {
    const assigned = (n: number, assignee: string): Case => ({ ...makeCase(n), assignee });
    const cases = [assigned(1, 'agent-7k2m9x4q1z'), assigned(2, 'agent-7k2m9x4q1z'), assigned(3, 'Sam Lee')];
    const assigneeNames = new Map([['agent-7k2m9x4q1z', 'Priya Shah']]);
    const csv = casesToCsv(cases, { brandNames: BRAND_NAMES, timeZone: ZONE, assigneeNames });
    const shown: string[] = [];
    const edited = editCsv(csv, (row, index) => {
      shown.push(row.Assignee ?? '');
      if (index === 1) row.Assignee = 'Sam Lee';
    });
    expect(shown).toEqual(['Priya Shah', 'Priya Shah', 'Sam Lee']);
    const imported = rowsOf(parseCasesImport(edited, OPTIONS)).valid.map((row) => row.case.assignee);
    expect(imported).toEqual(['agent-7k2m9x4q1z', 'Sam Lee', 'Sam Lee']);
  });

  it('is chosen by the file text (JSON, or a header starting with Ref), else by the format hint', () => {
    const csv = casesToCsv([makeCase(1)], { brandNames: BRAND_NAMES });
    expect(rowsOf(parseCasesImport(csv)).valid).toHaveLength(1);
    expect(rowsOf(parseCasesImport(csv.slice(1), { format: 'json' })).valid).toHaveLength(1);
    expect(fileErrorOf(parseCasesImport('{"format": "careside-cases"', { format: 'csv' })).code).toBe('not_json');
    expect(fileErrorOf(parseCasesImport('Case,Status\r\nCS-AAAA,New\r\n', { format: 'csv' })).message).toMatch(/The CSV has no "Ref"/);
    expect(fileErrorOf(parseCasesImport('Case,Status\r\nCS-AAAA,New\r\n')).code).toBe('not_json');
  });

  it('takes edits made in a spreadsheet: labels, local times, names, tags, notes', () => {
    const original = makeCase(1, { createdAt: T0, updatedAt: T0 });
    const csv = editCsv(casesToCsv([original], { brandNames: BRAND_NAMES, timeZone: ZONE }), (row) => {
      row.Status = 'handed off';
      row.Priority = 'p1';
      row.Category = 'billing_refund';
      row.Assignee = ' Kim ';
      row.Tags = 'vip;  late ;';
      row.Brand = 'beta bank; Acme Air';
      row['Updated at'] = '2025-03-10 09:15';
      row['Updated at (UTC)'] = '';
      row['Follow up at'] = '2025-03-11 08:00:30';
      row.Notes = '[2025-03-09T12:30:00.000Z] Called back\nsecond line\n[2025-03-09T13:00:00.000Z] Refund sent';
    });
    const [row] = rowsOf(parseCasesImport(csv, OPTIONS)).valid;
    expect(row?.case).toEqual({
      ...original,
      status: 'handed_off',
      priority: 'P1',
      category: 'billing_refund',
      assignee: 'Kim',
      tags: ['vip', 'late'],
      brandIds: ['beta', 'acme'],
      updatedAt: Date.UTC(2025, 2, 10, 8, 15),
      followUpAt: Date.UTC(2025, 2, 11, 7, 0, 30),
      notes: [
        { id: `csv-${Date.UTC(2025, 2, 9, 12, 30)}-0`, text: 'Called back\nsecond line', createdAt: Date.UTC(2025, 2, 9, 12, 30) },
        { id: `csv-${Date.UTC(2025, 2, 9, 13)}-1`, text: 'Refund sent', createdAt: Date.UTC(2025, 2, 9, 13) },
      ],
    });
  });

  it('reads a minimal hand-made CSV (no UTC, data or id columns), giving the case a new id', () => {
    const csv = [
      'Ref,Status,Platform,Post URL,Post text,Post key,Logged at,Brand',
      'CS-AB12,New,Twitter,https://x.com/dana/status/77,late again,x:77,2026-12-06 14:05,Acme Air',
      '',
    ].join('\n');
    const rows = rowsOf(parseCasesImport(csv, { ...OPTIONS, newId: () => testUuid(9) }));
    expect(rows.rejected).toEqual([]);
    expect(rows.valid[0]?.case).toEqual({
      id: testUuid(9),
      ref: 'CS-AB12',
      postKey: 'x:77',
      platform: 'x',
      post: {
        kind: 'post',
        postId: '77',
        platform: 'x',
        url: 'https://x.com/dana/status/77',
        authorName: '',
        text: 'late again',
        reach: {},
      },
      brandIds: ['acme'],
      status: 'new',
      createdAt: Date.UTC(2026, 11, 6, 13, 5),
      updatedAt: Date.UTC(2026, 11, 6, 13, 5),
    });
  });
});

describe('CSV rows that cannot be read', () => {
  it('reports each bad row with its line and reason, and keeps every other row', () => {
    const cases = [
      makeCase(1),
      { ...makeCase(2), post: { ...makeCase(2).post, text: 'two\nline text' } },
      makeCase(3),
      makeCase(4),
      makeCase(5),
    ];
    const csv = casesToCsv(cases, { brandNames: BRAND_NAMES, timeZone: ZONE });
    // Break row 3 (case 3, line 5: the header is line 1 and case 2's text spans lines 3-4) with a stray quote.
    const records = csv.split('\r\n'); // The LF inside case 2's text does not split it.
    expect(records[3]?.startsWith(`"${cases[2]!.ref}"`)).toBe(true);
    records[3] = records[3]!.replace(`"${cases[2]!.ref}"`, `"${cases[2]!.ref}"x`);
    const broken = records.join('\r\n');
    const rows = rowsOf(parseCasesImport(broken, OPTIONS));
    expect(rows.total).toBe(5);
    expect(rows.valid.map((row) => row.case.ref)).toEqual([cases[0]!.ref, cases[1]!.ref, cases[3]!.ref, cases[4]!.ref]);
    expect(rows.rejected).toEqual([
      {
        index: 2,
        line: 5,
        reason: 'the CSV is broken here: unexpected "x" after a closing quote (a quote inside a field must be doubled)',
      },
    ]);
    const plan = planImport(new Map(), rows);
    expect(plan.add).toHaveLength(4);
    expect(summarizeImport(plan.report)).toMatch(/Rejected 1: line 5: the CSV is broken here/);
  });

  it('names the line and the column for cells it cannot read or that fail the case checks', () => {
    const cases = [1, 2, 3, 4, 5, 6, 7].map((n) => makeCase(n));
    const csv = editCsv(casesToCsv(cases, { brandNames: BRAND_NAMES, timeZone: ZONE }), (row, i) => {
      if (i === 0) row.Status = 'Archived';
      if (i === 1) row.Platform = 'MySpace';
      if (i === 2) {
        row['Logged at (UTC)'] = '';
        row['Logged at'] = '12/6/2026 2:05 PM';
      }
      if (i === 3) row['Post URL'] = 'javascript:alert(1)';
      if (i === 4) row['CareSide data'] = '{"post":';
      if (i === 5) row.Brand = 'Acme Air; Nobody Inc';
    });
    const rows = rowsOf(parseCasesImport(csv, OPTIONS));
    expect(rows.valid.map((row) => row.index)).toEqual([5, 6]);
    expect(rows.rejected).toEqual([
      { index: 0, line: 2, ref: cases[0]!.ref, reason: 'Status: "Archived" is not a CareSide status' },
      { index: 1, line: 3, ref: cases[1]!.ref, reason: 'Platform: "MySpace" is not X, Facebook, Yelp' },
      { index: 2, line: 4, ref: cases[2]!.ref, reason: 'Logged at: "12/6/2026 2:05 PM" is not a date and time such as 2026-12-06 14:05' },
      { index: 3, line: 5, ref: cases[3]!.ref, reason: 'post.url: must be an https URL' },
      {
        index: 4,
        line: 6,
        ref: cases[4]!.ref,
        reason: 'CareSide data: not valid JSON (leave the column as CareSide wrote it, or empty it)',
      },
    ]);
    expect(rows.warnings).toEqual([
      {
        index: 5,
        line: 7,
        ref: cases[5]!.ref,
        message: 'brand "Nobody Inc" is not one of the brands in Settings; the case was imported without it',
      },
    ]);
    expect(rows.valid[0]?.case.brandIds).toEqual(['acme']);
  });

  it('rejects a row with the wrong number of cells', () => {
    const csv = `${casesToCsv([makeCase(1)], { bom: false })}"CS-ZZZZ","New"\r\n`;
    const rows = rowsOf(parseCasesImport(csv, OPTIONS));
    expect(rows.valid).toHaveLength(1);
    expect(rows.rejected).toEqual([{ index: 1, line: 3, reason: `has 2 cells but the header has ${CASE_CSV_COLUMNS.length}` }]);
  });

  it.each([
    ['"Ref","Status"\r\n"CS-AAAA', /line 2: a quoted field is never closed/],
    ['Ref,Status\r\nCS-AAAA,New\r\n', /no "Platform", "Post URL", "Post text", "Post key", "Logged at" columns/],
  ])('refuses a file it cannot read as a whole, importing nothing: %j', (text, message) => {
    const error = fileErrorOf(parseCasesImport(text, OPTIONS));
    expect(error.code).toBe('not_csv');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Nothing was imported\.$/);
  });
});

describe('CSV saved by a spreadsheet', () => {
  it('reads a file re-saved with ";" between cells, unquoted where possible, without a BOM', () => {
    const cases = richCases().slice(0, 3);
    const csv = casesToCsv(cases, { brandNames: BRAND_NAMES, timeZone: ZONE, bom: false });
    const read = readCsv(csv);
    if (!read.ok) throw new Error(read.reason);
    const cell = (value: string) => (/[;"\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value);
    const resaved = read.records.map((record) => record.fields.map(cell).join(';')).join('\r\n');
    const rows = rowsOf(parseCasesImport(resaved, OPTIONS));
    expect(rows.rejected).toEqual([]);
    expect(planImport(new Map(), rows).add).toEqual(cases);
  });
});

describe('readCsv', () => {
  it('reads quoted fields over several lines, LF or CRLF ends, and knows where each record starts', () => {
    const read = readCsv('a,"b\r\nc",d\n"x ""y""",,\r\n\r\nlast,row');
    expect(read).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b\r\nc', 'd'] },
        { line: 3, fields: ['x "y"', '', ''] },
        { line: 5, fields: ['last', 'row'] },
      ],
    });
  });
});

describe('readCsv recovery', () => {
  it('marks a record with text after a closing quote broken and resumes at the next line, losing no later row', () => {
    // Unquoted cells after the stray text: a plain CSV parser would read on to the next quote.
    const read = readCsv('h,i\n"a"x,b\nc,"d"\n"e",f');
    expect(read).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['h', 'i'] },
        expect.objectContaining({ line: 2, error: 'unexpected "x" after a closing quote (a quote inside a field must be doubled)' }),
        { line: 3, fields: ['c', 'd'] },
        { line: 4, fields: ['e', 'f'] },
      ],
    });
  });

  it('reads CR-only line ends and ";" cells, and refuses a quote never closed, naming the line it opened on', () => {
    expect(readCsv('a;b\r"c\rd";e\r', ';')).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c\rd', 'e'] },
      ],
    });
    expect(readCsv('a,b\nc,d\ne,"f\ng\nh')).toEqual({ ok: false, line: 3, reason: 'a quoted field is never closed (a " is missing)' });
  });
});

describe('local times', () => {
  it.each([
    ['Europe/Berlin', Date.UTC(2026, 11, 6, 13, 5), '2026-12-06 14:05'],
    ['America/New_York', Date.UTC(2026, 6, 1, 3, 59), '2026-06-30 23:59'],
    ['Asia/Kolkata', Date.UTC(2026, 0, 1, 0, 0), '2026-01-01 05:30'],
    ['UTC', Date.UTC(2026, 1, 28, 23, 0), '2026-02-28 23:00'],
  ])('%s: %d <-> %s', (zone, ms, text) => {
    expect(formatLocalTime(ms, zone)).toBe(text);
    expect(parseLocalTime(text, zone)).toBe(ms);
  });

  it('refuses dates that do not exist and other layouts', () => {
    expect(parseLocalTime('2026-02-30 10:00', 'UTC')).toBeNull();
    expect(parseLocalTime('06/12/2026 10:00', 'UTC')).toBeNull();
    expect(parseLocalTime('2026-12-06 24:00', 'UTC')).toBeNull();
  });
});
