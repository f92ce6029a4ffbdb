import { t } from '../i18n/t';
import Papa from 'papaparse';

/**
 * Reads CSV with papaparse (RFC 4180: comma-separated, fields optionally quoted with `"`, a
 * quote inside a quoted field doubled) and adds what an import needs on top: the line each
 * record starts on, and recovery that loses nothing. Lenient where spreadsheets differ (LF, CRLF
 * or CR line ends, a stray CR before LF, a missing final line end, a UTF-8 BOM); strict where
 * guessing would lose data: text after a closing quote marks that record broken and reading
 * resumes at the next line (papaparse alone would read on to the next quote and swallow rows),
 * and a quote never closed refuses the file, naming the line where it opened.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted field can span lines). */
  line: number;
  fields: string[];
  /** Set when the record is malformed (its fields are then incomplete); the reader goes on at the next line. */
  error?: string;
}

export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: string };

type Separator = ',' | ';';
type Newline = '\r\n' | '\n' | '\r';

/** Where reading stopped: the end, a broken record to resume after, or a refusal. */
type Stop = { kind: 'end' } | { kind: 'resume'; offset: number; line: number } | { kind: 'refuse'; line: number; reason: string };

/** `separator`: "," (RFC 4180), or ";" as spreadsheets in de, fr, nl and other locales save CSV. */
export function readCsv(text: string, separator: Separator = ','): CsvReadResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const newline = newlineOf(body);
  const records: CsvRecord[] = [];
  let offset = 0;
  let line = 1;
  while (offset < body.length) {
    const stop = readFrom(body, offset, line, separator, newline, records);
    if (stop.kind === 'refuse') return { ok: false, line: stop.line, reason: stop.reason };
    if (stop.kind === 'end') break;
    offset = stop.offset;
    line = stop.line;
  }
  return { ok: true, records };
}

/** Parse `body` from `offset` (which starts on `line`) until the end or the first broken record. */
function readFrom(body: string, offset: number, line: number, separator: Separator, newline: Newline, records: CsvRecord[]): Stop {
  const part = body.slice(offset);
  let stop: Stop = { kind: 'end' };
  let rowStart = 0;
  let counted = 0;
  let lineAt = line;
  const lineOf = (position: number) => {
    lineAt += lineBreaks(part.slice(counted, position));
    counted = position;
    return lineAt;
  };
  Papa.parse<string[]>(part, {
    delimiter: separator,
    newline,
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (row, parser) => {
      const start = rowStart;
      const startLine = lineOf(start);
      // The cursor is past the record and its line end.
      rowStart = row.meta.cursor;
      const errors = row.errors.map((error) => error.code);
      if (errors.includes('MissingQuotes')) {
        stop = {
          kind: 'refuse',
          line: lineOf(unclosedQuoteAt(part, start, separator)),
          reason: t('csvRead.quoteNeverClosed'),
        };
        parser.abort();
        return;
      }
      if (errors.includes('InvalidQuotes')) {
        const stray = strayAfterQuote(part, start, separator);
        if (stray !== null) {
          const next = nextLineStart(part, stray.at);
          records.push({
            line: startLine,
            fields: row.data,
            error: t('csvRead.strayAfterQuote', { found: JSON.stringify(part[stray.at]) }),
          });
          stop = next >= part.length ? { kind: 'end' } : { kind: 'resume', offset: offset + next, line: lineOf(next) };
          parser.abort();
          return;
        }
      }
      const fields = withoutStrayCr(row.data, newline);
      // A blank line (one empty field) is not a record.
      if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
    },
  });
  return stop;
}

/** The file's line end as papaparse guesses it (one per file); LF when there is none. */
function newlineOf(body: string): Newline {
  const first = body.search(/[\r\n]/);
  if (first === -1) return '\n';
  const guessed = Papa.parse(body.slice(0, 64 * 1024), { preview: 1, quoteChar: '"' }).meta.linebreak;
  return guessed === '\r\n' || guessed === '\r' ? guessed : '\n';
}

/** A file of LF line ends with some CRLF ones leaves a CR at the end of those records' last field. */
function withoutStrayCr(fields: string[], newline: Newline): string[] {
  const last = fields.at(-1);
  if (newline !== '\n' || last === undefined || !last.endsWith('\r')) return fields;
  return [...fields.slice(0, -1), last.slice(0, -1)];
}

/** Position of the first character after a closing quote that is neither a separator nor a line end. */
function strayAfterQuote(text: string, start: number, separator: Separator): { at: number } | null {
  let i = start;
  while (i < text.length) {
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) return null;
        i = close + 1;
        if (text[i] !== '"') break;
        i += 1;
      }
      if (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') return { at: i };
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') i += 1;
    }
    if (text[i] !== separator) return null;
    i += 1;
  }
  return null;
}

/** Position of the opening quote of the field that is never closed (the record start if not found). */
function unclosedQuoteAt(text: string, start: number, separator: Separator): number {
  let i = start;
  while (i < text.length) {
    if (text[i] === '"') {
      const opened = i;
      i += 1;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) return opened;
        i = close + 1;
        if (text[i] !== '"') break;
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n' && text[i] !== '"') i += 1;
      if (text[i] === '"') continue;
    }
    i += 1;
  }
  return start;
}

/** Start of the line after the one holding `position` (past CRLF, LF or CR). */
function nextLineStart(text: string, position: number): number {
  let i = position;
  while (i < text.length && text[i] !== '\r' && text[i] !== '\n') i += 1;
  if (text[i] === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  return text[i] === '\n' ? i + 1 : i;
}

/** CRLF, LF and a lone CR each end one line. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count += 1;
  }
  return count;
}
