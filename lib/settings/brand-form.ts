import { jsonPath, type PathLabeler, type SettingsIssue } from './issues';
import { validateSettings, type SettingsValidation } from './validate';
import { SETTINGS_VERSION, type Brand, type BrandInput, type Settings, type SettingsInput } from './schema';

/**
 * The options form edits brands as plain strings (one entry per textarea line);
 * these helpers convert between that form state and Settings.
 */
export interface BrandDraft {
  /** Stable React key; not saved. */
  key: string;
  /** The saved id; null for a brand not saved yet, whose id is made from its name on save. */
  id: string | null;
  name: string;
  aliases: string;
  handlesX: string;
  handlesFacebook: string;
  handlesYelp: string;
  hashtags: string;
  exclusions: string;
}

export interface SettingsDraft {
  brands: BrandDraft[];
  agentSignature: string;
}

/** Textarea text -> entries: one per line, trimmed, blank lines dropped. */
export function linesToList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function listToLines(list: readonly string[]): string {
  return list.join('\n');
}

/** "Café Acme Air!" -> "cafe-acme-air"; '' when the name has no letters or digits. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90)
    .replace(/-+$/, '');
}

/** base, or base-2, base-3... whichever is not taken yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

let draftCounter = 0;
function nextKey(): string {
  draftCounter += 1;
  return `brand-draft-${draftCounter}`;
}

export function draftFromBrand(brand: Brand): BrandDraft {
  return {
    key: nextKey(),
    id: brand.id,
    name: brand.name,
    aliases: listToLines(brand.aliases),
    handlesX: listToLines(brand.handles.x),
    handlesFacebook: listToLines(brand.handles.facebook),
    handlesYelp: listToLines(brand.handles.yelp),
    hashtags: listToLines(brand.hashtags),
    exclusions: listToLines(brand.exclusions),
  };
}

export function emptyBrandDraft(): BrandDraft {
  return {
    key: nextKey(),
    id: null,
    name: '',
    aliases: '',
    handlesX: '',
    handlesFacebook: '',
    handlesYelp: '',
    hashtags: '',
    exclusions: '',
  };
}

export function draftFromSettings(settings: Settings): SettingsDraft {
  return { brands: settings.brands.map(draftFromBrand), agentSignature: settings.agentSignature };
}

/** The id a draft will be saved under: its saved id, or one made from its name that no other brand uses. */
export function resolveDraftIds(drafts: readonly BrandDraft[]): string[] {
  const taken = new Set(drafts.flatMap((draft) => (draft.id === null ? [] : [draft.id])));
  return drafts.map((draft) => {
    if (draft.id !== null) return draft.id;
    const slug = slugFromName(draft.name);
    if (slug === '') return '';
    const id = uniqueId(slug, taken);
    taken.add(id);
    return id;
  });
}

/** Form state -> unvalidated settings input (validate with validateSettings before saving). */
export function settingsInputFromDraft(draft: SettingsDraft): SettingsInput {
  const ids = resolveDraftIds(draft.brands);
  const brands: BrandInput[] = draft.brands.map((brand, index) => ({
    id: ids[index] ?? '',
    name: brand.name.trim(),
    aliases: linesToList(brand.aliases),
    handles: {
      x: linesToList(brand.handlesX),
      facebook: linesToList(brand.handlesFacebook),
      yelp: linesToList(brand.handlesYelp),
    },
    hashtags: linesToList(brand.hashtags),
    exclusions: linesToList(brand.exclusions),
  }));
  return { version: SETTINGS_VERSION, brands, agentSignature: draft.agentSignature.trim() };
}

const FIELD_LABELS: Record<string, string> = {
  id: 'id (made from the name)',
  name: 'Name',
  aliases: 'Aliases',
  hashtags: 'Hashtags',
  exclusions: 'Exclusions',
};
const HANDLE_LABELS: Record<string, string> = { x: 'X handles', facebook: 'Facebook pages', yelp: 'Yelp businesses' };

/**
 * Labels issue paths in the form's words: ['brands', 1, 'handles', 'x', 0] ->
 * 'Brand 2 "Acme Air", X handles entry 1'. Entries, not lines: blank lines are dropped.
 */
export function draftPathLabeler(draft: SettingsDraft): PathLabeler {
  return (path) => {
    const [root, brandIndex, ...rest] = path;
    if (root === 'agentSignature') return 'Agent signature';
    if (root !== 'brands') return jsonPath(path);
    if (typeof brandIndex !== 'number') return 'Brands';
    const name = draft.brands[brandIndex]?.name.trim();
    const brand = `Brand ${brandIndex + 1}${name ? ` "${name}"` : ''}`;
    if (rest.length === 0) return brand;
    const [field, second, third] = rest;
    const isHandle = field === 'handles';
    const label = isHandle ? (HANDLE_LABELS[String(second)] ?? 'Handles') : (FIELD_LABELS[String(field)] ?? String(field));
    const entry = isHandle ? third : second;
    return `${brand}, ${label}${typeof entry === 'number' ? ` entry ${entry + 1}` : ''}`;
  };
}

/**
 * Validate the form. A new brand's id comes from its name, so a problem with that id is
 * reported on the name, which is what the user can change.
 */
export function checkDraft(draft: SettingsDraft): SettingsValidation {
  const result = validateSettings(settingsInputFromDraft(draft));
  if (result.ok) return result;
  const issues: SettingsIssue[] = [];
  for (const issue of result.issues) {
    const [root, index, field] = issue.path;
    const brand = root === 'brands' && typeof index === 'number' ? draft.brands[index] : undefined;
    if (!brand || brand.id !== null || field !== 'id' || issue.path.length !== 3) {
      issues.push(issue);
    } else if (brand.name.trim() !== '') {
      issues.push({ path: ['brands', index!, 'name'], message: 'needs at least one letter or digit (the brand id is made from it)' });
    } // An empty name already has its own issue.
  }
  return { ok: false, issues };
}
