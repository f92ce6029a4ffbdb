import type { ReactNode } from 'react';
import type { Post } from '../../../lib/domain/post';
import { AuthorLabel } from '../../common/AuthorLabel';
import type { HandoffTarget } from '../../../lib/handoff/build';
import type { LintFinding } from '../../../lib/replies/lint';
import type { SavedReply } from '../../../lib/replies/saved-replies';
import { TONES, type Tone } from '../../../lib/replies/templates';
import { CaseTimeline, type TimelineEntryView } from './CaseTimeline';
import { HandoffList } from './HandoffList';
import { LintFindings } from './LintFindings';
import { ReplyBox } from './ReplyBox';
import { toneLabel } from './labels';
import { SuggestionList, type SuggestionView } from './SuggestionList';
import { TriageCall, type TriageCallView } from './TriageCall';
import { t } from '../../../lib/i18n/t';

export type ReplyResultKind = 'inserted' | 'copied' | 'copy_failed';
export type PanelBusy = 'insert' | 'copy' | 'replied' | 'handoff' | null;

export interface CasePanelProps {
  caseRef: string;
  statusLabel: string;
  categoryLabel: string;
  /** Who wrote the post (names shown in <bdi>: see AuthorLabel). */
  author: Pick<Post, 'authorName' | 'authorHandle'>;
  /** The customer's post (hostile page text: rendered as React text). */
  postText: string;
  /** The page showed only the start of the post ("Show more"): postText stops where it was cut. */
  postTruncated?: boolean | undefined;
  suggestions: readonly SuggestionView[];
  /** Which language the suggestions are in when the post is not in English ("no fr templates, English shown"). */
  languageNote?: string | undefined;
  /** The tone every suggestion (and the private message) is written in. */
  tone: Tone;
  onToneChange: (tone: Tone) => void;
  selectedRank?: number | undefined;
  onPick: (rank: number) => void;
  /** The brand's saved replies (variables filled), offered by typing "/" in the reply box. */
  savedReplies?: readonly SavedReply[];
  /** The reply being edited. */
  text: string;
  onTextChange: (text: string) => void;
  /** The text is a draft kept from an earlier visit (a reload, the post scrolled away). */
  draftRestored?: boolean;
  /** The draft as shown is stored and survives a reload. */
  draftKept?: boolean;
  /** "132 / 280" as the platform counts it. */
  lengthLabel: string;
  overLimit: boolean;
  findings: readonly LintFinding[];
  /** Name of the site's reply box ("X's reply box"). */
  boxName: string;
  busy: PanelBusy;
  onInsert: () => void;
  onCopy: () => void;
  result?: { kind: ReplyResultKind; message: string } | undefined;
  targets: readonly HandoffTarget[];
  /** The private message the agent channels send (shown and editable before any is opened); undefined without one. */
  privateMessage?: string | undefined;
  onPrivateMessageChange?: (text: string) => void;
  openedHandoff?: { channel: string; message: string } | undefined;
  onOpenHandoff: (channel: HandoffTarget['channel']) => void;
  /** "Handed off via X DM": the channel the confirmation records. */
  handoffConfirmLabel?: string | undefined;
  canConfirmReplied: boolean;
  canConfirmHandoff: boolean;
  onConfirmReplied: () => void;
  onConfirmHandoff: () => void;
  timeline: readonly TimelineEntryView[];
  formatTime: (at: number) => string;
  /** Settings problems worth knowing (brand removed, broken channel). */
  problems: readonly string[];
  /** The last thing that failed (recording an event, a status change). */
  error?: string | undefined;
  /** The team's complaint call on the post (absent: not offered). */
  triageCall?: TriageCallView | undefined;
  /** Teammates on this case (replying now, already responded, assignment): under the post, before the replies. */
  team?: ReactNode;
  onClose: () => void;
}

/**
 * One case: ranked reply suggestions, the editable reply (re-checked as you type), insert or
 * copy, the private handoff, the confirmations that move its status, and its timeline.
 * CareSide never posts: the user sends from the site and then confirms here.
 */
export function CasePanel(props: CasePanelProps) {
  const busy = props.busy !== null;
  const empty = props.text.trim() === '';
  return (
    <section className="cs-cp" data-testid="careside-case-panel" aria-label={t('casePanel.label', { ref: props.caseRef })}>
      <header className="cs-cp-head">
        {/* Focus moves into the panel as it opens (keyboard users would otherwise stay on the row it replaced). */}
        <button type="button" className="cs-cp-back" data-testid="careside-case-panel-close" onClick={props.onClose} autoFocus>
          {t('casePanel.back')}
        </button>
        <span className="cs-cp-ref">{props.caseRef}</span>
        <span className="cs-cp-status" data-testid="careside-case-status">
          {props.statusLabel}
        </span>
      </header>
      <p className="cs-cp-meta">
        <AuthorLabel post={props.author} /> · {props.categoryLabel}
      </p>
      <blockquote className="cs-cp-post">
        {props.postText}
        {props.postTruncated ? <span className="cs-truncated">{t('casePanel.shortened')}</span> : null}
      </blockquote>
      {props.triageCall ? <TriageCall {...props.triageCall} /> : null}
      {props.team}

      {props.problems.map((problem) => (
        <p key={problem} className="cs-error" role="alert">
          {problem}
        </p>
      ))}

      <h3 className="cs-cp-heading">{t('casePanel.suggested')}</h3>
      <div className="cs-cp-tones" role="group" aria-label={t('casePanel.tone')} data-testid="careside-tone">
        {TONES.map((tone) => (
          <button
            key={tone}
            type="button"
            className="cs-cp-tone"
            aria-pressed={props.tone === tone}
            data-tone={tone}
            onClick={() => props.onToneChange(tone)}
          >
            {toneLabel(tone)}
          </button>
        ))}
      </div>
      {props.languageNote ? (
        <p className="cs-cp-note" data-testid="careside-language-note">
          {props.languageNote}
        </p>
      ) : null}
      <SuggestionList suggestions={props.suggestions} selectedRank={props.selectedRank} onPick={props.onPick} />

      <label className="cs-cp-label" htmlFor="careside-reply-text">
        {t('casePanel.yourReply')}
        {props.draftRestored ? (
          <span className="cs-cp-restored" data-testid="careside-draft-restored">
            {t('casePanel.draftRestored')}
          </span>
        ) : null}
        {props.draftKept && !props.draftRestored ? (
          <span className="cs-cp-restored" data-testid="careside-draft-kept">
            {t('casePanel.draftKept')}
          </span>
        ) : null}
      </label>
      <ReplyBox value={props.text} onChange={props.onTextChange} savedReplies={props.savedReplies ?? []} />
      <p className={props.overLimit ? 'cs-cp-length cs-cp-error' : 'cs-cp-length'} data-testid="careside-reply-length">
        {props.lengthLabel}
      </p>
      <LintFindings findings={props.findings} />

      <div className="cs-cp-actions">
        <button
          type="button"
          className="cs-cp-primary"
          data-testid="careside-insert-reply"
          disabled={busy || empty}
          onClick={props.onInsert}
        >
          {props.busy === 'insert' ? t('casePanel.inserting') : t('casePanel.insert')}
        </button>
        <button type="button" data-testid="careside-copy-reply" disabled={busy || empty} onClick={props.onCopy}>
          {t('casePanel.copy')}
        </button>
      </div>
      {props.result ? (
        <p
          className={props.result.kind === 'inserted' ? 'cs-cp-result' : 'cs-cp-result cs-cp-warning'}
          data-testid="careside-reply-result"
          data-kind={props.result.kind}
          role="status"
        >
          {props.result.message}
        </p>
      ) : null}
      <p className="cs-cp-note">{t('casePanel.neverPosts', { box: props.boxName })}</p>
      <button
        type="button"
        data-testid="careside-confirm-replied"
        disabled={busy || !props.canConfirmReplied}
        onClick={props.onConfirmReplied}
      >
        {t('casePanel.replied')}
      </button>

      <h3 className="cs-cp-heading">{t('casePanel.handoff')}</h3>
      {props.privateMessage !== undefined ? (
        <>
          <label className="cs-cp-label" htmlFor="careside-private-message">
            {t('casePanel.privateMessage')}
          </label>
          <textarea
            id="careside-private-message"
            className="cs-cp-text"
            data-testid="careside-private-message"
            dir="auto"
            rows={6}
            value={props.privateMessage}
            onChange={(event) => props.onPrivateMessageChange?.(event.target.value)}
          />
        </>
      ) : null}
      <HandoffList targets={props.targets} openedChannel={props.openedHandoff?.channel} onOpen={props.onOpenHandoff} />
      {props.openedHandoff ? (
        <p className="cs-cp-result" data-testid="careside-handoff-result" role="status">
          {props.openedHandoff.message}
        </p>
      ) : null}
      {props.targets.length > 0 ? (
        <button
          type="button"
          data-testid="careside-confirm-handoff"
          disabled={busy || !props.canConfirmHandoff}
          onClick={props.onConfirmHandoff}
        >
          {props.handoffConfirmLabel ?? t('casePanel.handedOff')}
        </button>
      ) : null}

      {props.error ? (
        <p className="cs-error" role="alert" data-testid="careside-case-panel-error">
          {props.error}
        </p>
      ) : null}

      <h3 className="cs-cp-heading">{t('casePanel.timeline')}</h3>
      <CaseTimeline entries={props.timeline} formatTime={props.formatTime} />
    </section>
  );
}
