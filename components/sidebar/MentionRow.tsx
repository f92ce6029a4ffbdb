import { memo } from 'react';
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
  /** "Priya is replying": a teammate has this post's reply panel open. */
  replying?: string | undefined;
  onLog: (postKey: string) => void;
  /** Opens the case panel (replies, handoff, timeline) for a logged post. */
  onOpenCase?: (postKey: string) => void;
  /** Scroll the page to the post and outline it. */
  onShowPost?: (postKey: string) => void;
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
  const { mention, due, onLog, onOpenCase, onShowPost, onCorrect } = props;
  // tabIndex -1: j / k move focus row by row (useRowKeys) without adding every row to the tab order.
  return (
    <li className="cs-mention" tabIndex={-1} data-testid="careside-mention" data-post-key={mention.postKey} data-by-brand={mention.byBrand}>
      <div className="cs-mention-head">
        <a className="cs-author" href={mention.url} target="_blank" rel="noreferrer noopener">
          <AuthorLabel post={mention} />
        </a>
        {mention.byBrand ? <span className="cs-tag">{t('sidebar.brandsOwnPost')}</span> : null}
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
