import type { SavedReply } from '../replies/saved-replies';
import type { ReplyTemplate } from '../replies/templates';
import { emptyHandoffDraft, handoffDraftFrom, handoffInputFromDraft, type HandoffDraft } from './handoff-draft';
import type { ValidationIssue } from '../validation/issues';
import { t } from '../i18n/t';
import { validateSettings, type SettingsValidation } from './validate';
import type { Brand, BrandInput } from '../domain/brand';
import { normalizeHandle } from '../domain/brand-handles';
import { DEFAULT_INDUSTRY, type Industry } from '../domain/industry';
import { SETTINGS_VERSION, type Settings, type SettingsInput } from './schema';
import {
  isNumberFieldPath,
  retentionDraftFrom,
  retentionInputFromDraft,
  spiralsDraftFrom,
  spiralsInputFromDraft,
  targetsDraftFrom,
  targetsInputFromDraft,
  wholeNumberMessage,
  wholeNumberOrText,
  type RetentionDraft,
  type SpiralsDraft,
  type TargetsDraft,
} from './workflow-draft';

/**
 * The options form edits settings as plain strings (one entry per textarea line, numbers
 * as typed); these helpers convert between that form state and Settings.
 */
export interface BrandDraft {
  /** Stable React key; not saved. */
  key: string;
  /** The saved id; null for a brand not saved yet, whose id is made from its name on save. */
  id: string | null;
  name: string;
  industry: Industry;
  aliases: string;
  handlesX: string;
  handlesFacebook: string;
  handlesYelp: string;
  hashtags: string;
  exclusions: string;
  handoff: HandoffDraft;
}

export interface SettingsDraft {
  brands: BrandDraft[];
  agentSignature: string;
  responseTargets: TargetsDraft;
  /** Hours, as typed. */
  backlogAgeHours: string;
  spirals: SpiralsDraft;
  retention: RetentionDraft;
  /** Each one already checked by the template editor; the whole list is validated again on save. */
  replyTemplates: ReplyTemplate[];
  /** Each brand's saved replies, checked by their editor; validated again on save. */
  savedReplies: SavedReply[];
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
    industry: brand.industry,
    aliases: listToLines(brand.aliases),
    handlesX: listToLines(brand.handles.x),
    handlesFacebook: listToLines(brand.handles.facebook),
    handlesYelp: listToLines(brand.handles.yelp),
    hashtags: listToLines(brand.hashtags),
    exclusions: listToLines(brand.exclusions),
    handoff: handoffDraftFrom(brand.handoff),
  };
}

export function emptyBrandDraft(): BrandDraft {
  return {
    key: nextKey(),
    id: null,
    name: '',
    industry: DEFAULT_INDUSTRY,
    aliases: '',
    handlesX: '',
    handlesFacebook: '',
    handlesYelp: '',
    hashtags: '',
    exclusions: '',
    handoff: emptyHandoffDraft(),
  };
}

export function draftFromSettings(settings: Settings): SettingsDraft {
  return {
    brands: settings.brands.map(draftFromBrand),
    agentSignature: settings.agentSignature,
    responseTargets: targetsDraftFrom(settings.responseTargets),
    backlogAgeHours: String(settings.backlogAgeHours),
    spirals: spiralsDraftFrom(settings.spirals),
    retention: retentionDraftFrom(settings.retention),
    replyTemplates: settings.replyTemplates,
    savedReplies: settings.savedReplies,
  };
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

/** Settings input as the form produces it: number fields may still hold text the user typed. */
export type SettingsDraftInput = Omit<SettingsInput, 'responseTargets' | 'backlogAgeHours' | 'spirals' | 'retention'> & {
  responseTargets: ReturnType<typeof targetsInputFromDraft>;
  backlogAgeHours: number | string;
  spirals: ReturnType<typeof spiralsInputFromDraft>;
  retention: ReturnType<typeof retentionInputFromDraft>;
};

/** Form state -> unvalidated settings input (validate with validateSettings before saving). */
export function settingsInputFromDraft(draft: SettingsDraft): SettingsDraftInput {
  const ids = resolveDraftIds(draft.brands);
  const brands: BrandInput[] = draft.brands.map((brand, index) => ({
    id: ids[index] ?? '',
    name: brand.name.trim(),
    industry: brand.industry,
    aliases: linesToList(brand.aliases),
    handles: {
      x: linesToList(brand.handlesX),
      facebook: linesToList(brand.handlesFacebook),
      yelp: linesToList(brand.handlesYelp),
    },
    hashtags: linesToList(brand.hashtags),
    exclusions: linesToList(brand.exclusions),
    handoff: handoffInputFromDraft(brand.handoff),
  }));
  return {
    version: SETTINGS_VERSION,
    brands,
    agentSignature: draft.agentSignature.trim(),
    responseTargets: targetsInputFromDraft(draft.responseTargets),
    backlogAgeHours: wholeNumberOrText(draft.backlogAgeHours),
    spirals: spiralsInputFromDraft(draft.spirals),
    retention: retentionInputFromDraft(draft.retention),
    replyTemplates: draft.replyTemplates,
    savedReplies: draft.savedReplies,
  };
}

/**
 * Validate the form. A new brand's id comes from its name, so a problem with that id is
 * reported on the name, which is what the user can change.
 */
export function checkDraft(draft: SettingsDraft): SettingsValidation {
  const input = settingsInputFromDraft(draft);
  const result = validateSettings(input);
  const handles = handleIssues(draft);
  if (result.ok) return handles.length === 0 ? result : { ok: false, issues: handles };
  const issues: ValidationIssue[] = handles.filter((issue) => !result.issues.some((other) => samePath(other.path, issue.path)));
  for (const issue of result.issues) {
    const [root, index, field] = issue.path;
    // Text the user typed (not a number) fails on its type: say what to type instead.
    if (isNumberFieldPath(issue.path) && typeof numberFieldText(input, issue.path) === 'string') {
      issues.push({ path: issue.path, message: wholeNumberMessage() });
      continue;
    }
    const brand = root === 'brands' && typeof index === 'number' ? draft.brands[index] : undefined;
    if (!brand || brand.id !== null || field !== 'id' || issue.path.length !== 3) {
      issues.push(issue);
    } else if (brand.name.trim() !== '') {
      issues.push({ path: ['brands', index!, 'name'], message: t('draftCheck.idFromName') });
    } // An empty name already has its own issue.
  }
  return { ok: false, issues };
}

/** What the form put at a number field's path: a number, or the text typed when it was not one. */
function numberFieldText(input: SettingsDraftInput, path: readonly (string | number)[]): unknown {
  const [root, field] = path;
  if (root === 'backlogAgeHours') return input.backlogAgeHours;
  const group = root === 'responseTargets' ? input.responseTargets : root === 'spirals' ? input.spirals : input.retention;
  return (group as Record<string, unknown>)[String(field)];
}

const HANDLE_FIELDS = { x: 'handlesX', facebook: 'handlesFacebook', yelp: 'handlesYelp' } as const;

/** Each handle line that is no handle for its site ("@Acme Air Help", a page's full address elsewhere). */
function handleIssues(draft: SettingsDraft): ValidationIssue[] {
  return draft.brands.flatMap((brand, index) =>
    (Object.keys(HANDLE_FIELDS) as (keyof typeof HANDLE_FIELDS)[]).flatMap((platform) =>
      linesToList(brand[HANDLE_FIELDS[platform]]).flatMap((line, position) => {
        const checked = normalizeHandle(platform, line);
        return 'error' in checked ? [{ path: ['brands', index, 'handles', platform, position], message: checked.error }] : [];
      }),
    ),
  );
}

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.length === b.length && a.every((key, at) => key === b[at]);
