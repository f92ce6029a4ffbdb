import type { Case } from '../domain/case';
import { CLOCKED_FIELDS, type ClockedField, type FieldClocks } from '../domain/sync-fields';
import { canonicalJson } from './canonical';
import { legacyEpoch, legacyStamp, mergeCases } from './case-merge';
import { parseStamp, formatStamp, UNNAMED_AGENT, ZERO_STAMP, type Stamp } from './hlc';

/** The status travels with these; a change to any of them is a change of the status. */
const STATUS_PARTS = ['status', 'outcome', 'resolvedAt', 'closedAt', 'statusEpoch'] as const;

/**
 * What `agent` may write over `parent` (the revision its write replaces) for a case it holds
 * as `local`: the team database accepts a case-field change only under a stamp of the writer
 * (couchdb/validate_doc_update.js). So every mergeable field of `local` that is stamped by
 * another agent and differs from `parent` keeps `parent`'s value and stamp; that agent's own
 * install writes it (the values are not lost: they stay in this install's store and in the
 * revisions they came from). A field stamped before this install had a team name ("0" from
 * the timeline, "local") was changed here, so it is written under `agent`'s name at the same time.
 * Without a parent, another agent's fields go back to unset.
 *
 * The result merged over `parent` changes no field except under `agent`'s stamp.
 */
export function authoredCase(parent: Case | undefined, local: Case, agent: string): Case {
  const masked: Case = { ...local, clocks: { ...local.clocks }, statusEpoch: local.statusEpoch ?? legacyEpoch(local) };
  const clocks = masked.clocks as FieldClocks;
  for (const field of CLOCKED_FIELDS) {
    const stamp = local.clocks?.[field] ?? legacyStamp(local, field);
    const owner = parseStamp(stamp).agent;
    if (owner === agent) clocks[field] = stamp;
    else if (stamp !== ZERO_STAMP && (owner === '0' || owner === UNNAMED_AGENT)) clocks[field] = renamed(stamp, agent);
    else if (parent) copyField(masked, parent, field);
    else if (stamp === ZERO_STAMP) clocks[field] = ZERO_STAMP;
    else unsetField(masked, field);
  }
  return parent ? mergeCases(parent, masked) : masked;
}

/** Whether merging `other` into `base` changes nothing (`base` holds all `other` says). */
export function holdsAll(base: Case, other: Case): boolean {
  return canonicalJson(withoutEntries(mergeCases(base, other))) === canonicalJson(withoutEntries(base));
}

function withoutEntries(item: Case): Case {
  const { events: _events, notes: _notes, ...rest } = item;
  return rest;
}

function renamed(stamp: Stamp, agent: string): Stamp {
  const { wall, counter } = parseStamp(stamp);
  return formatStamp({ wall, counter, agent });
}

function copyField(target: Case, source: Case, field: ClockedField): void {
  const parts = field === 'status' ? STATUS_PARTS : ([field] as const);
  for (const part of parts) setOrDelete(target, part, source[part]);
  if (field === 'status') target.statusEpoch = source.statusEpoch ?? 0;
  (target.clocks as FieldClocks)[field] = source.clocks?.[field] ?? ZERO_STAMP;
}

function unsetField(target: Case, field: ClockedField): void {
  if (field === 'status') {
    target.status = 'new';
    for (const part of ['outcome', 'resolvedAt', 'closedAt'] as const) delete target[part];
    target.statusEpoch = 0;
  } else delete target[field];
  (target.clocks as FieldClocks)[field] = ZERO_STAMP;
}

function setOrDelete<K extends keyof Case>(target: Case, key: K, value: Case[K] | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}
