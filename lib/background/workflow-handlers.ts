import type { CaseChange, CaseRepository, EditGuard } from '../cases/repository';
import { toPageCase } from '../domain/page-case';
import type { PostKey } from '../domain/post';
import type { HandlerContext, MessageHandlers } from '../messaging/server';
import type { CaseEdit } from '../domain/case-views';
import type { CaseStore } from './case-store';
import type { CaseQueryFilter } from '../cases/query';
import type { Teammate } from '../cases/teammate-search';
import type { TargetsSource } from './targets';

type WorkflowMessage =
  | 'cases/recordEvent'
  | 'cases/brandReplySeen'
  | 'cases/transition'
  | 'cases/resolve'
  | 'cases/undoResolve'
  | 'cases/attention'
  | 'cases/query'
  | 'cases/stats'
  | 'cases/get'
  | 'cases/edit'
  | 'cases/bulkUpdate'
  | 'cases/import';

export interface WorkflowHandlerDeps {
  store: CaseStore;
  onChanged: (postKeys: PostKey[]) => void;
  now: () => number;
  targets: TargetsSource;
  /** The configured brands (a CSV import names them; cases store their ids). */
  brands?: () => Promise<readonly { id: string; name: string }[]>;
  /** This agent and the team's, so a search for a teammate's name finds the cases assigned to them. */
  teammates?: () => Promise<readonly Teammate[]>;
}

/** Handlers for the case workflow: lifecycle moves, timeline, edits, dashboard reads, import. */
export function createWorkflowHandlers({
  store,
  onChanged,
  now,
  targets,
  brands,
  teammates,
}: WorkflowHandlerDeps): Pick<MessageHandlers, WorkflowMessage> {
  // Names are resolved against the roster as it is now, so a rename is found at once (teammate-search.ts).
  const withTeammates = async (filter: CaseQueryFilter): Promise<CaseQueryFilter> =>
    filter.search?.trim() && teammates ? { ...filter, teammates: await teammates() } : filter;
  const change = async <T extends CaseChange>(work: (repository: CaseRepository) => Promise<T>): Promise<T> => {
    const result = await store.use(work);
    if (result.changed) onChanged([result.case.postKey]);
    return result;
  };
  return {
    'cases/recordEvent': async ({ caseId, event, transitionTo }, ctx) => {
      const result = await change((repository) => repository.recordEvent(caseId, event, now(), transitionTo, guardOf(ctx)));
      return { case: toPageCase(result.case) };
    },
    'cases/brandReplySeen': async ({ caseId, by }, ctx) => {
      const result = await change((repository) => repository.noteBrandReplySeen(caseId, by, now(), guardOf(ctx)));
      return { case: toPageCase(result.case), changed: result.changed };
    },
    'cases/transition': async ({ caseId, to, outcome }, ctx) => {
      const result = await change((repository) => repository.transition(caseId, to, now(), outcome, guardOf(ctx)));
      return { case: toPageCase(result.case), changed: result.changed };
    },
    'cases/resolve': async ({ caseId, resolution }) => {
      const result = await change((repository) => repository.resolve(caseId, resolution, now()));
      return { case: result.case, undo: result.undo };
    },
    'cases/undoResolve': async ({ undo }) => {
      const result = await change((repository) => repository.undoResolve(undo, now()));
      return { case: result.case };
    },
    'cases/edit': ({ caseId, edit }) => change((repository) => applyEdit(repository, caseId, edit, now())),
    'cases/bulkUpdate': async ({ target, change }) => {
      const resolved = 'filter' in target ? { ...target, filter: await withTeammates(target.filter) } : target;
      const { postKeys, ...result } = await store.use((repository) => repository.bulkUpdate(resolved, change, now()));
      if (postKeys.length > 0) onChanged(postKeys);
      return result;
    },
    'cases/attention': async () => {
      const current = await targets.current();
      return store.use((repository) => repository.attention(now(), current));
    },
    'cases/query': async ({ filter, offset, limit }) => {
      const resolved = await withTeammates(filter);
      return store.use((repository) => repository.query(resolved, offset, limit));
    },
    'cases/stats': async ({ filter, timeZone }) => {
      const current = await targets.current();
      const resolved = await withTeammates(filter);
      return store.use((repository) => repository.stats(resolved, { now: now(), targets: current, timeZone: checkedZone(timeZone) }));
    },
    'cases/get': async (payload) => {
      const found = await store.use((repository) =>
        'caseId' in payload ? repository.byId(payload.caseId) : repository.byRef(payload.ref),
      );
      return { case: found ?? null };
    },
    'cases/import': async ({ text, format, timeZone }) => {
      const parse = {
        brands: brands ? await brands() : [],
        ...(format ? { format } : {}),
        ...(timeZone ? { timeZone: checkedZone(timeZone) } : {}),
      };
      const result = await store.use((repository) => repository.importCases(text, now(), parse));
      if (result.postKeys.length > 0) onChanged(result.postKeys);
      return { report: result.report, summary: result.summary };
    },
  };
}

function applyEdit(repository: CaseRepository, caseId: string, edit: CaseEdit, at: number): Promise<CaseChange> {
  switch (edit.kind) {
    case 'note':
      return repository.addNote(caseId, { text: edit.text, author: edit.author }, at);
    case 'assignee':
      return repository.setAssignee(caseId, edit.assignee, at);
    case 'tags':
      return repository.setTags(caseId, edit.tags, at);
    case 'followUp':
      return repository.setFollowUp(caseId, edit.followUpAt, at);
    case 'snooze':
      return repository.snooze(caseId, edit.option, at);
    case 'priority':
      return repository.setPriority(caseId, edit.priority, at);
  }
}

/** A content script may only change cases from the site its tab is on. */
export function guardOf(ctx: HandlerContext): EditGuard {
  return ctx.senderKind === 'content' ? { platform: ctx.sitePlatform ?? null } : {};
}

/** An unknown zone falls back to UTC rather than failing the stats. */
function checkedZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
