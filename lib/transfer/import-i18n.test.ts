import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { casesToCsv } from './csv';
import { readCsv } from './csv-read';
import { toCsv } from './csv';
import { MAX_IMPORT_BYTES, parseCasesImport, type ParseImportResult } from './import';
import { planImport, rowLabel, rowReason, summarizeImport } from './plan';
import { makeCase } from './testing';

// The import report as a care manager with a Spanish browser reads it: the summary, each
// rejected row's reason and each warning, and every whole-file refusal.
const BRANDS = [{ id: 'acme', name: 'Acme Air' }];
const OPTIONS = { brands: BRANDS, timeZone: 'Europe/Madrid' };

function editCsv(csv: string, edit: (row: Record<string, string>, index: number) => void): string {
  const read = readCsv(csv);
  if (!read.ok) throw new Error(read.reason);
  const [header = [], ...records] = read.records.map((record) => record.fields.map((cell) => cell.replace(/^'(?=[=+\-@\t\r'])/, '')));
  const table = records.map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])));
  table.forEach(edit);
  return toCsv([header, ...table.map((row) => header.map((name) => row[name] ?? ''))]);
}

function reportText(result: ParseImportResult): string {
  if (!result.ok) return result.error.message;
  const { report } = planImport(new Map(), result.rows);
  return [
    summarizeImport(report),
    ...report.rejected.map((row) => rowReason(rowLabel(row), row.reason)),
    ...report.warnings.map((row) => rowReason(rowLabel(row), row.message)),
  ].join('\n');
}

describe('the import report in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('words the summary, rejected rows and warnings of a CSV import in Spanish, with no English left', () => {
    const cases = [1, 2, 3, 4, 5, 6, 7].map((n) => makeCase(n));
    const csv = editCsv(casesToCsv(cases, { brandNames: new Map([['acme', 'Acme Air']]), timeZone: OPTIONS.timeZone }), (row, i) => {
      if (i === 0) row.Status = 'Archived';
      if (i === 1) row.Platform = 'MySpace';
      if (i === 2) {
        row['Logged at (UTC)'] = '';
        row['Logged at'] = '12/6/2026 2:05 PM';
      }
      if (i === 3) row.Priority = 'P9';
      if (i === 4) row['CareSide data'] = '{"post":';
      if (i === 5) row.Brand = 'Acme Air; Nobody Inc';
    });
    const text = reportText(parseCasesImport(csv, OPTIONS));
    expect(text.split('\n')).toEqual([
      expect.stringMatching(
        /^Importados 2 casos nuevos\. Rechazados 5: línea 2 \(CS-\w+\): Status: "Archived" no es un estado de CareSide; .*; y 2 más\.$/,
      ),
      expect.stringMatching(/^línea 2 \(CS-\w+\): Status: "Archived" no es un estado de CareSide$/),
      expect.stringMatching(/^línea 3 \(CS-\w+\): Platform: "MySpace" no es X, Facebook, Yelp$/),
      expect.stringMatching(/^línea 4 \(CS-\w+\): Logged at: "12\/6\/2026 2:05 PM" no es una fecha y hora como 2026-12-06 14:05$/),
      expect.stringMatching(/^línea 5 \(CS-\w+\): priority: debe ser "P1" o "P2" o "P3" o "P4"$/),
      expect.stringMatching(/^línea 6 \(CS-\w+\): CareSide data: no es JSON válido/),
      expect.stringMatching(/^línea 7 \(CS-\w+\): la marca "Nobody Inc" no es una de las marcas de Ajustes; el caso se importó sin ella$/),
    ]);
    expect(englishLeaks(text)).toEqual([]);
  });

  it('words a JSON row that is not a case, an unknown field and a missing status in Spanish', () => {
    const good = makeCase(1);
    const file = JSON.stringify({
      format: 'careside-cases',
      version: 1,
      exportedAt: 'x',
      cases: [good, 42, { ...makeCase(2), colour: 'red' }, { ...makeCase(3), status: undefined }],
    });
    const text = reportText(parseCasesImport(file));
    expect(text).toContain('fila 2: es un número, no un caso');
    expect(text).toContain('fila 3 (CS-1002): caso: campo desconocido "colour"');
    expect(text).toContain('fila 4 (CS-1003): status: debe ser "new" o "responded" o');
    expect(text).toMatch(/^Importado 1 caso nuevo\. Rechazados 3: /);
    expect(englishLeaks(text)).toEqual([]);
  });

  it.each([
    ['an empty file', '   ', /^El archivo está vacío\./],
    [
      'broken JSON',
      '{"format": "careside-cases",',
      /^El archivo no es JSON válido \(el archivo termina antes de tiempo; se esperaba un nombre de campo entre comillas dobles en la línea 1, columna 29\)\./,
    ],
    ['a settings file', '{"version": 1, "brands": []}', /^Este es un archivo de ajustes de CareSide/],
    ['another JSON file', '{"hello": 1}', /^Esto no es una exportación de casos de CareSide/],
    [
      'a newer export',
      '{"format": "careside-cases", "version": 9, "cases": []}',
      /^Este archivo viene de un CareSide más reciente \(versión de formato 9\)/,
    ],
    ['a CSV missing columns', 'Ref,Status\r\nCS-AAAA,New\r\n', /^Al CSV le faltan las columnas "Platform", "Post URL"/],
    [
      'a CSV with an open quote',
      '"Ref","Status"\r\n"CS-AAAA',
      /^No se puede leer el CSV: línea 2: un campo entre comillas nunca se cierra/,
    ],
    [
      'a file over 20 MB',
      'x'.repeat(MAX_IMPORT_BYTES + 1),
      /^El archivo es demasiado grande \(20,0 MB\); un archivo de casos puede tener como máximo 20,0 MB\./,
    ],
  ])('refuses %s in Spanish, saying nothing was imported', (_, text, message) => {
    const refused = reportText(parseCasesImport(text));
    expect(refused).toMatch(message);
    expect(refused).toMatch(/No se importó nada\.$/);
    expect(englishLeaks(refused)).toEqual([]);
  });
});

describe('englishLeaks', () => {
  it('finds English wording of a message that Spanish words differently, and not the Spanish', () => {
    installLocaleMessages(fakeBrowser.i18n, 'en', 'en-US');
    const english = reportText(parseCasesImport(''));
    expect(englishLeaks(english)).toContain('The file is empty. Nothing was imported.');
    installLocaleMessages(fakeBrowser.i18n, 'es', 'es');
    expect(englishLeaks(reportText(parseCasesImport('')))).toEqual([]);
  });
});
