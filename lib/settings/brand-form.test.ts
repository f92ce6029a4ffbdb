import { describe, expect, it } from 'vitest';
import type { Settings } from './schema';
import {
  checkDraft,
  draftFromSettings,
  draftPathLabeler,
  emptyBrandDraft,
  linesToList,
  listToLines,
  resolveDraftIds,
  settingsInputFromDraft,
  slugFromName,
  uniqueId,
} from './brand-form';
import { validateSettings } from './validate';

const settings: Settings = {
  version: 1,
  brands: [
    {
      id: 'acme-air',
      name: 'Acme Air',
      aliases: ['AcmeAir', 'Acme Airlines'],
      handles: { x: ['AcmeAir'], facebook: ['AcmeAirlines'], yelp: [] },
      hashtags: ['FlyAcme'],
      exclusions: ['Acme Air Museum'],
    },
  ],
  agentSignature: '^Dana',
};

describe('lines <-> lists', () => {
  it('keeps one trimmed entry per non-blank line, whatever the line endings', () => {
    expect(linesToList('  AcmeAir \r\n\n Acme Airlines\n   \n')).toEqual(['AcmeAir', 'Acme Airlines']);
    expect(linesToList('')).toEqual([]);
    expect(linesToList(listToLines(['a', 'b c']))).toEqual(['a', 'b c']);
  });
});

describe('ids from names', () => {
  it('makes lowercase dash slugs without accents or punctuation', () => {
    expect(slugFromName('Acme Air')).toBe('acme-air');
    expect(slugFromName('  Café  Crème & Co.! ')).toBe('cafe-creme-co');
    expect(slugFromName('!!!')).toBe('');
    expect(slugFromName('a'.repeat(300))).toHaveLength(90);
  });

  it('adds a number when the id is taken', () => {
    expect(uniqueId('acme', new Set())).toBe('acme');
    expect(uniqueId('acme', new Set(['acme', 'acme-2']))).toBe('acme-3');
  });

  it('keeps saved ids and gives new brands unique ones', () => {
    const saved = draftFromSettings(settings).brands[0]!;
    const renamed = { ...saved, name: 'Acme Airways' };
    const twin = { ...emptyBrandDraft(), name: 'Acme Air' };
    const other = { ...emptyBrandDraft(), name: 'Acme Air' };
    expect(resolveDraftIds([renamed, twin, other])).toEqual(['acme-air', 'acme-air-2', 'acme-air-3']);
  });
});

describe('drafts <-> settings', () => {
  it('round-trips saved settings unchanged', () => {
    const input = settingsInputFromDraft(draftFromSettings(settings));
    expect(validateSettings(input)).toEqual({ ok: true, settings });
  });

  it('builds a new brand from its name and textarea lines', () => {
    const draft = {
      brands: [
        {
          ...emptyBrandDraft(),
          name: ' Zephyr Rail ',
          aliases: 'Zephyr\n\nZephyrRail',
          handlesX: '@ZephyrRail',
          handlesYelp: 'zephyr-rail-oakland',
          hashtags: '#RideZephyr',
        },
      ],
      agentSignature: ' ^Sam ',
    };
    expect(validateSettings(settingsInputFromDraft(draft))).toEqual({
      ok: true,
      settings: {
        version: 1,
        brands: [
          {
            id: 'zephyr-rail',
            name: 'Zephyr Rail',
            aliases: ['Zephyr', 'ZephyrRail'],
            handles: { x: ['ZephyrRail'], facebook: [], yelp: ['zephyr-rail-oakland'] },
            hashtags: ['RideZephyr'],
            exclusions: [],
          },
        ],
        agentSignature: '^Sam',
      },
    });
  });
});

describe('draftPathLabeler', () => {
  it('names brands and fields the way the form shows them', () => {
    const label = draftPathLabeler(draftFromSettings(settings));
    expect(label(['brands', 0, 'handles', 'x', 1])).toBe('Brand 1 "Acme Air", X handles entry 2');
    expect(label(['brands', 0, 'name'])).toBe('Brand 1 "Acme Air", Name');
    expect(label(['brands', 3, 'id'])).toBe('Brand 4, id (made from the name)');
    expect(label(['brands'])).toBe('Brands');
    expect(label(['agentSignature'])).toBe('Agent signature');
    expect(label([])).toBe('settings');
  });
});

describe('checkDraft', () => {
  it('reports an unusable new-brand id on its name, and only once', () => {
    const draft = {
      brands: [
        { ...emptyBrandDraft(), name: '!!!' },
        { ...emptyBrandDraft(), name: '' },
      ],
      agentSignature: '',
    };
    expect(checkDraft(draft)).toEqual({
      ok: false,
      issues: [
        { path: ['brands', 0, 'name'], message: 'needs at least one letter or digit (the brand id is made from it)' },
        { path: ['brands', 1, 'name'], message: 'must not be empty' },
      ],
    });
  });

  it('passes a valid draft through to normalised settings', () => {
    expect(checkDraft(draftFromSettings(settings))).toEqual({ ok: true, settings });
  });
});
