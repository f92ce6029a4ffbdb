import type { Case } from '../domain/case';
import { PRIORITIES } from '../domain/triage';
import type { CaseDb, CaseFacts } from '../db/schema';
import { DEFAULT_MAX_ALARMS, type ReminderCase } from '../workflow/reminders';
import { DEFAULT_RESPONSE_TARGETS, nearingWindowMs, targetMsFor, type ResponseTargets } from '../workflow/targets';
import { settle } from './tx';

/** Most cases one reminder pass looks at after a long pause (e.g. a week with the browser closed). */
export const MAX_CATCH_UP_CASES = 1_000;

/**
 * Cases with a reminder that fell due in (since, now]: for priority P a case awaiting a first
 * response nears at clockStart + T - W and breaches at clockStart + T + 1, so each is one
 * key range on case_facts' [priority, awaitingSince] index; follow-ups are a range on followUpAt.
 * Plus any `alsoIds` (cases just edited, whose reminders may now be due at once).
 */
export async function casesWithRemindersDue(
  db: CaseDb,
  since: number,
  now: number,
  targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS,
  alsoIds: readonly string[] = [],
  limit: number = MAX_CATCH_UP_CASES,
): Promise<Case[]> {
  if (now <= since && alsoIds.length === 0) return [];
  const tx = db.transaction(['case_facts', 'cases'], 'readonly');
  const facts = tx.objectStore('case_facts');
  return settle(tx, async () => {
    const lists: Promise<string[]>[] = [];
    if (now > since) {
      for (const priority of PRIORITIES) {
        const targetMs = targetMsFor(priority, targets);
        const windowMs = nearingWindowMs(targetMs);
        const awaitingIn = (offset: number) =>
          facts
            .index('priority_awaitingSince')
            .getAllKeys(IDBKeyRange.bound([priority, since - offset], [priority, now - offset], true, false), limit);
        lists.push(awaitingIn(targetMs + 1), awaitingIn(targetMs - windowMs));
      }
      lists.push(facts.index('followUpAt').getAllKeys(IDBKeyRange.bound(since, now, true, false), limit));
    }
    const ids = [...new Set([...alsoIds, ...(await Promise.all(lists)).flat()])].slice(0, limit);
    const found = await Promise.all(ids.map((id) => tx.objectStore('cases').get(id)));
    return found.filter((item): item is Case => item !== undefined);
  });
}

/**
 * Enough reminder candidates to fill the earliest `max` alarms after `now`, read from
 * case_facts alone: per priority the next cases to near and to breach, and the next follow-ups.
 */
export async function upcomingReminderCases(
  db: CaseDb,
  now: number,
  targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS,
  max: number = DEFAULT_MAX_ALARMS,
): Promise<ReminderCase[]> {
  const tx = db.transaction('case_facts', 'readonly');
  const facts = tx.store;
  const lists = await settle(tx, () => {
    const reads: Promise<CaseFacts[]>[] = [];
    for (const priority of PRIORITIES) {
      const targetMs = targetMsFor(priority, targets);
      const after = (offset: number) =>
        facts.index('priority_awaitingSince').getAll(IDBKeyRange.bound([priority, now - offset], [priority, Infinity], true, false), max);
      reads.push(after(targetMs + 1), after(targetMs - nearingWindowMs(targetMs)));
    }
    reads.push(facts.index('followUpAt').getAll(IDBKeyRange.lowerBound(now, true), max));
    return Promise.all(reads);
  });
  const byId = new Map<string, CaseFacts>();
  for (const item of lists.flat()) byId.set(item.id, item);
  return [...byId.values()].map(reminderCaseOf);
}

/** What lib/workflow/reminders needs, from the facts: the clock start stands in for createdAt. */
export function reminderCaseOf(facts: CaseFacts): ReminderCase {
  const awaiting = facts.awaitingSince !== undefined;
  return {
    id: facts.id,
    ref: '',
    status: facts.status,
    createdAt: facts.clockStart,
    updatedAt: facts.clockStart,
    priority: facts.priority,
    firstResponseAt: awaiting ? undefined : (facts.firstResponseAt ?? facts.clockStart),
    followUpAt: facts.followUpAt,
    notified: facts.notified,
  };
}
