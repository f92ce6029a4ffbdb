import { CASE_LIMITS } from '../../lib/domain/limits';
import { backlogMark } from '../common/backlog-text';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CASE_OUTCOMES, isOpenStatus, type Case, type CaseOutcome } from '../../lib/domain/case';
import { PRIORITIES, type Priority } from '../../lib/domain/triage';
import { sendMessage } from '../../lib/messaging/client';
import type { CaseEdit } from '../../lib/domain/case-views';
import { caseKeys } from '../../lib/queries/cases';
import { caseByRefQuery } from '../../lib/queries/workflow';
import { SNOOZE_OPTIONS } from '../../lib/workflow/reminders';
import { formatDuration, targetState, type ResponseTargets, type TargetState } from '../../lib/workflow/targets';
import { postedAtOf } from '../../lib/workflow/clock';
import { TRANSITIONS, timeToFirstResponseMs, timeToResolutionMs, type TransitionTarget } from '../../lib/workflow/transitions';
import { PLATFORM_LABELS } from '../common/labels';
import { CaseTimeline } from './CaseTimeline';
import { AssigneeField } from './AssigneeField';
import { AuthorLabel } from '../common/AuthorLabel';
import { DeleteCase } from './DeleteCase';
import { EarlierCases } from './EarlierCases';
import { storedReasonLine } from '../../lib/triage/reason-line';
import { t } from '../../lib/i18n/t';
import { formatDateTime } from '../../lib/i18n/format';
import { outcomeLabel, priorityLabel, statusLabel } from '../../lib/domain/labels';

interface CaseViewProps {
  onClose: () => void;
  /** The case was deleted (the view closes). */
  onDeleted: (ref: string) => void;
  now: number;
  targets: ResponseTargets;
  /** Posts older than this many hours are marked backlog. */
  backlogAgeHours?: number | undefined;
}

/** The case a row or a `#case=` link selected, with every workflow action. */
export function CaseDetail({ caseRef, ...view }: CaseViewProps & { caseRef: string }) {
  const found = useQuery(caseByRefQuery(caseRef));
  if (found.isPending) return <aside className="dash-detail dash-muted">{t('dashboard.detail.loading', { ref: caseRef })}</aside>;
  if (found.isError) {
    return (
      <aside className="dash-detail" role="alert">
        {t('dashboard.detail.loadFailed', { ref: caseRef, error: found.error.message })}
      </aside>
    );
  }
  if (!found.data) {
    return (
      <aside className="dash-detail">
        <p>{t('dashboard.detail.noCase', { ref: caseRef })}</p>
        <button type="button" onClick={view.onClose}>
          {t('dashboard.detail.close')}
        </button>
      </aside>
    );
  }
  return <CaseDetailView key={found.data.id} item={found.data} {...view} />;
}

function useCaseMutations(item: Case) {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: caseKeys.all });
  const transition = useMutation({
    mutationFn: ({ to, outcome }: { to: TransitionTarget; outcome?: CaseOutcome }) =>
      sendMessage('cases/transition', { caseId: item.id, to, ...(outcome ? { outcome } : {}) }),
    onSuccess: invalidate,
  });
  const edit = useMutation({
    mutationFn: (change: CaseEdit) => sendMessage('cases/edit', { caseId: item.id, edit: change }),
    onSuccess: invalidate,
  });
  return { transition, edit };
}

export function CaseDetailView({ item, onClose, onDeleted, now, targets, backlogAgeHours }: CaseViewProps & { item: Case }) {
  const { transition, edit } = useCaseMutations(item);
  const [outcome, setOutcome] = useState<CaseOutcome>('resolved');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState((item.tags ?? []).join(', '));
  const [followUp, setFollowUp] = useState(item.followUpAt ? toLocalInput(item.followUpAt) : '');
  const target = targetState(item, now, targets);
  const firstResponse = timeToFirstResponseMs(item);
  const postedAt = postedAtOf(item);
  const resolution = timeToResolutionMs(item);
  const moves = TRANSITIONS[item.status].filter((to) => to !== 'closed');
  const error = transition.error ?? edit.error;

  return (
    <aside className="dash-detail" aria-labelledby="dash-detail-heading" data-testid="dashboard-case" data-case-ref={item.ref}>
      <header className="dash-detail-header">
        <h2 id="dash-detail-heading">
          <span className="dash-ref">{item.ref}</span> · {statusLabel(item.status)}
          {item.outcome && ` (${outcomeLabel(item.outcome)})`}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('dashboard.detail.closeDetails')}>
          ×
        </button>
      </header>
      <p>
        <AuthorLabel post={item.post} /> {t('dashboard.detail.on', { platform: PLATFORM_LABELS[item.platform] })} ·{' '}
        <a href={item.post.url} target="_blank" rel="noopener noreferrer">
          {t('dashboard.detail.openPost')}
        </a>
      </p>
      {/* Post text is hostile page content: React text only. */}
      <blockquote className="dash-post-text">{item.post.text}</blockquote>
      {item.post.truncated ? (
        <p className="dash-muted" data-testid="case-post-truncated">
          {t('dashboard.detail.shortened')}
        </p>
      ) : null}
      {/* Stored in English (stored data): worded in the reader's language when its parts can be read back. */}
      {item.triage && (
        <p className="dash-muted" data-testid="case-reason">
          {storedReasonLine(item.triage.explanation)}
        </p>
      )}

      <dl className="dash-facts">
        <dt>{t('dashboard.detail.logged')}</dt>
        <dd>{formatDateTime(item.createdAt)}</dd>
        {postedAt !== undefined && (
          <>
            <dt>{t('dashboard.detail.posted')}</dt>
            <dd>
              {formatDateTime(postedAt)}
              <BacklogNote mark={backlogMark(item, now, backlogAgeHours)} />
            </dd>
          </>
        )}
        <dt>{t('dashboard.detail.firstResponse')}</dt>
        <dd data-testid="dashboard-first-response">{firstResponseText(item, target, firstResponse)}</dd>
        <dt>{t('dashboard.detail.resolution')}</dt>
        <dd>
          {resolution === undefined
            ? t('dashboard.detail.notResolved')
            : t('dashboard.detail.after', { duration: formatDuration(resolution) })}
        </dd>
      </dl>

      <div className="dash-actions" aria-label={t('dashboard.detail.moveCase')}>
        {moves.map((to) => (
          <button
            key={to}
            type="button"
            data-testid={`dashboard-transition-${to}`}
            disabled={transition.isPending}
            onClick={() => transition.mutate({ to })}
          >
            {statusLabel(to)}
          </button>
        ))}
        {(item.status === 'resolved' || item.status === 'closed') && (
          <button type="button" data-testid="dashboard-transition-reopen" onClick={() => transition.mutate({ to: 'reopen' })}>
            {t('dashboard.detail.reopen')}
          </button>
        )}
        {item.status !== 'closed' && (
          <span className="dash-close">
            <select
              aria-label={t('dashboard.detail.outcome')}
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as CaseOutcome)}
            >
              {CASE_OUTCOMES.map((value) => (
                <option key={value} value={value}>
                  {outcomeLabel(value)}
                </option>
              ))}
            </select>
            <button type="button" data-testid="dashboard-transition-closed" onClick={() => transition.mutate({ to: 'closed', outcome })}>
              {t('dashboard.detail.close')}
            </button>
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="dash-error">
          {error.message}
        </p>
      )}

      <div className="dash-edit-grid">
        <label>
          {t('dashboard.detail.priority')}
          <select
            value={item.priority ?? ''}
            onChange={(event) => edit.mutate({ kind: 'priority', priority: event.target.value as Priority })}
          >
            {item.priority === undefined && <option value="">{t('dashboard.detail.notSet')}</option>}
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {priorityLabel(priority)}
              </option>
            ))}
          </select>
        </label>
        <AssigneeField item={item} onAssign={(assignee) => edit.mutate({ kind: 'assignee', assignee })} />
        <form onSubmit={(event) => (event.preventDefault(), edit.mutate({ kind: 'tags', tags: splitTags(tags) }))}>
          <label>
            {t('dashboard.detail.tags')}{' '}
            <input value={tags} placeholder={t('dashboard.detail.tagsExample')} onChange={(event) => setTags(event.target.value)} />
          </label>
          <button type="submit">{t('dashboard.detail.save')}</button>
        </form>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const at = followUp ? new Date(followUp).getTime() : NaN;
            edit.mutate({ kind: 'followUp', followUpAt: Number.isFinite(at) ? at : null });
          }}
        >
          <label>
            {t('dashboard.detail.followUp')}{' '}
            <input type="datetime-local" value={followUp} onChange={(event) => setFollowUp(event.target.value)} />
          </label>
          <button type="submit">{t('dashboard.detail.set')}</button>
          {SNOOZE_OPTIONS.map((option) => (
            <button key={option} type="button" onClick={() => edit.mutate({ kind: 'snooze', option })}>
              {t('dashboard.detail.snooze', { option: t(`snooze.${option}`) })}
            </button>
          ))}
        </form>
      </div>

      <section aria-labelledby="dash-notes-heading">
        <h3 id="dash-notes-heading">{t('dashboard.detail.notes')}</h3>
        <ul className="dash-notes">
          {(item.notes ?? []).map((entry) => (
            <li key={entry.id}>
              <span className="dash-muted">{formatDateTime(entry.createdAt)}</span> {entry.text}
            </li>
          ))}
        </ul>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (note.trim()) edit.mutate({ kind: 'note', text: note.trim() }, { onSuccess: () => setNote('') });
          }}
        >
          <textarea
            value={note}
            maxLength={CASE_LIMITS.noteText}
            rows={2}
            aria-label={t('dashboard.detail.newNote')}
            onChange={(event) => setNote(event.target.value)}
          />
          <button type="submit" disabled={!note.trim()}>
            {t('dashboard.detail.addNote')}
          </button>
        </form>
      </section>
      <EarlierCases item={item} />
      <CaseTimeline events={item.events ?? []} />
      <DeleteCase item={item} onDeleted={onDeleted} />
    </aside>
  );
}

function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** An epoch time as a datetime-local value in this browser's zone. */
function toLocalInput(at: number): string {
  const date = new Date(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The first-response line: answered (on time or not), still waiting, or dealt with without any response. */
export function firstResponseText(item: Case, target: TargetState, firstResponse: number | undefined): string {
  if (firstResponse !== undefined) {
    const verdict = t(target.state === 'met' ? 'firstResponse.targetMet' : 'firstResponse.targetMissed');
    return t('firstResponse.after', { duration: formatDuration(firstResponse), verdict });
  }
  if (!isOpenStatus(item.status)) {
    const how =
      item.status === 'closed' && item.outcome
        ? t('firstResponse.closedAs', { outcome: outcomeLabel(item.outcome).toLowerCase() })
        : statusLabel(item.status).toLowerCase();
    return t('firstResponse.none', { how });
  }
  return target.state === 'breached'
    ? t('firstResponse.past', { duration: formatDuration(-target.remainingMs), priority: target.priority })
    : t('firstResponse.left', { duration: formatDuration(target.remainingMs), priority: target.priority });
}

function BacklogNote({ mark }: { mark: string | undefined }) {
  if (!mark) return null;
  return (
    <span className="dash-backlog" data-testid="case-backlog">
      {' · '}
      {mark}
    </span>
  );
}
