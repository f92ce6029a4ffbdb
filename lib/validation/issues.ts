import { t } from '../i18n/t';
import type { z } from './zod';
import { sameItems } from '../util/arrays';

/** One problem with a value (settings, an import row), at a path such as ['brands', 2, 'handles', 'x', 0]. */
export interface ValidationIssue {
  path: readonly (string | number)[];
  message: string;
}

/** Turns a path into a label for people; the default is the JSON path ("brands[2].handles.x[0]"). */
export type PathLabeler = (path: readonly (string | number)[]) => string;

/** ['brands', 2, 'handles', 'x', 0] -> "brands[2].handles.x[0]"; [] -> "settings". */
export function jsonPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'settings';
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? part : `${text}.${part}`;
  }, '');
}

export function formatIssue(issue: ValidationIssue, label: PathLabeler = jsonPath): string {
  return `${label(issue.path)}: ${issue.message}`;
}

function typeName(expected: string): string {
  switch (expected) {
    case 'array':
      return t('validation.type.list');
    case 'string':
      return t('validation.type.text');
    case 'object':
      return t('validation.type.object');
    case 'number':
    case 'int':
      return t('validation.type.number');
    case 'boolean':
      return t('validation.type.boolean');
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('validation.type.list');
  if (typeof value === 'string') return t('validation.type.text');
  if (typeof value === 'object') return t('validation.type.object');
  if (typeof value === 'boolean') return t('validation.value.boolean');
  return typeof value === 'number' ? t('validation.type.number') : `a ${typeof value}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/**
 * Rewrite zod's issues as short sentences for people. `input` is the value that was
 * validated, so "missing" and "got a number" can be told apart.
 */
export function issuesFromZod(error: z.ZodError, input: unknown): ValidationIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    return { path, message: describeZodIssue(issue, valueAt(input, issue.path)) };
  });
}

function mustBeOneOf(values: readonly unknown[]): string {
  return t('validation.oneOf', { values: values.map((allowed) => JSON.stringify(allowed)).join(t('validation.or')) });
}

function describeZodIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return t('validation.missing', { expected: typeName(issue.expected) });
      return t('validation.wrongType', { expected: typeName(issue.expected), actual: describeValue(value) });
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('validation.notEmpty') : t('validation.minChars', { min: String(issue.minimum) });
      }
      if (issue.origin === 'array') return t('validation.minEntries', { min: String(issue.minimum) });
      return t('validation.atLeast', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: String(issue.maximum) });
      if (issue.origin === 'array') return t('validation.maxEntries', { max: String(issue.maximum) });
      return t('validation.atMost', { max: String(issue.maximum) });
    case 'unrecognized_keys':
      return t('validation.unknownFields', issue.keys.length, { fields: issue.keys.map((key) => JSON.stringify(key)).join(', ') });
    case 'invalid_value':
      return mustBeOneOf(issue.values);
    case 'invalid_union': {
      // A union of fixed values (a category or "any") reads as one list of allowed values.
      const branches = issue.errors.flat();
      if (branches.length > 0 && branches.every((branch) => branch.code === 'invalid_value' && branch.path.length === 0)) {
        return mustBeOneOf(branches.flatMap((branch) => (branch.code === 'invalid_value' ? branch.values : [])));
      }
      return issue.message;
    }
    default:
      // Our own refinements (e.g. the brand id pattern) already carry a readable message.
      return issue.message;
  }
}

/** Messages of the issues at exactly `path`, for showing next to that field. */
export function messagesAt(issues: readonly ValidationIssue[], path: readonly (string | number)[]): string[] {
  return issues.filter((issue) => sameItems(issue.path, path)).map((issue) => issue.message);
}

/** Messages of the issues at `path` or below it (a list field's entries), for showing next to that field. */
export function messagesUnder(issues: readonly ValidationIssue[], path: readonly (string | number)[]): string[] {
  return issues
    .filter((issue) => issue.path.length >= path.length && sameItems(issue.path.slice(0, path.length), path))
    .map((issue) => issue.message);
}
