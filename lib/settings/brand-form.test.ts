import { describe, expect, it } from 'vitest';
import { DEFAULT_HANDOFF_CONFIG } from '../domain/brand-handoff';
import { DEFAULT_RESPONSE_TARGETS } from '../workflow/targets';
import { DEFAULT_SETTINGS, DEFAULT_SPIRAL_SETTINGS, SettingsSchema } from './schema';
import {
  checkDraft,
  draftFromSettings,
  emptyBrandDraft,
  linesToList,
  listToLines,
  resolveDraftIds,
  settingsInputFromDraft,
  slugFromName,
  uniqueId,
} from './brand-form';
import { validateSettings } from './validate';

// Non-default values everywhere, so a field the form forgets to carry fails the round trip.
const settings = SettingsSchema.parse({
  version: 1,
  brands: [
    {
      id: 'acme-air',
      name: 'Acme Air',
      aliases: ['AcmeAir', 'Acme Airlines'],
      handles: { x: ['AcmeAir'], facebook: ['AcmeAirlines'], yelp: [] },
      hashtags: ['FlyAcme'],
      exclusions: ['Acme Air Museum'],
      handoff: {
        x: { dm: false },
        facebook: { messengerPage: 'AcmeAir' },
        email: { address: 'support@acmeair.example', subjectPrefix: '[Acme Air Care]' },
        contactForm: { url: 'https://acmeair.example/contact', param: 'ref' },
      },
    },
  ],
  agentSignature: '^Dana',
  responseTargets: { P1: 10, P2: 30, P3: 120, P4: 480 },
  spirals: { minSimilar: 3, windowMinutes: 20 },
  replyTemplates: [
    {
      id: 'acme-private',
      category: 'any',
      platform: 'any',
      tone: 'formal',
      kind: 'private',
      body: 'Hello {firstName}, case {caseRef} is with our team; we will reply within one business day. {signature}',
    },
  ],
});

/** A form with no brands and the default settings, to add brands to. */
const blankDraft = () => draftFromSettings(DEFAULT_SETTINGS);

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
      ...blankDraft(),
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
            industry: 'generic',
            aliases: ['Zephyr', 'ZephyrRail'],
            handles: { x: ['ZephyrRail'], facebook: [], yelp: ['zephyr-rail-oakland'] },
            hashtags: ['RideZephyr'],
            exclusions: [],
            handoff: DEFAULT_HANDOFF_CONFIG,
          },
        ],
        agentSignature: '^Sam',
        responseTargets: DEFAULT_RESPONSE_TARGETS,
        backlogAgeHours: 24,
        spirals: DEFAULT_SPIRAL_SETTINGS,
        replyTemplates: [],
        retention: { closedCaseDays: null },
        savedReplies: [],
      },
    });
  });
});

describe('checkDraft', () => {
  it('reports an unusable new-brand id on its name, and only once', () => {
    const draft = {
      ...blankDraft(),
      brands: [
        { ...emptyBrandDraft(), name: '!!!' },
        { ...emptyBrandDraft(), name: '' },
      ],
    };
    expect(checkDraft(draft)).toEqual({
      ok: false,
      issues: [
        { path: ['brands', 0, 'name'], message: 'needs at least one letter or digit (the brand id is made from it)' },
        { path: ['brands', 1, 'name'], message: 'must not be empty' },
      ],
    });
  });

  it('says "must be a whole number" for number fields holding text, and keeps other number errors', () => {
    const draft = {
      ...draftFromSettings(settings),
      responseTargets: { P1: '15', P2: '', P3: '1.5', P4: '0' },
      spirals: { minSimilar: 'five', windowMinutes: '60' },
    };
    expect(checkDraft(draft)).toEqual({
      ok: false,
      issues: [
        { path: ['responseTargets', 'P2'], message: 'must be a whole number' },
        { path: ['responseTargets', 'P3'], message: 'must be a whole number' },
        { path: ['responseTargets', 'P4'], message: 'must be at least 1' },
        { path: ['spirals', 'minSimilar'], message: 'must be a whole number' },
      ],
    });
  });

  it('reports the target order rule and bad private channels at their paths', () => {
    const base = draftFromSettings(settings);
    const draft = {
      ...base,
      brands: [{ ...base.brands[0]!, handoff: { ...base.brands[0]!.handoff, contactFormUrl: 'http://acmeair.example' } }],
      responseTargets: { P1: '60', P2: '30', P3: '120', P4: '480' },
    };
    const result = checkDraft(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toEqual([['brands', 0, 'handoff', 'contactForm', 'url'], ['responseTargets']]);
  });

  it('turns pasted profile addresses into handles and refuses what is no handle, at its line', () => {
    const base = draftFromSettings(settings);
    const brand = { ...base.brands[0]!, handlesX: '@AcmeAir\nhttps://x.com/AcmeAirHelp', handlesFacebook: 'facebook.com/AcmeAir' };
    const saved = checkDraft({ ...base, brands: [brand] });
    expect(saved.ok && saved.settings.brands[0]?.handles).toEqual({ x: ['AcmeAir', 'AcmeAirHelp'], facebook: ['AcmeAir'], yelp: [] });

    const refused = checkDraft({ ...base, brands: [{ ...brand, handlesX: 'AcmeAir\n@Acme Air Help' }] });
    expect(refused).toEqual({
      ok: false,
      issues: [
        {
          path: ['brands', 0, 'handles', 'x', 1],
          message: '"@Acme Air Help" is not a handle: an X handle is one word of letters, digits and _ (up to 15), e.g. AcmeAirHelp',
        },
      ],
    });
  });

  it('passes a valid draft through to normalised settings', () => {
    expect(checkDraft(draftFromSettings(settings))).toEqual({ ok: true, settings });
  });
});
