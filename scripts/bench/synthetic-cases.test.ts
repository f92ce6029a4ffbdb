import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../lib/domain/case';
import { parseCasesImport } from '../../lib/transfer/import';
import { syntheticCases, syntheticImportFiles, syntheticRef } from './synthetic-cases';

const NOW = Date.UTC(2026, 0, 15, 12);

describe('synthetic cases for the benchmark and e2e seeding', () => {
  it('are valid stored cases with unique ids, refs and post keys, spread over platforms and statuses', () => {
    const cases = syntheticCases(2_000, { now: NOW });
    for (const item of cases) expect(CaseSchema.safeParse(item).success, item.ref).toBe(true);
    expect(new Set(cases.map((item) => item.id)).size).toBe(2_000);
    expect(new Set(cases.map((item) => item.ref)).size).toBe(2_000);
    expect(new Set(cases.map((item) => item.postKey)).size).toBe(2_000);
    expect(new Set(cases.map((item) => item.platform))).toEqual(new Set(['x', 'facebook', 'yelp']));
    expect(new Set(cases.map((item) => item.status)).size).toBe(6);
    expect(cases.every((item) => item.createdAt < NOW)).toBe(true);
    expect(syntheticRef(0)).toBe('CS-000000');
    expect(syntheticRef(32 ** 2)).toBe('CS-000100');
  });

  it('are the same on every run and split into import files the parser accepts whole', () => {
    expect(syntheticCases(50, { now: NOW })).toEqual(syntheticCases(50, { now: NOW }));
    const files = syntheticImportFiles(250, 100, { now: NOW });
    expect(files).toHaveLength(3);
    const parsed = files.map((text) => parseCasesImport(text));
    expect(parsed.map((result) => (result.ok ? [result.rows.valid.length, result.rows.rejected.length] : result.error.message))).toEqual([
      [100, 0],
      [100, 0],
      [50, 0],
    ]);
  });

  it('with a total, are in export order: newest first, each chunk within its own span of the days', () => {
    const DAY = 86_400_000;
    const second = syntheticCases(100, { now: NOW, days: 10, start: 100, total: 1_000 });
    const times = second.map((item) => item.createdAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Cases 100-199 of 1,000 over 10 days: the second tenth, days 1 to 2 before now (and a minute).
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW - DAY);
    expect(Math.min(...times)).toBeGreaterThan(NOW - 2 * DAY - 2 * 60_000);
  });
});
