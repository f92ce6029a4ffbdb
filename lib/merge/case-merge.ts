import { STATUS_LABELS, type Case, type CaseStatus } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import { MAX_ALIAS_REFS, type ClockedField, type FieldClocks } from '../domain/sync-fields';
import { canonicalJson } from './canonical';
import { compareText, mergeEvents, mergeNotes } from './events';
import { formatStamp, parseStamp, ZERO_STAMP, type Stamp } from './hlc';

/**
 * One case from two copies of the same post (two installs, an import, a replication conflict).
 *
 * The rules make merge a join: merge(a, b) = merge(b, a), merge(a, merge(b, c)) =
 * merge(merge(a, b), c), and merging a merged case with itself changes nothing, so every
 * install that has seen the same copies holds the same case whatever order they arrived in.
 *
 * - Identity: the copy logged first (then the smaller ref) keeps its id and ref; every other
 *   ref becomes an alias that still finds the case.
 * - Status: the later reopen generation wins (each move to a lower rank starts one); within a
 *   generation the higher rank wins (closed > resolved > responded, handed off, waiting > new),
 *   then the later clock stamp. So a case resolved on one install is not sent back by a
 *   teammate's concurrent "responded", nor by another install's fresh "new" copy of the post,
 *   while an explicit reopen made after seeing the resolve does win. Outcome, resolvedAt and
 *   closedAt travel with the status they belong to.
 * - Assignee, priority, follow-up, tags: the last writer by stamp (ties by agent id, then by
 *   value; tags tied on the stamp are unioned).
 * - Timeline and notes: set union by id (lib/merge/events.ts).
 * - Computed fields (post, triage, category): the fuller copy, by a fixed order.
 */
export function mergeCases(a: Case, b: Case): Case {
  if (a.postKey !== b.postKey) throw new Error(`Cannot merge cases of different posts (${a.postKey}, ${b.postKey})`);
  const first = compareIdentity(a, b) <= 0 ? a : b;
  const status = maxBy(statusRegister(a), statusRegister(b), compareStatus);
  const clocks: FieldClocks = { status: status.stamp };
  const merged: Case = {
    id: first.id,
    ref: first.ref,
    postKey: a.postKey,
    platform: a.platform,
    post: maxBy(a.post, b.post, comparePosts),
    brandIds: sortedUnion(a.brandIds, b.brandIds),
    status: status.value.status,
    createdAt: Math.min(a.createdAt, b.createdAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
  assignDefined(merged, 'outcome', status.value.outcome);
  assignDefined(merged, 'resolvedAt', status.value.resolvedAt);
  assignDefined(merged, 'closedAt', status.value.closedAt);
  assignDefined(merged, 'firstResponseAt', minDefined(a.firstResponseAt, b.firstResponseAt));
  assignDefined(merged, 'triage', maxDefined(a.triage, b.triage));
  assignDefined(merged, 'category', maxDefined(a.category, b.category));
  assignDefined(merged, 'notified', mergeNotified(a.notified, b.notified));

  for (const field of ['assignee', 'priority', 'followUpAt'] as const) {
    const winner = maxBy(fieldRegister(a, field), fieldRegister(b, field), compareRegisters);
    clocks[field] = winner.stamp;
    assignDefined(merged, field, winner.value as never);
  }
  const tags = mergeTags(fieldRegister(a, 'tags'), fieldRegister(b, 'tags'));
  clocks.tags = tags.stamp;
  if (tags.value && tags.value.length > 0) merged.tags = tags.value;

  const notes = mergeNotes(a.notes, b.notes);
  if (notes.length > 0) merged.notes = notes;
  const events = mergeEvents(a.events, b.events);
  if (events.length > 0) merged.events = events;
  merged.clocks = clocks;
  merged.statusEpoch = status.epoch;
  const aliases = aliasRefsOf(a, b, merged.ref);
  if (aliases.length > 0) merged.aliasRefs = aliases;
  return merged;
}

/**
 * A timeline entry describing the status conflict `mergeCases` settled between two copies, or
 * null when there was none. Everything in it comes from the two copies (the time is the later
 * write's), so every install that settles the same conflict writes the very same entry.
 */
export function statusConflictEvent(a: Case, b: Case, merged: Case): CaseEvent | null {
  const left = statusRegister(a);
  const right = statusRegister(b);
  if (left.value.status === right.value.status) return null;
  // A copy whose status nobody ever set (a fresh "new" from logging the post) is no rival choice.
  if (left.stamp === ZERO_STAMP || right.stamp === ZERO_STAMP) return null;
  const kept = merged.status === left.value.status ? left : right;
  const dropped = kept === left ? right : left;
  const detail = `Status: kept ${STATUS_LABELS[kept.value.status]} (${agentOf(kept.stamp)}) over ${STATUS_LABELS[dropped.value.status]} (${agentOf(dropped.stamp)})`;
  const at = Math.max(parseStamp(kept.stamp).wall, parseStamp(dropped.stamp).wall);
  return { at, type: 'conflict_resolved', detail, id: `conflict-${kept.stamp}-${dropped.stamp}`.slice(0, 100) };
}

// ---- registers ----

interface Register<V> {
  value: V;
  stamp: Stamp;
}

interface StatusValue {
  status: CaseStatus;
  outcome?: Case['outcome'];
  resolvedAt?: number | undefined;
  closedAt?: number | undefined;
}

interface StatusRegister extends Register<StatusValue> {
  epoch: number;
}

/** new 0 < responded, handed off, waiting 1 < resolved 2 < closed 3. */
export const STATUS_RANK: Readonly<Record<CaseStatus, number>> = {
  new: 0,
  responded: 1,
  handed_off: 1,
  waiting_on_customer: 1,
  resolved: 2,
  closed: 3,
};

/** Which events stamped a field on cases stored before clocks existed. */
const FIELD_EVENTS: Readonly<Record<ClockedField, readonly CaseEvent['type'][]>> = {
  status: ['status_changed'],
  assignee: ['assigned'],
  priority: ['priority_changed'],
  followUpAt: ['follow_up_set', 'snoozed'],
  tags: ['tagged'],
};

function statusRegister(item: Case): StatusRegister {
  const value: StatusValue = { status: item.status };
  if (item.outcome !== undefined) value.outcome = item.outcome;
  if (item.resolvedAt !== undefined) value.resolvedAt = item.resolvedAt;
  if (item.closedAt !== undefined) value.closedAt = item.closedAt;
  return { value, stamp: item.clocks?.status ?? legacyStamp(item, 'status'), epoch: item.statusEpoch ?? legacyEpoch(item) };
}

function fieldRegister<F extends Exclude<ClockedField, 'status'>>(item: Case, field: F): Register<Case[F]> {
  return { value: item[field], stamp: item.clocks?.[field] ?? legacyStamp(item, field) };
}

/** A case from before clocks: the field's last timeline entry dates its value (agent "0"); none, the zero stamp. */
export function legacyStamp(item: Case, field: ClockedField): Stamp {
  const types = FIELD_EVENTS[field];
  let at: number | undefined;
  for (const event of item.events ?? []) if (types.includes(event.type) && (at === undefined || event.at > at)) at = event.at;
  return at === undefined ? ZERO_STAMP : formatStamp({ wall: at, counter: 0, agent: '0' });
}

/** A case from before clocks: its reopen generation is the number of moves down in rank its timeline shows. */
export function legacyEpoch(item: Case): number {
  const byLabel = new Map(Object.entries(STATUS_LABELS).map(([status, label]) => [label, status as CaseStatus]));
  let epoch = 0;
  for (const event of item.events ?? []) {
    if (event.type !== 'status_changed' || !event.detail) continue;
    const match = /^(.+?) → (.+?)(?: \(|$)/.exec(event.detail);
    const from = match ? byLabel.get(match[1]!) : undefined;
    const to = match ? byLabel.get(match[2]!) : undefined;
    if (from !== undefined && to !== undefined && STATUS_RANK[to] < STATUS_RANK[from]) epoch += 1;
  }
  return epoch;
}

function compareStatus(a: StatusRegister, b: StatusRegister): number {
  return (
    a.epoch - b.epoch ||
    STATUS_RANK[a.value.status] - STATUS_RANK[b.value.status] ||
    compareText(a.stamp, b.stamp) ||
    compareText(canonicalJson(a.value), canonicalJson(b.value))
  );
}

function compareRegisters<V>(a: Register<V>, b: Register<V>): number {
  return compareText(a.stamp, b.stamp) || compareText(canonicalJson(a.value ?? null), canonicalJson(b.value ?? null));
}

/** Last writer by stamp; two sets written at the same stamp (copies from before clocks) are unioned. */
function mergeTags(a: Register<string[] | undefined>, b: Register<string[] | undefined>): Register<string[] | undefined> {
  const order = compareText(a.stamp, b.stamp);
  if (order > 0) return { value: a.value ? [...a.value].sort(compareText) : undefined, stamp: a.stamp };
  if (order < 0) return { value: b.value ? [...b.value].sort(compareText) : undefined, stamp: b.stamp };
  return { value: sortedUnion(a.value ?? [], b.value ?? []), stamp: a.stamp };
}

// ---- helpers ----

function compareIdentity(a: Case, b: Case): number {
  return a.createdAt - b.createdAt || compareText(a.ref, b.ref) || compareText(a.id, b.id);
}

/** A post read whole beats a cut one, then the longer text, then a fixed order. */
function comparePosts(a: Case['post'], b: Case['post']): number {
  return Number(!a.truncated) - Number(!b.truncated) || a.text.length - b.text.length || compareText(canonicalJson(a), canonicalJson(b));
}

function maxBy<T>(a: T, b: T, compare: (x: T, y: T) => number): T {
  return compare(a, b) >= 0 ? a : b;
}

function maxDefined<T>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

function mergeNotified(a: Case['notified'], b: Case['notified']): Case['notified'] {
  if (!a) return b;
  if (!b) return a;
  const merged: NonNullable<Case['notified']> = {};
  for (const key of ['nearing', 'breached', 'followUp'] as const) assignDefined(merged, key, maxNumber(a[key], b[key]));
  return merged;
}

function maxNumber(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

function sortedUnion(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort(compareText);
}

function aliasRefsOf(a: Case, b: Case, kept: string): string[] {
  const all = sortedUnion([a.ref, ...(a.aliasRefs ?? [])], [b.ref, ...(b.aliasRefs ?? [])]).filter((ref) => ref !== kept);
  return all.slice(0, MAX_ALIAS_REFS);
}

function agentOf(stamp: Stamp): string {
  const agent = stamp.slice(15);
  return agent === '0' ? 'before sync' : agent;
}

function assignDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
