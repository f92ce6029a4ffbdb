import { describe, expect, it } from 'vitest';
import { MAX_POST_TEXT } from '../domain/post';
import { buildCasesExport, casesExportFileName, serializeCasesExport } from './json-export';
import { MAX_IMPORT_BYTES, importSizeError, parseCasesImport, utf8ByteLength, type ParseImportResult } from './import';
import { planImport } from './plan';
import { CaseSchema } from '../domain/case';
import { hostileCases, makeCase, T0 } from './testing';

function fileErrorOf(result: ParseImportResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}
function rowsOf(result: ParseImportResult) {
  if (!result.ok) throw new Error(result.error.message);
  return result.rows;
}
const fileWith = (cases: unknown[]) => JSON.stringify({ format: 'careside-cases', version: 1, exportedAt: 'x', cases });

describe('JSON export', () => {
  it('wraps the cases with format, version and time', () => {
    const cases = [makeCase(1)];
    expect(buildCasesExport(cases, T0)).toEqual({
      format: 'careside-cases',
      version: 1,
      exportedAt: '2025-03-09T12:00:00.000Z',
      cases,
    });
    expect(casesExportFileName('csv', { year: 2025, month: 3, day: 9 })).toBe('careside-cases-2025-03-09.csv');
  });

  it('round-trips: export then import into an empty store gives the same cases', () => {
    const cases = hostileCases();
    for (const c of cases) expect(CaseSchema.parse(c)).toEqual(c);
    const text = serializeCasesExport(cases, T0);
    const rows = rowsOf(parseCasesImport(text));
    expect(rows).toMatchObject({ total: cases.length, rejected: [], warnings: [] });
    const plan = planImport(new Map(), rows);
    expect(plan.add).toEqual(cases);
    expect(plan.update).toEqual([]);
    expect(plan.report.accepted.map((row) => row.ref)).toEqual(cases.map((c) => c.ref));
  });

  it('reads a file saved by an editor with a byte order mark', () => {
    expect(rowsOf(parseCasesImport(`\uFEFF${serializeCasesExport([makeCase(1)], T0)}`)).valid).toHaveLength(1);
  });
});

describe('file-level refusals (nothing is imported)', () => {
  it('refuses files over 20 MB, counting UTF-8 bytes rather than characters', () => {
    expect(fileErrorOf(parseCasesImport('x'.repeat(MAX_IMPORT_BYTES + 1)))).toEqual({
      code: 'too_large',
      message: 'The file is too large (20.0 MB); a cases file can be at most 20.0 MB. Nothing was imported.',
    });
    const accents = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1); // fewer chars than the limit, more bytes
    expect(accents.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(fileErrorOf(parseCasesImport(accents)).code).toBe('too_large');
    expect(importSizeError(MAX_IMPORT_BYTES)).toBeNull();
    expect(importSizeError(25 * 1024 * 1024)?.message).toMatch(/too large \(25\.0 MB\)/);
  });

  it.each([
    ['', 'empty', 'The file is empty. Nothing was imported.'],
    ['\uFEFF  \n', 'empty', 'The file is empty. Nothing was imported.'],
    ['{"format": "careside-cases", "version": 1, "cases": [}', 'not_json', /not valid JSON \(unexpected "}"; .* at line 1, column 54\)/],
    ['[1, 2, 3]', 'wrong_format', /not a CareSide cases export/],
    ['"careside-cases"', 'wrong_format', /not a CareSide cases export/],
    ['{"version": 1, "brands": []}', 'wrong_format', /settings file, not a cases export/],
    ['{"format": "careside-cases", "version": 2, "cases": []}', 'unsupported_version', /newer CareSide \(format version 2\)/],
    ['{"format": "careside-cases", "version": "1", "cases": []}', 'unsupported_version', /version "1"; expected 1/],
    ['{"format": "careside-cases", "cases": []}', 'unsupported_version', /version missing; expected 1/],
    ['{"format": "careside-cases", "version": 1, "cases": {}}', 'wrong_format', /no "cases" list/],
  ])('%j -> %s', (text, code, message) => {
    const error = fileErrorOf(parseCasesImport(text));
    expect(error.code).toBe(code);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });
});

describe('row-level validation', () => {
  it('keeps the good rows and explains each bad one', () => {
    const good = makeCase(1);
    const rows = rowsOf(
      parseCasesImport(
        fileWith([
          good,
          null,
          'CS-1234',
          { ...makeCase(2), ref: 'CS-2222', post: { ...makeCase(2).post, url: 'javascript:alert(1)' } },
          { ...makeCase(3), ref: '<img src=x onerror=alert(1)>' },
          { ...makeCase(4), status: 'archived' },
          { ...makeCase(5), outcome: 'fixed', priority: 'P9', closedAt: -1, extra: true },
          makeCase(6),
          { ...makeCase(7), ref: 'CS-7777', post: { ...makeCase(7).post, url: 'https://x.com.evil.test/dana/status/7' } },
        ]),
      ),
    );
    expect(rows.total).toBe(9);
    expect(rows.valid.map((row) => row.index)).toEqual([0, 7]);
    expect(rows.valid[0]?.case).toEqual(good);
    expect(rows.rejected).toEqual([
      { index: 1, reason: 'is null, not a case' },
      { index: 2, reason: 'is a string, not a case' },
      { index: 3, ref: 'CS-2222', reason: 'post.url: must be an https URL' },
      { index: 4, reason: 'ref: must look like CS-7F3K (CS- and 4 to 8 letters or digits)' },
      {
        index: 5,
        ref: makeCase(4).ref,
        reason: 'status: must be "new" or "responded" or "handed_off" or "waiting_on_customer" or "resolved" or "closed"',
      },
      { index: 6, ref: makeCase(5).ref, reason: expect.stringMatching(/\(and 1 more\)$/) as string },
      {
        index: 8,
        ref: 'CS-7777',
        reason:
          'the post\'s link must be an https page on X (x.com, twitter.com, mobile.twitter.com), not "https://x.com.evil.test/dana/status/7"',
      },
    ]);
    // A hostile ref is never echoed back into the report.
    expect(JSON.stringify(rows.rejected)).not.toContain('onerror');
  });

  it('cuts oversized post text instead of rejecting the case, and says so', () => {
    const big = { ...makeCase(1), post: { ...makeCase(1).post, text: '🙂'.repeat(MAX_POST_TEXT) } };
    const rows = rowsOf(parseCasesImport(fileWith([big])));
    expect(rows.valid[0]?.case.post.text).toHaveLength(MAX_POST_TEXT);
    expect(rows.warnings).toEqual([
      { index: 0, ref: big.ref, message: `post text was longer than ${MAX_POST_TEXT} characters and was cut` },
    ]);
  });
});

describe('utf8ByteLength', () => {
  it.each(['', 'abc', 'é', '€', '😀', 'a😀b€é', '\uD800', '\uDC00x', '\uD83D\uD83D', 'مرحبا 👩🏽‍💻'])('%j', (text) => {
    expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });
});
