import { memo, type MouseEvent } from 'react';
import type { MentionRowView } from '../../lib/content/view-model';
import { AuthorLabel } from '../common/AuthorLabel';
import type { CorrectionLabel } from '../../lib/domain/learning';
import { CorrectButton } from './CorrectButton';
import { TriageSummary } from './TriageSummary';
import type { DueLabel } from './useDueLabels';
import { t } from '../../lib/i18n/t';

export type { MentionRowView };

export interface MentionRowProps {
  mention: MentionRowView;
  /** The first-response countdown, while the case waits for one. */
  due?: DueLabel | undefined;
  /** "backlog · posted 3 d ago": the post is older than the backlog age. */
  backlog?: string | undefined;
  /** "Priya is replying": a teammate has this post's reply panel open. */
  replying?: string | undefined;
  onLog: (postKey: string) => void;
  /** Opens the case panel (replies, handoff, timeline) for a logged post. */
  onOpenCase?: (postKey: string) => void;
  /** Scroll the page to the post and outline it (the Show button, or a click on the row itself). */
  onShowPost?: (postKey: string) => void;
  /** Take the row off the list. */
  onDismiss?: (postKey: string) => void;
  /** The team's call on the post's verdict ("complaint" / "not a complaint"). */
  onCorrect?: (postKey: string, label: CorrectionLabel) => void;
  /** A correction of this row is on its way. */
  correcting?: boolean;
  /** Why this row's last correction failed. */
  correctionError?: string | undefined;
}

/**
 * Memoised: the sidebar re-renders on every publish, but a row's view object is reused while what
 * it shows is unchanged (createMentionRowsBuilder), so only changed rows render.
 */
export const MentionRow = memo(function MentionRow(props: MentionRowProps) {
  const { mention, due, onLog, onOpenCase, onShowPost, onCorrect, onDismiss } = props;
  // tabIndex -1: j / k move focus row by row (useRowKeys) without adding every row to the tab order.
  return (
    <li
      className="cs-mention"
      tabIndex={-1}
      data-testid="careside-mention"
      data-post-key={mention.postKey}
      data-by-brand={mention.byBrand}
      onClick={onShowPost ? (event) => showFromRowClick(event, mention.postKey, onShowPost) : undefined}
    >
      <div className="cs-mention-head">
        <a className="cs-author" href={mention.url} target="_blank" rel="noreferrer noopener">
          <AuthorLabel post={mention} />
        </a>
        {mention.byBrand ? <span className="cs-tag">{t('sidebar.brandsOwnPost')}</span> : null}
        {props.backlog ? (
          <span className="cs-tag cs-backlog" data-testid="careside-mention-backlog">
            {props.backlog}
          </span>
        ) : null}
        {mention.quoted ? (
          <span className="cs-tag" data-testid="careside-mention-quote">
            {t('sidebar.quote')}
          </span>
        ) : null}
        {mention.sponsored ? (
          <span className="cs-tag" data-testid="careside-mention-sponsored">
            {t('sidebar.sponsored')}
          </span>
        ) : null}
        {onShowPost ? (
          <button
            type="button"
            className="cs-show-post"
            data-testid="careside-mention-show"
            aria-label={t('sidebar.showPost')}
            title={t('sidebar.showPost')}
            onClick={() => onShowPost(mention.postKey)}
          >
            {t('sidebar.showPostButton')}
          </button>
        ) : null}
        {onDismiss ? (
          <button
            type="button"
            className="cs-dismiss"
            data-testid="careside-mention-dismiss"
            aria-label={t('sidebar.dismiss')}
            title={t('sidebar.dismissTitle')}
            onClick={(event) => dismissRow(event, mention.postKey, onDismiss)}
          >
            ×
          </button>
        ) : null}
      </div>
      {mention.answeredBy ? (
        <p className="cs-answered" data-testid="careside-mention-answered">
          {t('sidebar.answeredBy')} <bdi>{mention.answeredBy}</bdi>
        </p>
      ) : null}
      {mention.triage ? <TriageSummary triage={mention.triage} /> : null}
      {props.correctionError ? (
        <p className="cs-error" role="alert" data-testid="careside-correct-error">
          {t('sidebar.notSaved', { error: props.correctionError })}
        </p>
      ) : null}
      <p className="cs-excerpt">
        {mention.excerpt}
        {mention.truncated ? (
          <>
            {' '}
            <span className="cs-truncated" data-testid="careside-mention-truncated" title={t('sidebar.shortenedTitle')}>
              {t('sidebar.shortened')}
            </span>
          </>
        ) : null}
      </p>
      {mention.quoted ? (
        <blockquote className="cs-quoted" data-testid="careside-mention-quoted">
          {t('sidebar.quoting')} <bdi>{mention.quoted.author}</bdi>: <bdi>{mention.quoted.excerpt}</bdi>
        </blockquote>
      ) : null}
      <div className="cs-mention-foot">
        <span className="cs-brands">{mention.brandNames.join(', ')}</span>
        {/* An ad is never a complaint (triage says so whatever the text): nothing to correct. A logged
            post's call is made in its case panel, which has the room for it. */}
        {mention.triage && onCorrect && !mention.sponsored && !mention.caseLabel ? (
          <CorrectButton
            complaint={mention.triage.complaint}
            pending={props.correcting ?? false}
            onCorrect={(label) => onCorrect(mention.postKey, label)}
          />
        ) : null}
        {mention.caseLabel ? (
          <span className="cs-case" data-testid="careside-mention-case">
            {mention.caseLabel}
          </span>
        ) : null}
        {mention.caseLabel && onOpenCase ? (
          <button type="button" className="cs-log" data-testid="careside-mention-open-case" onClick={() => onOpenCase(mention.postKey)}>
            {t('sidebar.reply')}
          </button>
        ) : null}
        {mention.caseLabel ? null : (
          <button
            type="button"
            className="cs-log"
            data-testid="careside-mention-log"
            disabled={mention.logging}
            onClick={() => onLog(mention.postKey)}
          >
            {mention.logging ? t('sidebar.logging') : t('sidebar.logCase')}
          </button>
        )}
      </div>
      {props.replying ? (
        <p className="cs-replying" role="status" data-testid="careside-mention-replying">
          {props.replying}
        </p>
      ) : null}
      {due ? (
        <p className="cs-due" data-state={due.state} data-testid="careside-mention-due">
          {t('sidebar.firstResponse', { due: due.text })}
        </p>
      ) : null}
      {mention.error ? (
        <p className="cs-error" role="alert">
          {mention.error}
        </p>
      ) : null}
    </li>
  );
});

/** A click on the row itself (not on one of its links or buttons, nor the end of a text selection) shows the post. */
function showFromRowClick(event: MouseEvent<HTMLLIElement>, postKey: string, onShowPost: (postKey: string) => void): void {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('a, button, input, select, textarea, [role="switch"]')) return;
  if ((event.currentTarget.ownerDocument.getSelection()?.toString() ?? '') !== '') return;
  onShowPost(postKey);
}

/** Dismiss the row, keeping keyboard focus in the sidebar: on the next row, else the previous one, else the panel. */
function dismissRow(event: MouseEvent<HTMLButtonElement>, postKey: string, onDismiss: (postKey: string) => void): void {
  event.stopPropagation();
  const row = event.currentTarget.closest('li');
  const next = row?.nextElementSibling ?? row?.previousElementSibling ?? row?.closest('aside');
  (next as HTMLElement | null | undefined)?.focus();
  onDismiss(postKey);
}
