import { OPEN_STATUSES, type Case } from '../domain/case';
import { PRIORITIES, type Priority } from '../domain/triage';
import type { CaseDb } from '../db/schema';
import { DEFAULT_RESPONSE_TARGETS, nearingWindowMs, targetMsFor, type ResponseTargets } from '../workflow/targets';
import { readCounts } from './counts';
import { settle, sum } from './tx';

/** How many breaching cases the popup lists. */
export const BREACHING_LIST_SIZE = 5;

export interface BreachingCase {
  case: Case;
  /** First-response deadline (epoch ms). */
  dueAt: number;
  /** How far past the deadline it is at `now`. */
  overdueMs: number;
}

export interface Attention {
  /** Open cases per priority (a case without a priority counts as P3). */
  byPriority: Record<Priority, number>;
  /** Open cases past their first-response target. */
  breachingCount: number;
  /** Open cases in the last stretch before their target. */
  nearingCount: number;
  /** Highest priority first (P1 before P2...), then the most overdue; only open cases still waiting. */
  breaching: BreachingCase[];
}

/**
 * What needs attention first, without counting every case (a count is a scan in Chromium):
 * open cases per priority come from the kept counts; a case still waiting for a first response
 * breaches once now > clockStart + target, so the breaching ones are the kept "awaiting" count
 * minus the few whose awaitingSince lies within the last target period (one short range count).
 */
export async function attentionSummary(
  db: CaseDb,
  now: number,
  targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS,
  listSize: number = BREACHING_LIST_SIZE,
): Promise<Attention> {
  const tx = db.transaction(['case_facts', 'case_counts', 'cases'], 'readonly');
  const awaiting = tx.objectStore('case_facts').index('priority_awaitingSince');
  const cases = tx.objectStore('cases');

  return settle(tx, async () => {
    const counts = await readCounts(tx.objectStore('case_counts'));
    const perPriority = await Promise.all(
      PRIORITIES.map(async (priority) => {
        const targetMs = targetMsFor(priority, targets);
        const [withinTarget, nearing, oldest] = await Promise.all([
          awaiting.count(withinTargetRange(priority, now, targetMs)),
          awaiting.count(IDBKeyRange.bound([priority, now - targetMs], [priority, now - targetMs + nearingWindowMs(targetMs)])),
          // Ascending awaitingSince: the longest-waiting, i.e. most overdue, come first.
          listSize > 0 ? awaiting.getAll(breachingRange(priority, now, targetMs), listSize) : Promise.resolve([]),
        ]);
        const open = sum(OPEN_STATUSES.map((status) => counts.get(`status_priority:${status}:${priority}`) ?? 0));
        const breaching = Math.max(0, (counts.get(`awaiting:${priority}`) ?? 0) - withinTarget);
        return { priority, targetMs, open, breaching, nearing, oldest };
      }),
    );

    // By priority first (every P1 breach before any P2), then the most overdue.
    const candidates = perPriority
      .flatMap(({ priority, targetMs, oldest }) =>
        oldest.map((facts) => ({ facts, rank: PRIORITIES.indexOf(priority), dueAt: facts.clockStart + targetMs })),
      )
      .map((item) => ({ ...item, overdueMs: now - item.dueAt }))
      .sort((a, b) => a.rank - b.rank || b.overdueMs - a.overdueMs || a.facts.id.localeCompare(b.facts.id))
      .slice(0, listSize);
    const loaded = await Promise.all(candidates.map((item) => cases.get(item.facts.id)));
    const breaching: BreachingCase[] = [];
    candidates.forEach((item, i) => {
      const found = loaded[i];
      if (found) breaching.push({ case: found, dueAt: item.dueAt, overdueMs: item.overdueMs });
    });

    return {
      byPriority: Object.fromEntries(perPriority.map((row) => [row.priority, row.open])) as Record<Priority, number>,
      breachingCount: sum(perPriority.map((row) => row.breaching)),
      nearingCount: sum(perPriority.map((row) => row.nearing)),
      breaching,
    };
  });
}

/** Open cases past their target, for the badge colour. */
export async function breachingCount(db: CaseDb, now: number, targets: ResponseTargets = DEFAULT_RESPONSE_TARGETS): Promise<number> {
  const tx = db.transaction(['case_facts', 'case_counts'], 'readonly');
  const awaiting = tx.objectStore('case_facts').index('priority_awaitingSince');
  return settle(tx, async () => {
    const counts = await readCounts(tx.objectStore('case_counts'));
    const within = await Promise.all(
      PRIORITIES.map((priority) => awaiting.count(withinTargetRange(priority, now, targetMsFor(priority, targets)))),
    );
    return sum(PRIORITIES.map((priority, i) => Math.max(0, (counts.get(`awaiting:${priority}`) ?? 0) - (within[i] ?? 0))));
  });
}

/** awaitingSince in [-inf, now - target): the deadline clockStart + target is already behind us. */
function breachingRange(priority: Priority, now: number, targetMs: number): IDBKeyRange {
  return IDBKeyRange.bound([priority, -Infinity], [priority, now - targetMs], false, true);
}

/** awaitingSince in [now - target, +inf]: still within the target (the complement of breachingRange). */
function withinTargetRange(priority: Priority, now: number, targetMs: number): IDBKeyRange {
  return IDBKeyRange.bound([priority, now - targetMs], [priority, Infinity]);
}
