import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { casesToCsv } from './csv';
import { serializeCasesExport } from './json-export';
import { parseCasesImport } from './import';
import { csvChunkSplitter, jsonChunkSplitter, type ChunkSplitter, type ImportChunk } from './chunks';
import { hostileCases, T0 } from './testing';

/** Feed `text` in pieces of `size` characters; every chunk the splitter completes, in order. */
function split(splitter: ChunkSplitter, text: string, size: number): ImportChunk[] {
  const chunks: ImportChunk[] = [];
  for (let at = 0; at < text.length; at += size) chunks.push(...splitter.push(text.slice(at, at + size)));
  chunks.push(...splitter.end());
  return chunks;
}

/** Parse each chunk and number its rows as in the whole file. */
function rowsOf(chunks: readonly ImportChunk[]) {
  return chunks.flatMap((chunk) => {
    const parsed = parseCasesImport(chunk.text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return [
      ...parsed.rows.valid.map((row) => ({
        index: row.index + chunk.rowsBefore,
        line: row.line && row.line + chunk.linesBefore,
        case: row.case,
      })),
      ...parsed.rows.rejected.map((row) => ({ index: row.index + chunk.rowsBefore, line: row.line && row.line + chunk.linesBefore })),
    ];
  });
}

function wholeRows(text: string) {
  const parsed = parseCasesImport(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return [
    ...parsed.rows.valid.map((row) => ({ index: row.index, line: row.line, case: row.case })),
    ...parsed.rows.rejected.map((row) => ({ index: row.index, line: row.line })),
  ];
}

const cases = hostileCases();

describe('jsonChunkSplitter', () => {
  it.each([1, 7, 4096])('splits an export fed %i characters at a time into valid exports holding every case once, in order', (size) => {
    const text = serializeCasesExport(cases, T0);
    const chunks = split(jsonChunkSplitter(3), text, size);
    expect(chunks).toHaveLength(Math.ceil(cases.length / 3));
    expect(chunks.map((chunk) => chunk.rowsBefore)).toEqual(chunks.map((_, i) => i * 3));
    expect(rowsOf(chunks)).toEqual(wholeRows(text));
  });

  it('reads an indented file with the keys in another order before the list', () => {
    const text = JSON.stringify({ exportedAt: new Date(T0).toISOString(), version: 1, format: 'careside-cases', cases }, null, 2);
    const chunks = split(jsonChunkSplitter(5), text, 100);
    expect(rowsOf(chunks)).toEqual(wholeRows(text));
  });

  it('refuses a file cut short, one without a cases list, and a list of non-cases', () => {
    const text = serializeCasesExport(cases, T0);
    expect(() => split(jsonChunkSplitter(3), text.slice(0, text.length / 2), 1000)).toThrow(/ends in the middle/);
    expect(() => split(jsonChunkSplitter(3), '{"format":"careside-cases","version":1}', 10)).toThrow(/no "cases" list/);
    expect(() => split(jsonChunkSplitter(3), '{"format":"careside-cases","version":1,"cases":[1,2]}', 10)).toThrow(
      /something other than cases/,
    );
  });
});

describe('jsonChunkSplitter refusals in Spanish', () => {
  /** The message the import report shows when splitting `text` stops. */
  function refusal(text: string, size: number): string {
    try {
      split(jsonChunkSplitter(3), text, size);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    throw new Error('the file was split');
  }

  it('words a cut file, a missing list, a list of non-cases and a file that is no export in Spanish', () => {
    installLocaleMessages(fakeBrowser.i18n, 'es', 'es');
    const text = serializeCasesExport(cases, T0);
    const refusals = [
      refusal(text.slice(0, text.length / 2), 1000),
      refusal('{"format":"careside-cases","version":1}', 10),
      refusal('{"format":"careside-cases","version":1,"cases":["x"]}', 10),
      refusal(`{"notes":"${'a'.repeat(1_000_001)}"}`, 65_536),
    ];
    expect(refusals).toEqual([
      'El archivo termina a mitad de su lista "cases" (¿está cortado?).',
      'El archivo no tiene una lista "cases". No se importó nada.',
      'La lista "cases" contiene algo que no son casos; no se puede importar por partes.',
      'Este archivo no empieza como una exportación de casos de CareSide (no hay una lista "cases" cerca del principio).',
    ]);
    expect(englishLeaks(refusals.join('\n'))).toEqual([]);
  });
});

describe('csvChunkSplitter', () => {
  it.each([1, 13, 4096])(
    'splits a CSV fed %i characters at a time: the header in every chunk, rows and line numbers as in the whole file',
    (size) => {
      const text = casesToCsv(cases);
      const chunks = split(csvChunkSplitter(4), text, size);
      expect(chunks).toHaveLength(Math.ceil(cases.length / 4));
      expect(chunks.every((chunk) => chunk.text.startsWith(text.slice(0, text.indexOf('\n') + 1)))).toBe(true);
      // Quoted line breaks inside cells stay inside their row.
      expect(rowsOf(chunks)).toEqual(wholeRows(text));
    },
  );
});
