import { describe, expect, it } from 'vitest';
import { bytesPerSource, decodeSegment, groupOf } from './bundle-composition';

describe('bundle composition', () => {
  it('decodes source map segments (base64 VLQ, sign in the low bit)', () => {
    expect(decodeSegment('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeSegment('CACD')).toEqual([1, 0, 1, -1]);
    expect(decodeSegment('gBAAA')).toEqual([16, 0, 0, 0]);
  });

  it('charges each span of generated code to the source its segment maps it to', () => {
    // Line 1: "aaaa" from a.ts, then "bb" from b.ts; line 2: "cc" unmapped, then "aa" from a.ts.
    const code = 'aaaabb\nccaa';
    const map = { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,ICAA;EDAA' };
    const bytes = bytesPerSource(code, map);
    expect(bytes.get('a.ts')).toBe(4 + 3);
    expect(bytes.get('b.ts')).toBe(3);
    expect(bytes.get('(unmapped)')).toBe(2);
    expect([...bytes.values()].reduce((sum, count) => sum + count, 0)).toBe(code.length + 1);
  });

  it('groups sources by npm package or lib folder', () => {
    expect(groupOf('../../node_modules/pouchdb-browser/lib/index.es.js')).toBe('npm:pouchdb-browser');
    expect(groupOf('../../node_modules/@wxt-dev/i18n/dist/index.mjs')).toBe('npm:@wxt-dev/i18n');
    expect(groupOf('../../lib/triage/model/category-model.ts')).toBe('lib/triage');
    expect(groupOf('../../entrypoints/background.ts')).toBe('entrypoints');
  });
});
