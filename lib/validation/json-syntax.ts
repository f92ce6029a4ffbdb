import { t } from '../i18n/t';

/**
 * Finds where a JSON text first goes wrong. Engines word JSON.parse errors differently
 * (some give no position at all), so the import dialog locates the problem itself.
 */
export interface JsonSyntaxError {
  /** 0-based character offset. */
  offset: number;
  /** 1-based line and column. */
  line: number;
  column: number;
  reason: string;
}

const MAX_DEPTH = 1000;

class SyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function describeChar(char: string | undefined): string {
  if (char === undefined) return t('jsonSyntax.endOfFile');
  if (char === '\n') return t('jsonSyntax.lineBreak');
  return JSON.stringify(char);
}

function scan(text: string): void {
  let index = 0;

  const fail = (reason: string, at = index): never => {
    throw new SyntaxFailure(at, reason);
  };
  const unexpected = (expected: string): never =>
    fail(
      index >= text.length
        ? t('jsonSyntax.endsEarly', { expected })
        : t('jsonSyntax.unexpected', { found: describeChar(text[index]), expected }),
    );
  const skipSpace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[index] !== char) unexpected(`"${word}"`);
      index++;
    }
  };
  const digits = () => {
    const start = index;
    while (index < text.length && text[index]! >= '0' && text[index]! <= '9') index++;
    if (index === start) unexpected(t('jsonSyntax.aDigit'));
  };
  const number = () => {
    if (text[index] === '-') index++;
    if (text[index] === '0') index++;
    else digits();
    if (text[index] === '.') {
      index++;
      digits();
    }
    if (text[index] === 'e' || text[index] === 'E') {
      index++;
      if (text[index] === '+' || text[index] === '-') index++;
      digits();
    }
  };
  const string = () => {
    index++; // opening quote
    for (;;) {
      const char = text[index];
      if (char === undefined) fail(t('jsonSyntax.endsInText'));
      if (char === '"') {
        index++;
        return;
      }
      if (char! < ' ') fail(t('jsonSyntax.controlInText'));
      if (char === '\\') {
        const escape = text[index + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) fail(t('jsonSyntax.badUnicodeEscape'));
          index += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          index += 2;
        } else {
          fail(t('jsonSyntax.badEscape', { escape: `\\${escape ?? ''}` }));
        }
      } else {
        index++;
      }
    }
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(t('jsonSyntax.tooDeep'));
    skipSpace();
    const char = text[index];
    if (char === '{') {
      index++;
      skipSpace();
      if (text[index] === '}') {
        index++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[index] !== '"') unexpected(t('jsonSyntax.fieldName'));
        string();
        skipSpace();
        if (text[index] !== ':') unexpected('":"');
        index++;
        value(depth + 1);
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === '}') {
          index++;
          return;
        }
        unexpected(t('jsonSyntax.either', { first: '","', second: '"}"' }));
      }
    }
    if (char === '[') {
      index++;
      skipSpace();
      if (text[index] === ']') {
        index++;
        return;
      }
      for (;;) {
        value(depth + 1);
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === ']') {
          index++;
          return;
        }
        unexpected(t('jsonSyntax.either', { first: '","', second: '"]"' }));
      }
    }
    if (char === '"') return string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    unexpected(t('jsonSyntax.aValue'));
  };

  value(0);
  skipSpace();
  if (index < text.length) unexpected(t('jsonSyntax.endOfFile'));
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The first syntax error in text, or null when text is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    scan(text);
    return null;
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return { offset: error.offset, ...lineAndColumn(text, error.offset), reason: error.reason };
  }
}
