import { CASE_OUTCOMES, CASE_STATUSES, STATUS_LABELS, type CaseOutcome, type CaseStatus } from '../domain/case';
import { PLATFORMS, type Platform } from '../domain/post';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../domain/triage';
import { OUTCOME_LABELS } from '../workflow/fields';

/** Platform names people use (the codes x, facebook, yelp are for machines). */
export const PLATFORM_NAMES: Record<Platform, string> = { x: 'X', facebook: 'Facebook', yelp: 'Yelp' };

const normal = (text: string) => text.trim().toLowerCase();

function reverse<T extends string>(codes: readonly T[], labels: Record<T, string>, aliases: Record<string, T> = {}): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(normal(code), code);
    map.set(normal(labels[code]), code);
  }
  for (const [alias, code] of Object.entries(aliases)) map.set(normal(alias), code);
  return map;
}

const STATUS_BY_LABEL = reverse<CaseStatus>(CASE_STATUSES, STATUS_LABELS);
const OUTCOME_BY_LABEL = reverse<CaseOutcome>(CASE_OUTCOMES, OUTCOME_LABELS);
const CATEGORY_BY_LABEL = reverse<CategoryId>(CATEGORY_IDS, CATEGORY_LABELS);
const PLATFORM_BY_NAME = reverse<Platform>(PLATFORMS, PLATFORM_NAMES, { twitter: 'x', 'x / twitter': 'x', 'x (twitter)': 'x' });

/** The code for a label or code ("Handed off" or "handed_off"), any case; undefined when unknown. */
export const statusFromLabel = (text: string) => STATUS_BY_LABEL.get(normal(text));
export const outcomeFromLabel = (text: string) => OUTCOME_BY_LABEL.get(normal(text));
export const categoryFromLabel = (text: string) => CATEGORY_BY_LABEL.get(normal(text));
export const platformFromName = (text: string) => PLATFORM_BY_NAME.get(normal(text));
