import { checkDraft, draftFromSettings, type BrandDraft } from './brand-form';
import { draftPathLabeler } from './draft-labels';
import type { Settings } from './schema';
import { formatIssue, type ValidationIssue } from '../validation/issues';

/** Where the new brand's issues sit: ['brands', firstBrandIndex(stored), …]. */
export const firstBrandIndex = (stored: Settings): number => stored.brands.length;

export type FirstBrandCheck = { ok: true; settings: Settings } | { ok: false; issues: ValidationIssue[]; messages: string[] };

/**
 * The welcome page's brand, added to the stored settings and checked exactly as the options
 * page checks its form (checkDraft: handles normalised or refused, id made from the name).
 * Whatever else is stored (signature, targets, templates, other brands) is kept as it is.
 */
export function checkFirstBrand(stored: Settings, brand: BrandDraft): FirstBrandCheck {
  const current = draftFromSettings(stored);
  const draft = { ...current, brands: [...current.brands, brand] };
  const checked = checkDraft(draft);
  if (checked.ok) return checked;
  const label = draftPathLabeler(draft);
  return { ok: false, issues: checked.issues, messages: checked.issues.map((issue) => formatIssue(issue, label)) };
}
