import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { DEFAULT_HANDOFF_CONFIG } from '../domain/brand-handoff';
import { DEFAULT_RESPONSE_TARGETS } from '../workflow/targets';
import { DEFAULT_SETTINGS, DEFAULT_SPIRAL_SETTINGS, SettingsSchema } from './schema';
import sample from '../../examples/settings.sample.json?raw';
import { exportFileName, exportSettings, ignoredSignatureNote, importedForInstall, MAX_IMPORT_BYTES, parseSettingsImport } from './io';
import { LEARNING_EXPORT_FORMAT, type LearningExport } from '../domain/learning';

// Every field set, optional ones included, so the export's shape and order are fully covered.
const settings = SettingsSchema.parse({
  version: 1,
  brands: [
    {
      id: 'acme-air',
      name: 'Acme Air',
      industry: 'airline_travel',
      aliases: ['AcmeAir', 'Acme Airlines'],
      handles: { x: ['AcmeAir'], facebook: ['AcmeAirlines'], yelp: ['acme-air-sf'] },
      hashtags: ['FlyAcme'],
      exclusions: ['Acme Air Museum'],
      handoff: {
        x: { dm: false },
        facebook: { messengerPage: 'AcmeAir' },
        email: { address: 'support@acmeair.example', subjectPrefix: '[Acme Air]' },
        contactForm: { url: 'https://acmeair.example/contact', param: 'case' },
      },
    },
    { id: 'acme-rewards', name: 'Acme Rewards' },
  ],
  agentSignature: '^Dana',
  responseTargets: { P1: 10, P2: 30, P3: 120, P4: 480 },
  spirals: { minSimilar: 3, windowMinutes: 30 },
  retention: { closedCaseDays: 90 },
  replyTemplates: [
    {
      id: 'acme-delay-x',
      category: 'delivery_delay',
      platform: 'x',
      tone: 'concise',
      kind: 'public',
      body: 'Sorry {firstName}, a 3h delay is not OK. DM us your booking ref with case {caseRef} and we will rebook you today. {signature}',
    },
  ],
});

function fileWith(overrides: Record<string, unknown>): string {
  return JSON.stringify({ ...settings, ...overrides });
}

function brandWith(index: number, overrides: Record<string, unknown>): string {
  const brands: unknown[] = settings.brands.map((brand) => ({ ...brand }));
  brands[index] = { ...(brands[index] as object), ...overrides };
  return fileWith({ brands });
}

function errorsOf(text: string): string[] {
  const result = parseSettingsImport(text);
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

/** The settings as an export file carries them: the agent signature stays with the install. */
const { agentSignature: _signature, ...withoutSignature } = settings;
const unsigned = { ...settings, agentSignature: '' };

describe('exportSettings', () => {
  it('writes a template’s strategy and industry when set, and they import back', () => {
    const template = { ...settings.replyTemplates[0]!, strategy: 'ask_detail' as const, industry: 'airline_travel' as const };
    const text = exportSettings({ ...settings, replyTemplates: [template] });
    const [written] = (JSON.parse(text) as { replyTemplates: Record<string, unknown>[] }).replyTemplates;
    expect(Object.keys(written!)).toEqual(['id', 'category', 'platform', 'tone', 'kind', 'strategy', 'industry', 'body']);
    expect(parseSettingsImport(text)).toEqual({ ok: true, settings: { ...unsigned, replyTemplates: [template] } });
  });

  it('writes pretty JSON in exactly the documented shape and field order', () => {
    const text = exportSettings(settings);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "brands": [\n');
    const document = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual([
      'version',
      'brands',
      'responseTargets',
      'backlogAgeHours',
      'spirals',
      'replyTemplates',
      'retention',
      'savedReplies',
    ]);
    const [brand, plainBrand] = document.brands as Record<string, Record<string, unknown>>[];
    expect(Object.keys(brand!)).toEqual(['id', 'name', 'industry', 'aliases', 'handles', 'hashtags', 'exclusions', 'handoff']);
    expect(Object.keys(brand!.handles!)).toEqual(['x', 'facebook', 'yelp']);
    const handoff = brand!.handoff as Record<string, object>;
    expect(Object.keys(handoff)).toEqual(['x', 'facebook', 'email', 'contactForm']);
    expect(Object.keys(handoff.email!)).toEqual(['address', 'subjectPrefix']);
    expect(Object.keys(handoff.contactForm!)).toEqual(['url', 'param']);
    // Defaults are written out too, so the file shows what is in effect.
    expect(plainBrand!.handoff).toEqual({ x: { dm: true }, facebook: {} });
    expect(Object.keys(document.responseTargets as object)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(Object.keys(document.spirals as object)).toEqual(['minSimilar', 'windowMinutes']);
    const [template] = document.replyTemplates as Record<string, unknown>[];
    expect(Object.keys(template!)).toEqual(['id', 'category', 'platform', 'tone', 'kind', 'body']);
    expect(document).toEqual(withoutSignature);
  });

  it('writes the same text whatever order the settings object has its keys in', () => {
    const reversed = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).reverse()) as T;
    const acme = settings.brands[0]!;
    const shuffled = reversed({
      ...settings,
      brands: [reversed({ ...acme, handoff: reversed(acme.handoff) }), settings.brands[1]!],
      responseTargets: reversed(settings.responseTargets),
      replyTemplates: settings.replyTemplates.map(reversed),
    });
    expect(Object.keys(shuffled)[0]).toBe('savedReplies');
    expect(exportSettings(shuffled)).toBe(exportSettings(settings));
  });

  it('round-trips through parseSettingsImport', () => {
    // The signature is the install's: the file has none, so it reads back as none.
    expect(parseSettingsImport(exportSettings(settings))).toEqual({ ok: true, settings: unsigned });
    expect(parseSettingsImport(exportSettings(DEFAULT_SETTINGS))).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('names files by day', () => {
    expect(exportFileName(new Date(2025, 2, 9, 23, 59))).toBe('careside-settings-2025-03-09.json');
  });
});

describe('parseSettingsImport accepts', () => {
  it('a file starting with a UTF-8 byte order mark', () => {
    expect(parseSettingsImport(`\uFEFF${exportSettings(settings)}`)).toEqual({ ok: true, settings: unsigned });
  });

  it('"@handles" and "#hashtags", normalised, and omitted optional fields', () => {
    const result = parseSettingsImport(
      JSON.stringify({ version: 1, brands: [{ id: 'acme', name: 'Acme', handles: { x: ['@acme'] }, hashtags: ['#acme'] }] }),
    );
    expect(result).toEqual({
      ok: true,
      settings: {
        version: 1,
        brands: [
          {
            id: 'acme',
            name: 'Acme',
            industry: 'generic',
            aliases: [],
            handles: { x: ['acme'], facebook: [], yelp: [] },
            hashtags: ['acme'],
            exclusions: [],
            handoff: DEFAULT_HANDOFF_CONFIG,
          },
        ],
        agentSignature: '',
        responseTargets: DEFAULT_RESPONSE_TARGETS,
        backlogAgeHours: 24,
        spirals: DEFAULT_SPIRAL_SETTINGS,
        retention: { closedCaseDays: null },
        replyTemplates: [],
        savedReplies: [],
      },
    });
  });

  it('the sample file in examples/', () => {
    const result = parseSettingsImport(sample);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.brands.map((brand) => brand.name)).toContain('Acme Air');
    const acme = result.settings.brands.find((brand) => brand.id === 'acme-air')!;
    for (const platform of ['x', 'facebook', 'yelp'] as const) expect(acme.handles[platform].length).toBeGreaterThan(0);
    expect(acme.aliases.length).toBeGreaterThan(0);
    expect(acme.hashtags.length).toBeGreaterThan(0);
    expect(acme.exclusions.length).toBeGreaterThan(0);
    // It shows every private channel and at least one team template.
    expect(acme.handoff.facebook.messengerPage).toBeDefined();
    expect(acme.handoff.email?.subjectPrefix).toBeDefined();
    expect(acme.handoff.contactForm?.url).toMatch(/^https:\/\//);
    expect(result.settings.replyTemplates.length).toBeGreaterThan(0);
    // The sample is already in export form (no signature: that is each install's), so exporting it gives the same document back.
    expect(JSON.parse(exportSettings(result.settings))).toEqual(JSON.parse(sample));
  });
});

describe('parseSettingsImport refuses', () => {
  it('text that is not JSON, saying where', () => {
    expect(errorsOf('{\n  "version": 1,\n  "brands": [,]\n}')).toEqual([
      'The file is not valid JSON: unexpected ","; expected a value at line 3, column 14 (position 31).',
    ]);
    expect(errorsOf('{"version": 1, "brands": []')[0]).toMatch(/the file ends early; expected "," or "}" at line 1, column 28/);
    expect(errorsOf("{'version': 1}")[0]).toMatch(/expected a field name in double quotes at line 1, column 2/);
    expect(errorsOf('version: 1')[0]).toMatch(/^The file is not valid JSON: unexpected "v"; expected a value at line 1, column 1/);
    expect(errorsOf('{"version": 1} trailing')[0]).toMatch(/expected end of file at line 1, column 16/);
  });

  it('an empty file', () => {
    expect(errorsOf('')).toEqual(['The file is empty.']);
    expect(errorsOf('\uFEFF \n')).toEqual(['The file is empty.']);
  });

  it('a file larger than 1 MB, without parsing it', () => {
    const padding = ' '.repeat(2 * 1024 * 1024);
    expect(errorsOf(`${exportSettings(settings)}${padding}`)).toEqual(['The file is too large (2.0 MB); a settings file is at most 1 MB.']);
    // Multi-byte text counts in bytes, not characters.
    const accents = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1);
    expect(errorsOf(accents)[0]).toMatch(/too large/);
  });

  it('JSON that is not an object', () => {
    expect(errorsOf('[]')).toEqual(['settings: must be a JSON object like {"version": 1, "brands": [...]}']);
    expect(errorsOf('"settings"')).toHaveLength(1);
    expect(errorsOf('null')).toHaveLength(1);
  });

  it('a missing or wrong version', () => {
    expect(errorsOf(JSON.stringify({ brands: [] }))).toEqual([
      'version: is missing: this does not look like a CareSide settings file (expected "version": 1)',
    ]);
    expect(errorsOf(fileWith({ version: 2 }))).toEqual(['version: 2 is not supported: this CareSide reads version 1']);
    expect(errorsOf(fileWith({ version: '1' }))).toEqual(['version: "1" is not supported: this CareSide reads version 1']);
  });

  it('missing brands or brands that are not a list', () => {
    expect(errorsOf(JSON.stringify({ version: 1 }))).toEqual(['brands: is missing (expected a list of brands; it may be empty)']);
    expect(errorsOf(fileWith({ brands: { 'acme-air': {} } }))).toEqual(['brands: should be a list of brands']);
  });

  it('bad brand fields, each with its path', () => {
    expect(errorsOf(brandWith(1, { handles: { x: ['ok', '  '], facebook: [], yelp: [] } }))).toEqual([
      'brands[1].handles.x[1]: must not be empty',
    ]);
    expect(errorsOf(brandWith(0, { name: 42, aliases: 'AcmeAir', hashtags: [true] }))).toEqual([
      'brands[0].name: should be text, not a number',
      'brands[0].aliases: should be a list, not text',
      'brands[0].hashtags[0]: should be text, not a boolean',
    ]);
    expect(errorsOf(brandWith(0, { id: 'Acme Air' }))).toEqual(['brands[0].id: must be lowercase letters, digits and dashes']);
    expect(errorsOf(brandWith(0, { exclusions: ['x'.repeat(101)] }))).toEqual([
      'brands[0].exclusions[0]: is too long (at most 100 characters)',
    ]);
    expect(errorsOf(brandWith(0, { handles: { x: [], mastodon: ['acme'] } }))).toEqual(['brands[0].handles: unknown field "mastodon"']);
    const noName = settings.brands.map(({ name: _name, ...rest }) => rest);
    expect(errorsOf(fileWith({ brands: noName }))).toEqual([
      'brands[0].name: is missing (expected text)',
      'brands[1].name: is missing (expected text)',
    ]);
    expect(errorsOf(fileWith({ agentSignature: ['^Dana'], theme: 'dark' }))).toEqual([
      'agentSignature: should be text, not a list',
      'settings: unknown field "theme"',
    ]);
  });

  it('bad private channels, targets, spiral settings and templates, each with its path', () => {
    expect(
      errorsOf(
        brandWith(0, {
          handoff: {
            x: { dm: 'yes' },
            facebook: { messengerPage: 'ab' },
            email: { address: 'support at acme' },
            contactForm: { url: 'http://acmeair.example/contact', param: 'case id' },
          },
        }),
      ),
    ).toEqual([
      'brands[0].handoff.x.dm: should be true or false, not text',
      'brands[0].handoff.facebook.messengerPage: must be the Page username from m.me/<username>: 5 to 50 letters, digits or dots',
      'brands[0].handoff.email.address: must be a valid address like support@example.com',
      'brands[0].handoff.contactForm.url: must be an https:// URL (http, javascript:, data: and URLs with credentials are refused)',
      'brands[0].handoff.contactForm.param: must be a parameter name of letters, digits, "_", "." or "-"',
    ]);
    expect(errorsOf(fileWith({ responseTargets: { P1: 0, P2: 30, P3: 120, P4: 480 } }))).toEqual([
      'responseTargets.P1: must be at least 1',
    ]);
    expect(errorsOf(fileWith({ retention: { closedCaseDays: 0 } }))).toEqual(['retention.closedCaseDays: must be at least 1']);
    expect(errorsOf(fileWith({ retention: { closedCaseDays: 3651 } }))).toEqual(['retention.closedCaseDays: must be at most 3650']);
    expect(errorsOf(fileWith({ retention: { closedCaseDays: '30' } }))[0]).toMatch(/^retention\.closedCaseDays: /);
    expect(errorsOf(fileWith({ retention: { closedCaseDays: 30, openCaseDays: 5 } }))[0]).toMatch(/openCaseDays/);
    expect(errorsOf(fileWith({ responseTargets: { P1: 60, P2: 30, P3: 120, P4: 480 } }))).toEqual([
      'responseTargets: a lower priority cannot have a shorter target than a higher one (P1 <= P2 <= P3 <= P4)',
    ]);
    expect(errorsOf(fileWith({ spirals: { minSimilar: 5 } }))).toEqual(['spirals.windowMinutes: is missing (expected a number)']);
    const template = settings.replyTemplates[0]!;
    expect(errorsOf(fileWith({ replyTemplates: [{ ...template, body: 'Hi {firstname} {signature}', tone: 'snarky' }] }))).toEqual([
      'replyTemplates[0].tone: must be "warm" or "concise" or "formal"',
      'replyTemplates[0].body: Unknown template variable {firstname}. Known variables: {firstName}, {brand}, {signature}, {caseRef}, {handoffLink}, {channel}, {replyTime}.',
    ]);
  });

  it('duplicate template ids, naming the id and both places', () => {
    const template = settings.replyTemplates[0]!;
    expect(errorsOf(fileWith({ replyTemplates: [template, { ...template, kind: 'private' }] }))).toEqual([
      'replyTemplates[1].id: duplicate template id "acme-delay-x" (also used by replyTemplates[0]); each template needs its own id',
    ]);
  });

  it('duplicate brand ids, naming the id and both places', () => {
    expect(errorsOf(brandWith(1, { id: 'acme-air' }))).toEqual([
      'brands[1].id: duplicate brand id "acme-air" (also used by brands[0]); each brand needs its own id',
    ]);
  });

  it('prototype-pollution keys, without polluting anything', () => {
    const hostile =
      '{"version":1,"brands":[{"id":"acme","name":"Acme","__proto__":{"polluted":true}}],"constructor":{"prototype":{"polluted":true}}}';
    expect(errorsOf(hostile).sort()).toEqual([
      'brands[0]: field "__proto__" is not allowed',
      'settings: field "constructor" is not allowed',
    ]);
    expect(errorsOf('{"__proto__":{"version":1,"brands":[]}}')).toEqual([
      'version: is missing: this does not look like a CareSide settings file (expected "version": 1)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('too many brands', () => {
    const brands = Array.from({ length: 101 }, (_, index) => ({ id: `brand-${index}`, name: `Brand ${index}` }));
    expect(errorsOf(fileWith({ brands }))).toEqual(['brands: has too many entries (at most 100)']);
  });

  it('anything the schema refuses (cross-check on a sample of hostile values)', () => {
    const hostile = [brandWith(0, { id: '' }), brandWith(0, { handles: null }), fileWith({ brands: [null] })];
    for (const text of hostile) {
      expect(SettingsSchema.safeParse(JSON.parse(text)).success).toBe(false);
      expect(errorsOf(text).length).toBeGreaterThan(0);
    }
  });
});

describe('the learning layer in the settings file', () => {
  const learning = {
    format: LEARNING_EXPORT_FORMAT,
    corrections: [
      { postKey: 'x:1', label: 'not_complaint', source: 'click', at: 1_700_000_000_000, margin: 1.5, buckets: [3, 70, 65535] },
      { postKey: 'yelp:r-9', label: 'complaint', source: 'case', at: 1_700_000_100_000, margin: -0.25, buckets: [] },
    ],
  } satisfies LearningExport;

  it('is exported one correction per line and imports back with the settings', () => {
    const text = exportSettings(settings, learning);
    expect(text).toContain('\n      {"postKey":"x:1","label":"not_complaint"');
    const result = parseSettingsImport(text);
    expect(result).toEqual({ ok: true, settings: unsigned, learning });
    // Without corrections the file is the plain settings export.
    expect(exportSettings(settings, { format: LEARNING_EXPORT_FORMAT, corrections: [] })).toBe(exportSettings(settings));
    expect(parseSettingsImport(exportSettings(settings))).toEqual({ ok: true, settings: unsigned });
  });

  it('refuses a bad layer with a clear error naming where, and imports nothing', () => {
    const document = JSON.parse(exportSettings(settings, learning)) as { learning: { corrections: { label: string; margin: number }[] } };
    document.learning.corrections[1]!.label = 'maybe';
    document.learning.corrections[0]!.margin = 99;
    const result = parseSettingsImport(JSON.stringify(document));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toMatch(/learning\.corrections\[0\]\.margin/);
    expect(errors.join('\n')).toMatch(/learning\.corrections\[1\]\.label/);
  });
});

describe('the agent signature is the install’s', () => {
  it('is never exported; an older file that carries one imports, but the install keeps its own', () => {
    expect(JSON.parse(exportSettings(settings))).not.toHaveProperty('agentSignature');
    const old = parseSettingsImport(JSON.stringify({ ...withoutSignature, agentSignature: '^Old' }));
    expect(old.ok).toBe(true);
    if (!old.ok) return;
    const current = { ...settings, agentSignature: '^Mine' };
    expect(importedForInstall(old.settings, current)).toEqual({ ...settings, agentSignature: '^Mine' });
    expect(ignoredSignatureNote(old.settings, current)).toBe(
      'The file\'s agent signature "^Old" was not applied: signatures belong to each browser (yours stays "^Mine").',
    );
    expect(ignoredSignatureNote({ ...old.settings, agentSignature: '' }, current)).toBeNull();
  });

  it('tells a Spanish reader in Spanish, naming both signatures', () => {
    installLocaleMessages(fakeBrowser.i18n, 'es', 'es');
    const note = ignoredSignatureNote({ ...settings, agentSignature: '^Old' }, { ...settings, agentSignature: '^Mine' });
    expect(note).toBe('No se aplicó la firma de agente del archivo, «^Old»: cada navegador tiene la suya (la tuya sigue siendo «^Mine»).');
    expect(englishLeaks(note ?? '')).toEqual([]);
  });
});
