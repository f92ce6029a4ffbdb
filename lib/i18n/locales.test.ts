import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeMessages } from './testing';

const PLACEHOLDER = /\{[A-Za-z0-9_]+\}|\$[1-9]/g;

function placeholders(message: string): string[] {
  return [...new Set(message.match(PLACEHOLDER) ?? [])].sort();
}

/** Plural messages are stored as "one | other"; the form count must match across languages. */
function forms(message: string): number {
  return message.split(' | ').length;
}

const locales = readdirSync(resolve(import.meta.dirname, '../../locales'))
  .filter((file) => file.endsWith('.yml'))
  .map((file) => file.replace(/\.yml$/, ''));
const english = localeMessages('en');

describe('locales', () => {
  it('ships English and Spanish', () => {
    expect(locales.sort()).toEqual(['en', 'es']);
  });

  for (const locale of locales.filter((name) => name !== 'en')) {
    const other = localeMessages(locale);

    it(`${locale} has exactly the English keys`, () => {
      expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
    });

    it(`${locale} uses the same placeholders and plural forms as English in every message`, () => {
      const mismatched = Object.entries(english)
        .filter(([key]) => key in other)
        .filter(([key, { message }]) => {
          const theirs = other[key]!.message;
          return placeholders(theirs).join() !== placeholders(message).join() || forms(theirs) !== forms(message);
        })
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    });

    it(`${locale} translates every message (no empty string)`, () => {
      expect(
        Object.entries(other)
          .filter(([, { message }]) => message.trim() === '')
          .map(([key]) => key),
      ).toEqual([]);
    });
  }

  // Spanish says "panel" for the dashboard (Panel de CareSide), so the sidebar must never be one:
  // "el panel de CareSide" read as the dashboard in the welcome page and the sidebar's own controls.
  it('es calls the sidebar "barra lateral", never "panel", the word it keeps for the dashboard', () => {
    const spanish = localeMessages('es');
    const namesSidebar = ([, { message }]: [string, { message: string }]) =>
      /\b(sidebar|panel)\b/i.test(message) && !/\b(case panel|dashboard)\b/i.test(message);
    const sidebarKeys = Object.entries(english)
      .filter(namesSidebar)
      .map(([key]) => key);
    expect(sidebarKeys.length).toBeGreaterThan(5);
    expect(sidebarKeys.filter((key) => /\bpanel\b/i.test(spanish[key]?.message ?? ''))).toEqual([]);
    expect(spanish.dashboard_title?.message).toBe('Panel de CareSide');
  });
});
