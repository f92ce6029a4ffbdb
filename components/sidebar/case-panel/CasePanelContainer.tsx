import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseStatus } from '../../../lib/domain/case';
import type { PageCase } from '../../../lib/domain/page-case';
import type { PostKey } from '../../../lib/domain/post';
import { describeError } from '../../../lib/content/log-case';
import type { ReplyActions } from '../../../lib/content/reply/actions';
import { casesByPostKeysQuery } from '../../../lib/queries/cases';
import { correctTriageMutation } from '../../../lib/queries/learning';
import { triagePostOf } from '../../../lib/content/triage';
import type { TriageCallView } from './TriageCall';
import { useState } from 'react';
import type { CorrectionLabel } from '../../../lib/domain/learning';
import { lengthLimitFor, measureLength } from '../../../lib/replies/platform-limits';
import { fillSavedReply } from '../../../lib/replies/saved-replies';
import { strategyOf } from '../../../lib/replies/templates';
import type { Settings } from '../../../lib/settings/schema';
import { CasePanel } from './CasePanel';
import type { TimelineEntryView } from './CaseTimeline';
import { eventDetail, eventLabel, formatEventTime } from '../../common/timeline-text';
import { channelName } from './labels';
import type { SuggestionView } from './SuggestionList';
import { useReplyPanel } from './useReplyPanel';
import { TeamNotice } from './TeamNotice';
import { t } from '../../../lib/i18n/t';
import { categoryLabel, statusLabel } from '../../../lib/domain/labels';

export interface CasePanelContainerProps {
  postKey: PostKey;
  /** Current settings (brands, templates, signature); undefined while loading or invalid. */
  settings: Settings | undefined;
  actions: ReplyActions;
  onClose: () => void;
  /** Teammates replying to this post now (the page follows `presence/changed`). */
  replying?: readonly string[] | undefined;
  now?: () => number;
  formatTime?: (at: number) => string;
}

const CAN_CONFIRM_REPLIED: readonly CaseStatus[] = ['new', 'waiting_on_customer'];
const CAN_CONFIRM_HANDOFF: readonly CaseStatus[] = ['new', 'responded', 'waiting_on_customer'];

/** Local time, in the user's locale. */
export const defaultFormatTime = formatEventTime;

/** The case panel for one logged post: reads its case from the case cache; its state is useReplyPanel's. */
export function CasePanelContainer(props: CasePanelContainerProps) {
  const caseQuery = useQuery(casesByPostKeysQuery([props.postKey]));
  const found = caseQuery.data?.find((item) => item.postKey === props.postKey);
  if (!found) {
    const message = caseQuery.error
      ? t('casePanel.loadFailed', { error: describeError(caseQuery.error) })
      : caseQuery.isPending
        ? t('casePanel.loading')
        : t('casePanel.noCase');
    return (
      <section className="cs-cp" data-testid="careside-case-panel" data-state="empty">
        <button type="button" className="cs-cp-back" data-testid="careside-case-panel-close" onClick={props.onClose}>
          {t('casePanel.back')}
        </button>
        <p className={caseQuery.error ? 'cs-error' : 'cs-cp-empty'} role={caseQuery.error ? 'alert' : undefined}>
          {message}
        </p>
      </section>
    );
  }
  return <LoadedCasePanel {...props} found={found} />;
}

function LoadedCasePanel({
  found,
  settings,
  actions,
  onClose,
  replying,
  now = Date.now,
  formatTime = defaultFormatTime,
}: CasePanelContainerProps & { found: PageCase }) {
  const panel = useReplyPanel({ found, settings, actions, now });
  const triageCall = useTriageCall(found);
  const { plan, picked, draft, opened, handoffTarget } = panel;
  const measured = measureLength(draft, lengthLimitFor(found.platform, 'public'));
  const suggestions: SuggestionView[] = plan.suggestions.map((suggestion, index) => ({
    rank: index + 1,
    templateId: suggestion.template.id,
    tone: suggestion.template.tone,
    strategy: strategyOf(suggestion.template),
    text: suggestion.text,
    lint: suggestion.lint,
  }));
  return (
    <CasePanel
      caseRef={found.ref}
      statusLabel={statusLabel(found.status)}
      categoryLabel={categoryLabel(plan.category)}
      author={found.post}
      postText={found.post.text}
      postTruncated={found.post.truncated}
      suggestions={suggestions}
      languageNote={plan.language.note}
      tone={panel.tone}
      onToneChange={panel.setTone}
      selectedRank={picked?.rank}
      onPick={panel.pick}
      savedReplies={plan.savedReplies.map((reply) => ({ ...reply, body: fillSavedReply(reply.body, plan.values) }))}
      text={draft}
      onTextChange={panel.setDraft}
      draftRestored={panel.draftRestored}
      draftKept={panel.draftKept}
      lengthLabel={`${measured.length} / ${measured.max}`}
      overLimit={measured.length > measured.max}
      findings={panel.findings}
      boxName={panel.boxName}
      busy={panel.busy}
      onInsert={() => void panel.insert()}
      onCopy={() => void panel.copy()}
      result={panel.result}
      targets={plan.targets}
      privateMessage={panel.privateMessage}
      onPrivateMessageChange={panel.setPrivateMessage}
      openedHandoff={opened ? { channel: opened.target.channel, message: opened.message } : undefined}
      onOpenHandoff={panel.openHandoff}
      handoffConfirmLabel={handoffTarget ? t('casePanel.handedOffVia', { channel: channelName(handoffTarget.channel) }) : undefined}
      canConfirmReplied={CAN_CONFIRM_REPLIED.includes(found.status)}
      canConfirmHandoff={handoffTarget !== undefined && CAN_CONFIRM_HANDOFF.includes(found.status)}
      onConfirmReplied={() => void panel.confirmReplied()}
      onConfirmHandoff={() => void panel.confirmHandoff()}
      timeline={timelineOf(found)}
      formatTime={formatTime}
      problems={settings ? plan.problems : [t('casePanel.noSettings')]}
      error={panel.error}
      triageCall={triageCall}
      team={<TeamNotice found={found} replying={replying} now={now} />}
      onClose={onClose}
    />
  );
}

export function timelineOf(found: Pick<PageCase, 'events' | 'createdAt'>): TimelineEntryView[] {
  const events = found.events && found.events.length > 0 ? found.events : [{ at: found.createdAt, type: 'logged' as const }];
  // Labels come from the event's type and channel; a detail is shown, in words, only when the view has one.
  return events.map((event) => {
    const detail = eventDetail(event);
    return { at: event.at, type: event.type, label: eventLabel(event), ...(detail !== undefined ? { detail } : {}) };
  });
}

/** The team's call on the case's post: logging counted as "complaint"; a click here changes it. */
function useTriageCall(found: PageCase): TriageCallView {
  const queryClient = useQueryClient();
  const mutation = useMutation(correctTriageMutation(queryClient));
  const [saved, setSaved] = useState<CorrectionLabel>('complaint');
  return {
    current: mutation.isPending ? mutation.variables.label : saved,
    pending: mutation.isPending,
    error: mutation.isError ? describeError(mutation.error) : undefined,
    onCorrect: (label) => mutation.mutate({ post: triagePostOf(found.post), label }, { onSuccess: () => setSaved(label) }),
  };
}
