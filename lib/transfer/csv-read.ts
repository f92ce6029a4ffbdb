/**
 * A small RFC 4180 reader (papaparse is not a dependency of this project and the format CareSide
 * writes is plain RFC 4180): comma-separated, fields optionally quoted with `"`, a quote inside a
 * quoted field doubled, records ended by CRLF, LF or CR. Lenient where spreadsheets differ
 * (bare LF line ends, a missing final line end, a UTF-8 BOM); strict where guessing would lose
 * data: text after a closing quote marks that record broken (the reader resumes at the next line),
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

/** `separator`: "," (RFC 4180), or ";" as spreadsheets in de, fr, nl and other locales save CSV. */
export function readCsv(text: string, separator: ',' | ';' = ','): CsvReadResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const length = body.length;
  while (i < length) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let field = '';
      if (body[i] === '"') {
        const opened = line;
        i += 1;
        for (;;) {
          const close = body.indexOf('"', i);
          if (close === -1) return { ok: false, line: opened, reason: 'a quoted field is never closed (a " is missing)' };
          const chunk = body.slice(i, close);
          line += lineBreaks(chunk);
          field += chunk;
          i = close + 1;
          if (body[i] !== '"') break;
          field += '"';
          i += 1;
        }
        if (i < length && body[i] !== separator && body[i] !== '\r' && body[i] !== '\n') {
          error = `unexpected ${JSON.stringify(body[i])} after a closing quote (a quote inside a field must be doubled)`;
          while (i < length && body[i] !== '\r' && body[i] !== '\n') i += 1;
          fields.push(field);
          break;
        }
      } else {
        while (i < length && body[i] !== separator && body[i] !== '\r' && body[i] !== '\n') {
          field += body[i];
          i += 1;
        }
      }
      fields.push(field);
      if (body[i] === separator) {
        i += 1;
        continue;
      }
      break;
    }
    if (body[i] === '\r') i += body[i + 1] === '\n' ? 2 : 1;
    else if (body[i] === '\n') i += 1;
    line += 1;
    // A blank line (one empty field) is not a record.
    if (error !== undefined) records.push({ line: start, fields, error });
    else if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { ok: true, records };
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
