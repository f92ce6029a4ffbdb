import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from './schema';
import sample from '../../examples/settings.sample.json?raw';
import { exportFileName, exportSettings, MAX_IMPORT_BYTES, parseSettingsImport } from './io';

const settings: Settings = {
  version: 1,
  brands: [
    {
      id: 'acme-air',
      name: 'Acme Air',
      aliases: ['AcmeAir', 'Acme Airlines'],
      handles: { x: ['AcmeAir'], facebook: ['AcmeAirlines'], yelp: ['acme-air-sf'] },
      hashtags: ['FlyAcme'],
      exclusions: ['Acme Air Museum'],
    },
    {
      id: 'acme-rewards',
      name: 'Acme Rewards',
      aliases: [],
      handles: { x: [], facebook: [], yelp: [] },
      hashtags: [],
      exclusions: [],
    },
  ],
  agentSignature: '^Dana',
};

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

describe('exportSettings', () => {
  it('writes pretty JSON in exactly the documented shape and field order', () => {
    const text = exportSettings(settings);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "brands": [\n');
    const document = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual(['version', 'brands', 'agentSignature']);
    const brand = (document.brands as Record<string, unknown>[])[0]!;
    expect(Object.keys(brand)).toEqual(['id', 'name', 'aliases', 'handles', 'hashtags', 'exclusions']);
    expect(Object.keys(brand.handles as object)).toEqual(['x', 'facebook', 'yelp']);
    expect(document).toEqual(settings);
  });

  it('round-trips through parseSettingsImport', () => {
    expect(parseSettingsImport(exportSettings(settings))).toEqual({ ok: true, settings });
    expect(parseSettingsImport(exportSettings(DEFAULT_SETTINGS))).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('names files by day', () => {
    expect(exportFileName(new Date(2025, 2, 9, 23, 59))).toBe('careside-settings-2025-03-09.json');
  });
});

describe('parseSettingsImport accepts', () => {
  it('a file starting with a UTF-8 byte order mark', () => {
    expect(parseSettingsImport(`\uFEFF${exportSettings(settings)}`)).toEqual({ ok: true, settings });
  });

  it('"@handles" and "#hashtags", normalised, and omitted optional fields', () => {
    const result = parseSettingsImport(
      JSON.stringify({ version: 1, brands: [{ id: 'acme', name: 'Acme', handles: { x: ['@acme'] }, hashtags: ['#acme'] }] }),
    );
    expect(result).toEqual({
      ok: true,
      settings: {
        version: 1,
        brands: [{ id: 'acme', name: 'Acme', aliases: [], handles: { x: ['acme'], facebook: [], yelp: [] }, hashtags: ['acme'], exclusions: [] }],
        agentSignature: '',
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
    // The sample is already in export form, so exporting it gives the same document back.
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
    expect(errorsOf(`${exportSettings(settings)}${padding}`)).toEqual([
      'The file is too large (2.0 MB); a settings file is at most 1 MB.',
    ]);
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
    expect(errorsOf(brandWith(0, { id: 'Acme Air' }))).toEqual(['brands[0].id: brand id: lowercase letters, digits and dashes']);
    expect(errorsOf(brandWith(0, { exclusions: ['x'.repeat(101)] }))).toEqual([
      'brands[0].exclusions[0]: is too long (at most 100 characters)',
    ]);
    expect(errorsOf(brandWith(0, { handles: { x: [], mastodon: ['acme'] } }))).toEqual([
      'brands[0].handles: unknown field "mastodon"',
    ]);
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

  it('duplicate brand ids, naming the id and both places', () => {
    expect(errorsOf(brandWith(1, { id: 'acme-air' }))).toEqual([
      'brands[1].id: duplicate brand id "acme-air" (also used by brands[0]); each brand needs its own id',
    ]);
  });

  it('prototype-pollution keys, without polluting anything', () => {
    const hostile = '{"version":1,"brands":[{"id":"acme","name":"Acme","__proto__":{"polluted":true}}],"constructor":{"prototype":{"polluted":true}}}';
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
