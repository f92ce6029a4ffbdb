/**
 * Split a cases export of any size into import files of at most `perChunk` rows each, fed as
 * text pieces (a File's stream), so a file far over MAX_IMPORT_BYTES imports chunk by chunk with
 * memory bounded by one chunk. Each chunk is itself a valid export: the JSON header (format,
 * version, exportedAt) or the CSV header row is repeated in every chunk.
 */

import { t } from '../i18n/t';

export interface ImportChunk {
  text: string;
  /** Rows in the file before this chunk (to number rows across chunks). */
  rowsBefore: number;
  /** CSV only: file lines before this chunk's first row, minus its repeated header line. */
  linesBefore: number;
}

/** A chunk is also cut at this many characters, well under the import's 20 MB per message. */
export const MAX_CHUNK_CHARS = 8 * 1024 * 1024;

export interface ChunkSplitter {
  /** The next piece of the file's text; returns the chunks it completed. */
  push(piece: string): ImportChunk[];
  /** The file ended: the last chunk; throws when the file's structure is broken or unsupported. */
  end(): ImportChunk[];
}

/**
 * A CareSide JSON export `{ "format": …, "version": …, "exportedAt": …, "cases": [ {…}, … ] }`:
 * everything before the "cases" key is the header; each object in the list is one row.
 */
export function jsonChunkSplitter(perChunk: number): ChunkSplitter {
  let phase: 'head' | 'cases' | 'tail' = 'head';
  let head = '';
  let header = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** In the head: where the last string at depth 1 started, and its text once closed. */
  let stringStart = -1;
  let lastKey: { start: number; text: string } | undefined;
  let element = '';
  let rows: string[] = [];
  let chars = 0;
  let rowsBefore = 0;
  const chunks: ImportChunk[] = [];

  const flush = () => {
    if (rows.length === 0) return;
    chunks.push({ text: `${header}"cases":[${rows.join(',')}]}`, rowsBefore, linesBefore: 0 });
    rowsBefore += rows.length;
    rows = [];
    chars = 0;
  };

  const scanHead = (char: string, at: number) => {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') {
        inString = false;
        if (depth === 1) lastKey = { start: stringStart, text: head.slice(stringStart + 1, at) };
      }
      return;
    }
    if (char === '"') {
      inString = true;
      stringStart = at;
    } else if (char === '{' || char === '[') {
      if (char === '[' && depth === 1 && lastKey?.text === 'cases' && /^\s*:\s*$/.test(head.slice(lastKey.start + 7, at))) {
        header = head.slice(0, lastKey.start);
        phase = 'cases';
        depth = 2;
        return;
      }
      depth += 1;
    } else if (char === '}' || char === ']') depth -= 1;
  };

  /** Where the open element started in the current piece (-1: none open, or it started in an earlier piece). */
  let elementStart = -1;
  const scanCases = (char: string, piece: string, at: number) => {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      return;
    }
    if (char === '"') {
      if (depth === 2) throw new Error(t('importFile.casesListMixed'));
      inString = true;
    } else if (char === '{' || char === '[') {
      if (depth === 2) {
        if (char === '[') throw new Error(t('importFile.casesListMixed'));
        element = '';
        elementStart = at;
      }
      depth += 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 2) {
        const row = element + piece.slice(Math.max(0, elementStart), at + 1);
        if (chars + row.length > MAX_CHUNK_CHARS) flush();
        rows.push(row);
        chars += row.length;
        element = '';
        elementStart = -1;
        if (rows.length >= perChunk) flush();
      } else if (depth === 1) phase = 'tail';
    } else if (depth === 2 && /[^\s,]/.test(char)) {
      throw new Error(t('importFile.casesListMixed'));
    }
  };

  return {
    push(piece) {
      for (let at = 0; at < piece.length && phase !== 'tail'; at += 1) {
        const char = piece.charAt(at);
        if (phase === 'head') {
          head += char;
          scanHead(char, head.length - 1);
          if (head.length > 1_000_000 && phase === 'head') {
            throw new Error(t('importFile.notCasesStart'));
          }
        } else scanCases(char, piece, at);
      }
      // An element still open carries on into the next piece.
      if (depth > 2) {
        element += piece.slice(Math.max(0, elementStart));
        elementStart = -1;
      }
      return chunks.splice(0);
    },
    end() {
      if (phase === 'head') throw new Error(t('importFile.noCasesList'));
      if (phase === 'cases') throw new Error(t('importFile.casesListCut'));
      flush();
      return chunks.splice(0);
    },
  };
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** A CSV export: the first record is the header; records end at a line break outside quotes. */
export function csvChunkSplitter(perChunk: number): ChunkSplitter {
  let header: string | undefined;
  let record = '';
  let inQuotes = false;
  let rows: string[] = [];
  let chars = 0;
  let rowsBefore = 0;
  let lines = 0;
  /** File lines before the record being read, and before the chunk's first row. */
  let linesBeforeRecord = 0;
  let lastWasReturn = false;
  let linesAtChunkStart = 1;
  const chunks: ImportChunk[] = [];

  const flush = () => {
    if (rows.length === 0 || header === undefined) return;
    chunks.push({ text: `${header}${rows.join('')}`, rowsBefore, linesBefore: linesAtChunkStart - 1 });
    rowsBefore += rows.length;
    rows = [];
    chars = 0;
  };
  const endRecord = () => {
    if (header === undefined) {
      header = record;
    } else if (record.trim() !== '') {
      if (chars + record.length > MAX_CHUNK_CHARS) flush();
      if (rows.length === 0) linesAtChunkStart = linesBeforeRecord;
      rows.push(record);
      chars += record.length;
      if (rows.length >= perChunk) flush();
    }
    linesBeforeRecord = lines;
    record = '';
  };

  return {
    push(piece) {
      let start = 0;
      for (let at = 0; at < piece.length; at += 1) {
        const char = piece.charCodeAt(at);
        const afterReturn = lastWasReturn;
        lastWasReturn = char === RETURN;
        // Lines count as the CSV reader counts them: \n, \r\n and a lone \r each end one.
        if (char === RETURN) lines += 1;
        if (char === QUOTE) inQuotes = !inQuotes;
        else if (char === NEWLINE) {
          if (!afterReturn) lines += 1;
          if (!inQuotes) {
            record += piece.slice(start, at + 1);
            start = at + 1;
            endRecord();
          }
        }
      }
      record += piece.slice(start);
      return chunks.splice(0);
    },
    end() {
      if (record !== '') {
        if (!record.endsWith('\n')) record += '\n';
        endRecord();
      }
      flush();
      return chunks.splice(0);
    },
  };
}
