import { describe, expect, it } from 'vitest';

/** Per selector, how many elements it must find on each fixture it is counted on. */
export type SelectorCounts<Name extends string, Fixture extends string> = Record<Name, Partial<Record<Fixture, number>>>;

export interface SelectorTable<Name extends string, Fixture extends string> {
  /** A site's selector map from its selectors.ts. */
  selectors: Readonly<Record<Name, string>>;
  /** The saved pages' names. */
  fixtures: readonly Fixture[];
  /** Parses one saved page; each is parsed once, when the table's cases are collected. */
  load: (fixture: Fixture) => Document;
  /** Counts read off the fixture files; a selector needs a count on at least one fixture. */
  expected: SelectorCounts<Name, Fixture>;
}

/**
 * Registers the test cases every site's selector table gets (lib/sites/<site>/selectors.test.ts):
 * each selector finds exactly its expected count on each fixture it has a count for, so a change
 * on the site shows up as one failing row; every selector has a count row; no selector relies on
 * class names (all three sites hash theirs and change them with deploys).
 */
export function describeSelectorTable<Name extends string, Fixture extends string>(
  title: string,
  { selectors, fixtures, load, expected }: SelectorTable<Name, Fixture>,
): void {
  describe(title, () => {
    const documents = new Map(fixtures.map((fixture) => [fixture, load(fixture)]));

    for (const [name, selector] of Object.entries(selectors) as [Name, string][]) {
      const counts = Object.entries(expected[name] ?? {}) as [Fixture, number][];
      for (const [fixture, count] of counts) {
        it(`${name} finds ${count} on ${fixture}`, () => {
          const doc = documents.get(fixture);
          expect(doc, `no fixture named ${fixture}`).toBeDefined();
          expect(doc?.querySelectorAll(selector)).toHaveLength(count);
        });
      }
    }

    it('has a count on at least one fixture for every selector, and no row for a selector it does not have', () => {
      const uncounted = Object.keys(selectors).filter((name) => Object.keys(expected[name as Name] ?? {}).length === 0);
      expect(uncounted).toEqual([]);
      expect(Object.keys(expected).sort()).toEqual(Object.keys(selectors).sort());
    });

    it('uses no class names', () => {
      for (const selector of Object.values<string>(selectors)) {
        expect(selector.replace(/"[^"]*"/g, '""')).not.toMatch(/\.[A-Za-z_-]|\[class/);
      }
    });
  });
}
