import { isOpenStatus, type Case } from '../domain/case';
import type { CaseFacts } from '../db/schema';
import { clockStartOf } from '../workflow/clock';
import { clockStoppedAt, DEFAULT_PRIORITY } from '../workflow/targets';

/**
 * How facts, counts and the assignee filter name an assignee: trimmed and lower-cased (the filter
 * is case-insensitive, whole name); '' for nobody.
 */
export function assigneeKey(assignee: string | null | undefined): string {
  return assignee?.trim().toLowerCase() ?? '';
}

/** The indexed projection of a case (see CaseFacts); written with the case in one transaction. */
export function factsOf(c: Case): CaseFacts {
  const clockStart = clockStartOf(c);
  const open = isOpenStatus(c.status);
  const stoppedAt = clockStoppedAt(c);
  const facts: CaseFacts = {
    id: c.id,
    platform: c.platform,
    brandIds: [...c.brandIds],
    status: c.status,
    priority: c.priority ?? DEFAULT_PRIORITY,
    createdAt: c.createdAt,
    clockStart,
    assignee: assigneeKey(c.assignee),
  };
  if (c.category !== undefined) facts.category = c.category;
  if (c.firstResponseAt !== undefined) facts.firstResponseAt = c.firstResponseAt;
  if (c.resolvedAt !== undefined) facts.resolvedAt = c.resolvedAt;
  if (stoppedAt !== undefined) facts.stoppedAt = stoppedAt;
  if (open && c.firstResponseAt === undefined) facts.awaitingSince = clockStart;
  if (open && c.followUpAt !== undefined) facts.followUpAt = c.followUpAt;
  if (c.notified !== undefined) facts.notified = { ...c.notified };
  return facts;
}
