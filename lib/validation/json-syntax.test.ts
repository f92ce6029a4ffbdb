import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in anything JSON.parse accepts', () => {
    const valid = ['0', '-1.5e+3', '"a\\u00e9\\n"', 'true', 'null', '[]', '{}', ' { "a" : [1, {"b": false}] } ', '[[[[]]]]'];
    for (const text of valid) {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it('locates the first error by offset, line and column for text JSON.parse refuses', () => {
    const cases: [string, number, number, number][] = [
      ['{"a": 1,}', 8, 1, 9],
      ['{\n  "a": tru\n}', 12, 2, 11],
      ['[1 2]', 3, 1, 4],
      ['"line\nbreak"', 5, 1, 6],
      ['01', 1, 1, 2],
      ['{"a": "\\x"}', 7, 1, 8],
      ['[1.]', 3, 1, 4],
      ['', 0, 1, 1],
    ];
    for (const [text, offset, line, column] of cases) {
      expect(() => JSON.parse(text) as unknown).toThrow();
      expect(findJsonSyntaxError(text)).toMatchObject({ offset, line, column });
    }
  });

  it('stops at a sane depth instead of overflowing the stack', () => {
    expect(findJsonSyntaxError('['.repeat(100_000))).toMatchObject({ reason: 'nested too deeply' });
  });
});
