import { describe, expect, it } from 'vitest';
import { casesToCsv, CASE_CSV_COLUMNS, csvField, neutralizeFormula, restoreFormula, toCsv } from './csv';
import { HOSTILE_TEXTS, hostileCases, makeCase, T0 } from './testing';

/** A strict RFC 4180 reader, written for these tests only. */
function parseCsv(text: string): string[][] {
  const separator = ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    row.push(field);
    if (text[i] === separator) {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  if (row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

describe('neutralizeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['a=1', 'a=1'],
    [' =1', ' =1'],
    ['', ''],
    ['مرحبا', 'مرحبا'],
    ["'=1", "''=1"],
    ["'plain", "'plain"],
  ])('%j -> %j', (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
    expect(restoreFormula(output)).toBe(input);
  });
});

describe('csvField / toCsv', () => {
  it('quotes every field and doubles quotes', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('')).toBe('""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField('=A1,"x"')).toBe('"\'=A1,""x"""');
  });

  it('ends every record with CRLF and adds the BOM unless asked not to', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('\uFEFF"a","b"\r\n"1","2"\r\n');
    expect(toCsv([['a', 'b']], { bom: false })).toBe('"a","b"\r\n');
  });

  it('survives every hostile value: parsing back gives the value (plus the apostrophe for formulas)', () => {
    const rows = [HOSTILE_TEXTS.slice(), HOSTILE_TEXTS.slice().reverse()];
    const parsed = parseCsv(toCsv(rows, { bom: false }));
    expect(parsed).toEqual(rows.map((row) => row.map(neutralizeFormula)));
    for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('opened with ";" as the separator (de, fr, nl spreadsheets), no cell can start at a ";" in the data', () => {
    const csv = toCsv(
      [
        ['Post text', 'Author'],
        ["fine;=cmd|' /C calc'!A0", 'Dana;+1'],
        ['a; @SUM(A1)', 'x'],
      ],
      { bom: false },
    );
    // A ";"-splitting reader starts a cell at a ";" only outside quotes: there is none.
    let quoted = false;
    for (const char of csv) {
      if (char === '"') quoted = !quoted;
      else if (char === ';') expect(quoted).toBe(true);
    }
    // Every cell a reader can start (at a line start or after a comma) opens with a quote.
    for (const line of csv.split('\r\n').filter(Boolean)) expect(line.startsWith('"')).toBe(true);
  });
});

describe('casesToCsv', () => {
  it('writes a header and one record per case: names not codes, local times plus UTC', () => {
    const c = {
      ...makeCase(1, {
        ref: 'CS-7F3K',
        status: 'closed',
        outcome: 'not_actionable',
        priority: 'P2',
        firstResponseAt: T0 + 60_000,
        closedAt: T0 + 120_000,
      }),
      category: 'billing_refund' as const,
      assignee: 'Sam Lee',
      brandIds: ['acme', 'gone-brand'],
      tags: ['refund', 'late'],
      notes: [{ id: 'a', text: 'called "them"', createdAt: T0 }],
    };
    const csv = casesToCsv([c], { brandNames: new Map([['acme', 'Acme Air']]), timeZone: 'Europe/Berlin' });
    const [header, row] = parseCsv(csv.slice(1));
    expect(header).toEqual(CASE_CSV_COLUMNS.map((column) => column.header));
    const record = Object.fromEntries((header ?? []).map((name, i) => [name, row?.[i]]));
    expect(record).toMatchObject({
      Ref: 'CS-7F3K',
      Status: 'Closed',
      Outcome: 'Not actionable',
      Priority: 'P2',
      Category: 'Billing / refund',
      Assignee: 'Sam Lee',
      Tags: 'refund; late',
      // A brand no longer in the settings keeps its id.
      Brand: 'Acme Air; gone-brand',
      Platform: 'X',
      // T0 is 12:00 UTC, 13:00 in Berlin in March.
      'Logged at': '2025-03-09 13:00',
      'Logged at (UTC)': '2025-03-09T12:00:00.000Z',
      'First response at': '2025-03-09 13:01',
      'First response at (UTC)': '2025-03-09T12:01:00.000Z',
      'Closed at': '2025-03-09 13:02',
      'Resolved at': '',
      'Resolved at (UTC)': '',
      Notes: '[2025-03-09T12:00:00.000Z] called "them"',
      'Post key': 'x:1001',
      'Case id': c.id,
    });
    expect(JSON.parse(record['CareSide data'] ?? '')).toEqual({
      post: { postId: '1001', kind: 'post', reach: {} },
      brandIds: ['acme', 'gone-brand'],
      tags: ['refund', 'late'],
      notes: c.notes,
    });
  });

  it('writes platform names and local times a spreadsheet reads as dates (summer time included)', () => {
    const summer = Date.UTC(2026, 6, 1, 22, 5, 30, 123);
    const cases = (['x', 'facebook', 'yelp'] as const).map((platform, i) => ({ ...makeCase(i, { createdAt: summer }), platform }));
    const rows = parseCsv(casesToCsv(cases, { bom: false, timeZone: 'America/New_York' }));
    const at = (name: string) => rows[0]?.indexOf(name) ?? -1;
    expect(rows.slice(1).map((row) => row[at('Platform')])).toEqual(['X', 'Facebook', 'Yelp']);
    expect(rows[1]?.[at('Logged at')]).toBe('2026-07-01 18:05');
    expect(rows[1]?.[at('Logged at (UTC)')]).toBe('2026-07-01T22:05:30.123Z');
    expect(rows[1]?.[at('Logged at')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('keeps hostile cases one record each, with no live formulas', () => {
    const cases = hostileCases();
    const csv = casesToCsv(cases);
    expect(csv.startsWith('\uFEFF"Ref",')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(cases.length + 1);
    const textColumn = CASE_CSV_COLUMNS.findIndex((column) => column.header === 'Post text');
    rows.slice(1).forEach((row, i) => {
      expect(row).toHaveLength(CASE_CSV_COLUMNS.length);
      expect(row[textColumn]).toBe(neutralizeFormula(cases[i]?.post.text ?? ''));
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });
});
