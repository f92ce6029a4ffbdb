import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { authorLabel } from '../../../components/common/case-text';
import { CasePanel, type PanelBusy, type ReplyResultKind } from '../../../components/sidebar/case-panel/CasePanel';
import type { TimelineEntryView } from '../../../components/sidebar/case-panel/CaseTimeline';
import { EVENT_LABELS, channelLabel } from '../../../components/sidebar/case-panel/labels';
import type { SuggestionView } from '../../../components/sidebar/case-panel/SuggestionList';
import { STATUS_LABELS, type Case, type CaseStatus } from '../../domain/case';
import type { PostKey } from '../../domain/post';
import { CATEGORY_LABELS } from '../../domain/triage';
import type { HandoffChannel, HandoffTarget } from '../../handoff/build';
import { casesByPostKeysQuery } from '../../queries/cases';
import { lengthLimitFor, measureLength } from '../../replies/platform-limits';
import type { Settings } from '../../settings/schema';
import { siteFor } from '../../sites/registry';
import { describeError } from '../log-case';
import type { ReplyActions } from './actions';
import { recordEventMutation, transitionMutation, type RecordEventInput } from './case-mutations';
import { lintDraft, planReplies } from './reply-plan';

export interface CasePanelAppProps {
  postKey: PostKey;
  /** Current settings (brands, templates, signature); undefined while loading or invalid. */
  settings: Settings | undefined;
  actions: ReplyActions;
  onClose: () => void;
  now?: () => number;
  formatTime?: (at: number) => string;
}

const CAN_CONFIRM_REPLIED: readonly CaseStatus[] = ['new', 'waiting_on_customer'];
const CAN_CONFIRM_HANDOFF: readonly CaseStatus[] = ['new', 'responded', 'waiting_on_customer'];
const EMPTY_SETTINGS: Pick<Settings, 'brands' | 'agentSignature' | 'replyTemplates'> = {
  brands: [],
  agentSignature: '',
  replyTemplates: [],
};

export function defaultFormatTime(at: number): string {
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at);
}

/** The case panel for one logged post: reads its case from the store and wires the actions. */
export function CasePanelApp(props: CasePanelAppProps) {
  const caseQuery = useQuery(casesByPostKeysQuery([props.postKey]));
  const found = caseQuery.data?.find((item) => item.postKey === props.postKey);
  if (!found) {
    const message = caseQuery.error
      ? `The case could not be loaded: ${describeError(caseQuery.error)}`
      : caseQuery.isPending
        ? 'Loading the case…'
        : 'This post has no case yet: log it first.';
    return (
      <section className="cs-cp" data-testid="careside-case-panel" data-state="empty">
        <button type="button" className="cs-cp-back" data-testid="careside-case-panel-close" onClick={props.onClose}>
          ← Back
        </button>
        <p className={caseQuery.error ? 'cs-error' : 'cs-cp-empty'} role={caseQuery.error ? 'alert' : undefined}>
          {message}
        </p>
      </section>
    );
  }
  return <LoadedCasePanel {...props} found={found} />;
}

interface Picked {
  rank: number;
  templateId: string;
  text: string;
}

function LoadedCasePanel({ found, settings, actions, onClose, now = Date.now, formatTime = defaultFormatTime }: CasePanelAppProps & { found: Case }) {
  const queryClient = useQueryClient();
  const recordEvent = useMutation(recordEventMutation(queryClient));
  const transition = useMutation(transitionMutation(queryClient));
  const [channel, setChannel] = useState<HandoffChannel | undefined>(undefined);
  const [picked, setPicked] = useState<Picked | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState<PanelBusy>(null);
  const [result, setResult] = useState<{ kind: ReplyResultKind; message: string } | undefined>(undefined);
  const [opened, setOpened] = useState<{ target: HandoffTarget; message: string } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const plan = useMemo(
    () => planReplies({ found, settings: settings ?? EMPTY_SETTINGS, now: now(), channel }),
    // `now` is read when the case or settings change, which is when the plan can change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [found, settings, channel],
  );
  const findings = useMemo(() => lintDraft(draft, plan, found.platform, picked?.text), [draft, plan, found.platform, picked?.text]);
  const measured = measureLength(draft, lengthLimitFor(found.platform, 'public'));
  const boxName = siteFor(found.platform).replyBoxName;
  const suggestions: SuggestionView[] = plan.suggestions.map((suggestion, index) => ({
    rank: index + 1,
    templateId: suggestion.template.id,
    tone: suggestion.template.tone,
    text: suggestion.text,
    lint: suggestion.lint,
  }));
  const handoffTarget = opened?.target ?? plan.targets.find((target) => target.channel === plan.replyChannel);

  const record = async (event: RecordEventInput['event'], transitionTo?: RecordEventInput['transitionTo']) => {
    try {
      await recordEvent.mutateAsync({ caseId: found.id, event: clipEvent(event), ...(transitionTo ? { transitionTo } : {}) });
      return true;
    } catch (failure) {
      setError(`Could not update case ${found.ref}: ${describeError(failure)}`);
      return false;
    }
  };

  /** How the timeline describes the text being sent. */
  const draftDetail = () => {
    if (!picked) return 'own text';
    const source = `suggestion #${picked.rank} (${picked.templateId})`;
    return draft === picked.text ? source : `edited ${source}`;
  };

  const pick = (rank: number) => {
    const suggestion = plan.suggestions[rank - 1];
    if (!suggestion) return;
    const again = picked?.templateId === suggestion.template.id;
    setPicked({ rank, templateId: suggestion.template.id, text: suggestion.text });
    setDraft(suggestion.text);
    setResult(undefined);
    // Picking the same suggestion again (to start over) is not a new step on the timeline.
    if (!again) void record({ type: 'reply_suggested', detail: `#${rank} ${suggestion.template.id} (${suggestion.template.tone})` });
  };

  const insert = async () => {
    const text = draft;
    setBusy('insert');
    setError(undefined);
    try {
      const outcome = await actions.insert(found.postKey, text);
      if (outcome.status === 'inserted') {
        setResult({
          kind: 'inserted',
          message: `Inserted into ${outcome.boxName}. Read it there and post it yourself, then press “I’ve replied”.`,
        });
        await record({ type: 'reply_inserted', detail: `${draftDetail()} into ${outcome.boxName}` });
        return;
      }
      const copied = await actions.copy(text);
      if (copied) {
        setResult({
          kind: 'copied',
          message: `Could not insert: ${outcome.reason} The reply was copied instead: click in ${boxName} and paste it (Ctrl+V or ⌘V).`,
        });
        await record({ type: 'reply_copied', detail: `${draftDetail()}; insert failed: ${outcome.reason}` });
      } else {
        setResult({
          kind: 'copy_failed',
          message: `Could not insert (${outcome.reason}) and the browser did not allow copying: select the reply above and copy it yourself.`,
        });
      }
    } finally {
      setBusy(null);
    }
  };

  const copy = async () => {
    setBusy('copy');
    setError(undefined);
    try {
      if (await actions.copy(draft)) {
        setResult({ kind: 'copied', message: `Copied. Paste it into ${boxName} (Ctrl+V or ⌘V).` });
        await record({ type: 'reply_copied', detail: draftDetail() });
      } else {
        setResult({ kind: 'copy_failed', message: 'The browser did not allow copying: select the reply above and copy it yourself.' });
      }
    } finally {
      setBusy(null);
    }
  };

  const openHandoff = (channelId: HandoffChannel) => {
    const target = plan.targets.find((candidate) => candidate.channel === channelId);
    if (!target) return;
    setError(undefined);
    // Agent channels other than the prefilled X DM need the message pasted: copy it first,
    // while this page still has focus (the new tab takes it).
    const needsPaste = target.audience === 'agent' && target.channel !== 'x_dm';
    const copying = needsPaste ? actions.copy(target.message) : Promise.resolve(false);
    const openedResult = actions.openHandoff(target.url);
    if (!openedResult.ok) {
      setError(openedResult.reason);
      return;
    }
    setOpened({ target, message: `Opened “${target.label}” in a new tab.` });
    // The public replies now point to the channel the agent chose.
    if (target.channel !== plan.replyChannel) setChannel(target.channel);
    if (needsPaste) {
      void copying.then((copied) =>
        setOpened((current) =>
          current?.target === target
            ? {
                target,
                message: copied
                  ? `Opened “${target.label}” in a new tab. The private message was copied: paste it there.`
                  : `Opened “${target.label}” in a new tab. Copying the private message failed: copy it from here: ${target.message}`,
              }
            : current,
        ),
      );
    }
  };

  const confirmReplied = async () => {
    setBusy('replied');
    setError(undefined);
    try {
      await transition.mutateAsync({ caseId: found.id, to: 'responded' });
    } catch (failure) {
      setError(`Could not mark case ${found.ref} as responded: ${describeError(failure)}`);
    } finally {
      setBusy(null);
    }
  };

  const confirmHandoff = async () => {
    if (!handoffTarget) return;
    setBusy('handoff');
    setError(undefined);
    try {
      await record(
        { type: 'handed_off', channel: handoffTarget.channel, detail: `via ${channelLabel(handoffTarget.channel)}` },
        'handed_off',
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <CasePanel
      caseRef={found.ref}
      statusLabel={STATUS_LABELS[found.status]}
      categoryLabel={CATEGORY_LABELS[plan.category]}
      authorLabel={authorLabel(found)}
      postText={found.post.text}
      suggestions={suggestions}
      selectedRank={picked?.rank}
      onPick={pick}
      text={draft}
      onTextChange={setDraft}
      lengthLabel={`${measured.length} / ${measured.max}`}
      overLimit={measured.length > measured.max}
      findings={findings}
      boxName={boxName}
      busy={busy}
      onInsert={() => void insert()}
      onCopy={() => void copy()}
      result={result}
      targets={plan.targets}
      openedHandoff={opened ? { channel: opened.target.channel, message: opened.message } : undefined}
      onOpenHandoff={openHandoff}
      handoffConfirmLabel={handoffTarget ? `Handed off via ${channelLabel(handoffTarget.channel)}` : undefined}
      canConfirmReplied={CAN_CONFIRM_REPLIED.includes(found.status)}
      canConfirmHandoff={handoffTarget !== undefined && CAN_CONFIRM_HANDOFF.includes(found.status)}
      onConfirmReplied={() => void confirmReplied()}
      onConfirmHandoff={() => void confirmHandoff()}
      timeline={timelineOf(found)}
      formatTime={formatTime}
      problems={settings ? plan.problems : ['CareSide settings are not available, so replies use a generic brand name.']}
      error={error}
      onClose={onClose}
    />
  );
}

/** Event details are capped by the protocol; a long failure reason must not lose the event. */
function clipEvent(event: RecordEventInput['event']): RecordEventInput['event'] {
  return event.detail !== undefined && event.detail.length > 500 ? { ...event, detail: `${event.detail.slice(0, 499)}…` } : event;
}

export function timelineOf(found: Pick<Case, 'events' | 'createdAt'>): TimelineEntryView[] {
  const events = found.events && found.events.length > 0 ? found.events : [{ at: found.createdAt, type: 'logged' as const }];
  return events.map((event) => ({
    at: event.at,
    type: event.type,
    label: EVENT_LABELS[event.type],
    ...('detail' in event && event.detail ? { detail: event.detail } : {}),
  }));
}
