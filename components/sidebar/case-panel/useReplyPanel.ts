import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReplyActions } from '../../../lib/content/reply/actions';
import { lintDraft, planReplies } from '../../../lib/content/reply/reply-plan';
import { replyBoxLabel, storedInsertFailure } from '../../../lib/domain/insert-failure';
import type { PageCase } from '../../../lib/domain/page-case';
import { withPrivateMessage, type HandoffChannel, type HandoffTarget } from '../../../lib/handoff/build';
import type { Settings } from '../../../lib/settings/schema';
import { STRATEGY_LABELS, strategyOf, type Tone } from '../../../lib/replies/templates';
import { DEFAULT_RESPONSE_TARGETS } from '../../../lib/workflow/targets';
import type { PanelBusy } from './CasePanel';
import { channelLabel } from './labels';
import { copiedMessage, insertFailedMessage, openedMessage, usedInReplyMessage, type ReplyResult } from './reply-messages';
import { useCaseSteps } from './useCaseSteps';
import { t } from '../../../lib/i18n/t';

export interface ReplyPanelInput {
  found: PageCase;
  /** Current settings (brands, templates, signature); undefined while loading or invalid. */
  settings: Settings | undefined;
  actions: ReplyActions;
  now: () => number;
}

const EMPTY_SETTINGS: Pick<Settings, 'brands' | 'agentSignature' | 'replyTemplates' | 'responseTargets'> = {
  brands: [],
  agentSignature: '',
  replyTemplates: [],
  responseTargets: DEFAULT_RESPONSE_TARGETS,
};

/** The suggestion the draft started from. */
interface Picked {
  rank: number;
  templateId: string;
  /** How the timeline names it: "Move to private, warm". */
  label: string;
  text: string;
}

/**
 * The case panel's state for one case: the reply plan, the draft and the suggestion it came from,
 * what the last action did, and the actions, each recorded on the case's timeline.
 */
export function useReplyPanel({ found, settings, actions, now }: ReplyPanelInput) {
  const [channel, setChannel] = useState<HandoffChannel | undefined>(undefined);
  const [tone, setTone] = useState<Tone>('warm');
  /** The agent's own edit of the private message; undefined: the suggested one. */
  const [privateEdit, setPrivateEdit] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<Picked | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState<PanelBusy>(null);
  const [result, setResult] = useState<ReplyResult | undefined>(undefined);
  const [opened, setOpened] = useState<{ target: HandoffTarget; message: string } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const { record, markResponded } = useCaseSteps(found, setError);
  const { restored, kept, keepDraft } = useKeptDraft(found.id, actions, setDraft);

  const plan = useMemo(
    () => planReplies({ found, settings: settings ?? EMPTY_SETTINGS, now: now(), channel, tone }),
    // `now` is read when the case or settings change, which is when the plan can change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [found, settings, channel, tone],
  );
  const findings = useMemo(() => lintDraft(draft, plan, found.platform, picked?.text), [draft, plan, found.platform, picked?.text]);
  const boxName = replyBoxLabel(found.platform);
  // Every agent channel (DM, profile, private reply, Yelp message) carries the same private message.
  const suggestedPrivate = plan.targets.find((target) => target.audience === 'agent')?.message;
  const privateMessage = suggestedPrivate === undefined ? undefined : (privateEdit ?? suggestedPrivate);
  const handoffTarget = opened?.target ?? plan.targets.find((target) => target.channel === plan.replyChannel);

  /** How the timeline describes the text being sent. */
  const draftDetail = () => {
    if (!picked) return 'own text';
    const source = `suggestion #${picked.rank} (${picked.label})`;
    return draft === picked.text ? source : `edited ${source}`;
  };

  /** Run a panel action with its button busy and the last error cleared. */
  const busyWith = async (kind: NonNullable<PanelBusy>, action: () => Promise<unknown>) => {
    setBusy(kind);
    setError(undefined);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };

  const pick = (rank: number) => {
    const suggestion = plan.suggestions[rank - 1];
    if (!suggestion) return;
    const again = picked?.templateId === suggestion.template.id;
    const label = `${STRATEGY_LABELS[strategyOf(suggestion.template)]}, ${suggestion.template.tone}`;
    setPicked({ rank, templateId: suggestion.template.id, label, text: suggestion.text });
    setDraft(suggestion.text);
    keepDraft(suggestion.text);
    setResult(undefined);
    // Picking the same suggestion again (to start over) is not a new step on the timeline.
    // The timeline names it in words; template ids are for the options page.
    if (!again) void record({ type: 'reply_suggested', detail: `#${rank} ${label}` });
  };

  const insert = () =>
    busyWith('insert', async () => {
      const text = draft;
      const outcome = await actions.insert(found.postKey, text);
      if (outcome.status === 'inserted') {
        setResult({
          kind: 'inserted',
          message: t('casePanel.inserted', { box: boxName }),
        });
        return record({ type: 'reply_inserted', detail: `${draftDetail()} into ${outcome.boxName}` });
      }
      const copied = await actions.copy(text);
      setResult(insertFailedMessage(outcome.failure, boxName, copied));
      // The code, not a sentence: the timeline words it in each reader's language (stored-detail.ts).
      if (copied)
        await record({ type: 'reply_copied', detail: `${draftDetail()}; insert failed: ${storedInsertFailure(outcome.failure)}` });
    });

  const copy = () =>
    busyWith('copy', async () => {
      const copied = await actions.copy(draft);
      setResult(copiedMessage(boxName, copied));
      if (copied) await record({ type: 'reply_copied', detail: draftDetail() });
    });

  const openHandoff = (channelId: HandoffChannel) => {
    const suggested = plan.targets.find((candidate) => candidate.channel === channelId);
    if (!suggested) return;
    // What the agent read and maybe edited is what gets prefilled or copied.
    const target = privateMessage === undefined ? suggested : withPrivateMessage(suggested, privateMessage, found.post);
    setError(undefined);
    if (target.replyOnly) {
      setOpened({ target, message: usedInReplyMessage(target) });
      if (target.channel !== plan.replyChannel) setChannel(target.channel);
      return;
    }
    // Agent channels other than the prefilled X DM need the message pasted: copy it first,
    // while this page still has focus (the new tab takes it).
    const needsPaste = target.audience === 'agent' && target.channel !== 'x_dm';
    const copying = needsPaste ? actions.copy(target.message) : Promise.resolve(false);
    const openedResult = actions.openHandoff(target.url);
    if (!openedResult.ok) {
      setError(openedResult.reason);
      return;
    }
    setOpened({ target, message: openedMessage(target) });
    // The public replies now point to the channel the agent chose.
    if (target.channel !== plan.replyChannel) setChannel(target.channel);
    if (needsPaste) {
      void copying.then((copied) =>
        setOpened((current) => (current?.target === target ? { target, message: openedMessage(target, copied) } : current)),
      );
    }
  };

  const confirmReplied = () =>
    busyWith('replied', async () => {
      await markResponded();
      keepDraft(''); // Sent: nothing left to keep.
    });

  const confirmHandoff = async () => {
    if (!handoffTarget) return;
    const { channel: via } = handoffTarget;
    await busyWith('handoff', () => record({ type: 'handed_off', channel: via, detail: `via ${channelLabel(via)}` }, 'handed_off'));
  };

  return {
    plan,
    tone,
    setTone,
    privateMessage,
    setPrivateMessage: setPrivateEdit,
    picked,
    draft,
    setDraft: (text: string) => {
      setDraft(text);
      keepDraft(text);
    },
    /** The draft was brought back from an earlier visit (a reload, the post scrolled away). */
    draftRestored: restored,
    /** The draft as shown is stored (it survives a reload). */
    draftKept: kept,
    findings,
    boxName,
    busy,
    result,
    opened,
    error,
    handoffTarget,
    pick,
    insert,
    copy,
    openHandoff,
    confirmReplied,
    confirmHandoff,
  };
}

const DRAFT_SAVE_DELAY_MS = 400;

/**
 * The case's unsent draft survives a reload: restored when the panel opens (if the agent has not
 * started typing), kept a moment after each change, and written at once when the panel closes.
 */
function useKeptDraft(caseId: string, actions: ReplyActions, setDraft: (text: string) => void) {
  const [restored, setRestored] = useState(false);
  const [kept, setKept] = useState(false);
  const pending = useRef<{ text: string; timer: ReturnType<typeof setTimeout> } | undefined>(undefined);
  const touched = useRef(false);
  const { drafts } = actions;

  useEffect(() => {
    let live = true;
    void drafts?.load(caseId).then((text) => {
      if (!live || touched.current || !text) return;
      setDraft(text);
      setRestored(true);
    });
    return () => {
      live = false;
      const waiting = pending.current;
      if (waiting) {
        clearTimeout(waiting.timer);
        void drafts?.save(caseId, waiting.text);
      }
    };
  }, [caseId, drafts, setDraft]);

  const keepDraft = (text: string) => {
    touched.current = true;
    if (!drafts) return;
    if (pending.current) clearTimeout(pending.current.timer);
    setKept(false);
    const timer = setTimeout(() => {
      pending.current = undefined;
      void drafts.save(caseId, text).then(() => setKept(text.trim() !== ''));
    }, DRAFT_SAVE_DELAY_MS);
    pending.current = { text, timer };
  };
  return { restored, kept, keepDraft };
}
