import { SETTINGS_VERSION, SettingsSchema, type Settings } from './schema';
import { issuesFromZod, type ValidationIssue } from '../validation/issues';
import { t } from '../i18n/t';

export type SettingsValidation = { ok: true; settings: Settings } | { ok: false; issues: ValidationIssue[] };

/** Keys that could reach an object's prototype if anything ever copied the value naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks iteratively so a deeply nested hostile file cannot overflow the stack. */
function findForbiddenKeys(root: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push({ path, message: t('settingsFile.forbiddenKey', { key: JSON.stringify(key) }) });
        } else {
          stack.push({ value: value[key], path: [...path, key] });
        }
      }
    }
  }
  return issues;
}

type DuplicateNoun = 'settingsFile.nounBrand' | 'settingsFile.nounTemplate' | 'settingsFile.nounSavedReply';

/** Ids used twice in a list, reported on the second use, naming the others (e.g. brands[0]). */
function findDuplicateIds(list: unknown, listKey: string, noun: DuplicateNoun): ValidationIssue[] {
  if (!Array.isArray(list)) return [];
  const indexesById = new Map<string, number[]>();
  list.forEach((item: unknown, index) => {
    if (!isPlainObject(item) || typeof item.id !== 'string') return;
    indexesById.set(item.id, [...(indexesById.get(item.id) ?? []), index]);
  });
  return [...indexesById]
    .filter(([, indexes]) => indexes.length > 1)
    .map(([id, indexes]) => ({
      path: [listKey, indexes[1]!, 'id'],
      message: t('settingsFile.duplicateId', {
        noun: t(noun),
        id: JSON.stringify(id),
        others: indexes
          .filter((index) => index !== indexes[1])
          .map((index) => `${listKey}[${index}]`)
          .join(', '),
      }),
    }));
}

/** Whole-file problems that make field-by-field errors pointless. */
function structuralIssues(value: unknown): ValidationIssue[] {
  if (!isPlainObject(value)) {
    return [{ path: [], message: t('settingsFile.notObject', { example: '{"version": 1, "brands": [...]}' }) }];
  }
  if (!('version' in value)) {
    return [
      {
        path: ['version'],
        message: t('settingsFile.noVersion', { version: String(SETTINGS_VERSION) }),
      },
    ];
  }
  if (value.version !== SETTINGS_VERSION) {
    return [
      {
        path: ['version'],
        message: t('settingsFile.badVersion', { value: String(JSON.stringify(value.version)), version: String(SETTINGS_VERSION) }),
      },
    ];
  }
  if (!('brands' in value)) return [{ path: ['brands'], message: t('settingsFile.noBrands') }];
  if (!Array.isArray(value.brands)) return [{ path: ['brands'], message: t('settingsFile.brandsNotList') }];
  return [];
}

/** zod can report one value twice (e.g. '' is both too short and off-pattern); the first says enough. */
function firstIssuePerPath(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify(issue.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The one check every settings value goes through (stored value, import file, options form).
 * Returns the normalised settings (e.g. "@handle" -> "handle") or readable issues with paths.
 */
export function validateSettings(value: unknown): SettingsValidation {
  const structural = structuralIssues(value);
  if (structural.length > 0) return { ok: false, issues: structural };
  const forbidden = findForbiddenKeys(value);
  if (forbidden.length > 0) return { ok: false, issues: forbidden };

  const { brands, replyTemplates, savedReplies } = value as { brands: unknown[]; replyTemplates?: unknown; savedReplies?: unknown };
  const duplicates = [
    ...findDuplicateIds(brands, 'brands', 'settingsFile.nounBrand'),
    // Templates are edited and ranked by id, so two with one id would shadow each other.
    ...findDuplicateIds(replyTemplates, 'replyTemplates', 'settingsFile.nounTemplate'),
    ...findDuplicateIds(savedReplies, 'savedReplies', 'settingsFile.nounSavedReply'),
  ];
  const parsed = SettingsSchema.safeParse(value);
  if (parsed.success && duplicates.length === 0) return { ok: true, settings: parsed.data };

  const schemaIssues = parsed.success
    ? []
    : issuesFromZod(parsed.error, value).filter(
        // The schema's own uniqueness refinement names no id; findDuplicateIds says which.
        (issue) => !(issue.path.length === 1 && issue.path[0] === 'brands' && /unique/.test(issue.message)),
      );
  return { ok: false, issues: firstIssuePerPath([...schemaIssues, ...duplicates]) };
}
