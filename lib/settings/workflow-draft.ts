import { PRIORITIES, type Priority } from '../domain/triage';
import { t } from '../i18n/t';
import type { ResponseTargets } from '../workflow/targets';
import type { RetentionSettings, SpiralSettings } from './schema';

/** Number inputs are edited as text so a half-typed or cleared value is not lost or coerced. */
export type TargetsDraft = Record<Priority, string>;
export interface SpiralsDraft {
  minSimilar: string;
  windowMinutes: string;
}

/** Shown for any number field whose text is not a whole number. */
export const wholeNumberMessage = (): string => t('draftCheck.wholeNumber');

/** "15" -> 15; anything else (blank, "1.5", "ten") stays text so validation reports it at its path. */
export function wholeNumberOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function targetsDraftFrom(targets: ResponseTargets): TargetsDraft {
  return { P1: String(targets.P1), P2: String(targets.P2), P3: String(targets.P3), P4: String(targets.P4) };
}

export function targetsInputFromDraft(draft: TargetsDraft): Record<Priority, number | string> {
  return Object.fromEntries(PRIORITIES.map((priority) => [priority, wholeNumberOrText(draft[priority])])) as Record<
    Priority,
    number | string
  >;
}

export function spiralsDraftFrom(spirals: SpiralSettings): SpiralsDraft {
  return { minSimilar: String(spirals.minSimilar), windowMinutes: String(spirals.windowMinutes) };
}

export function spiralsInputFromDraft(draft: SpiralsDraft): Record<keyof SpiralsDraft, number | string> {
  return { minSimilar: wholeNumberOrText(draft.minSimilar), windowMinutes: wholeNumberOrText(draft.windowMinutes) };
}

/** Days to keep closed cases, as typed; blank means keep them. */
export interface RetentionDraft {
  closedCaseDays: string;
}

export function retentionDraftFrom(retention: RetentionSettings): RetentionDraft {
  return { closedCaseDays: retention.closedCaseDays === null ? '' : String(retention.closedCaseDays) };
}

export function retentionInputFromDraft(draft: RetentionDraft): { closedCaseDays: number | string | null } {
  const text = draft.closedCaseDays.trim();
  return { closedCaseDays: text === '' ? null : wholeNumberOrText(text) };
}

/** Paths of the settings' number fields, whose type errors read wholeNumberMessage(). */
export function isNumberFieldPath(path: readonly (string | number)[]): boolean {
  const [root, field] = path;
  if (root === 'backlogAgeHours') return path.length === 1;
  if (path.length !== 2 || typeof field !== 'string') return false;
  if (root === 'responseTargets') return (PRIORITIES as readonly string[]).includes(field);
  if (root === 'retention') return field === 'closedCaseDays';
  return root === 'spirals' && (field === 'minSimilar' || field === 'windowMinutes');
}
