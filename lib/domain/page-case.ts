import { lazySchema, z } from '../validation/zod';
import { CaseSchema, type Case } from './case';
import { CaseEventSchema, type CaseEventType } from './case-event';
import { CASE_LIMITS } from './limits';

/**
 * Event types whose detail a tab may read: the ones tabs write themselves (replies, handoffs) and
 * status moves. Notes, assignees, tags, follow-ups and reminders carry what the team wrote down
 * about the customer; a web page's content script never receives those words.
 */
const PAGE_DETAIL_EVENTS: ReadonlySet<CaseEventType> = new Set([
  'logged',
  'status_changed',
  'reply_suggested',
  'reply_inserted',
  'reply_copied',
  'handed_off',
  'priority_changed',
  'brand_reply_seen',
]);

/**
 * What a content script learns about a case: enough to show it beside its post and work the reply
 * and handoff, nothing private. No notes, assignee, tags, follow-up or reminder state, and a
 * timeline whose private entries keep only their type and time. A tab could be running next to a
 * hostile page script; anything sent here may end up in that page's DOM.
 */
export const PageCaseSchema = lazySchema(() =>
  CaseSchema.pick({
    id: true,
    ref: true,
    postKey: true,
    platform: true,
    post: true,
    brandIds: true,
    status: true,
    createdAt: true,
    updatedAt: true,
    priority: true,
    category: true,
    triage: true,
    firstResponseAt: true,
    resolvedAt: true,
    closedAt: true,
    outcome: true,
  })
    .extend({ events: z.array(CaseEventSchema).max(CASE_LIMITS.events).optional() })
    .strict(),
);
export type PageCase = z.infer<typeof PageCaseSchema>;

/** Stored fields a tab never receives. */
type PrivateField = 'notes' | 'assignee' | 'tags' | 'followUpAt' | 'notified' | 'clocks' | 'statusEpoch' | 'aliasRefs';
/** A new Case field fails to compile here until it is named shown (PageCaseSchema) or private (PrivateField). */
const everyFieldDecided: Exclude<keyof Case, keyof PageCase | PrivateField> extends never ? true : never = true;
void everyFieldDecided;

/** The page view of a stored case (see PageCaseSchema). */
export function toPageCase(item: Case): PageCase {
  const {
    notes: _notes,
    assignee: _assignee,
    tags: _tags,
    followUpAt: _followUp,
    notified: _notified,
    clocks: _clocks,
    statusEpoch: _epoch,
    aliasRefs: _aliases,
    events,
    ...shown
  } = item;
  return {
    ...shown,
    ...(events
      ? {
          // Who did what stays off the page, like the assignee.
          events: events.map(({ detail, by: _by, ...event }) =>
            detail !== undefined && PAGE_DETAIL_EVENTS.has(event.type) ? { ...event, detail } : event,
          ),
        }
      : {}),
  };
}
