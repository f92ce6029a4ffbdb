import type { Case } from '../../domain/case';
import { DEFAULT_HANDOFF_CONFIG, type HandoffChannelConfig } from '../../domain/brand-handoff';
import { handoffReplyValues, listHandoffTargets, type HandoffChannel, type HandoffTarget } from '../../handoff/build';
import type { CategoryId } from '../../domain/triage';
import { t } from '../../i18n/t';
import { builtInTemplates } from '../../replies/built-in-templates';
import { chooseReplyLanguage, type ReplyLanguageChoice } from '../../replies/reply-language';
import { lintReply, type LintFinding } from '../../replies/lint';
import type { SavedReply } from '../../replies/saved-replies';
import { replyValues, suggestPrivateMessage, suggestReplies, type ReplySuggestion } from '../../replies/suggest';
import type { TemplateValues, Tone } from '../../replies/templates';
import type { Settings } from '../../settings/schema';
import { DEFAULT_PRIORITY } from '../../workflow/targets';

/** Everything the case panel offers for one case: ranked replies and the private channels. */
export interface ReplyPlan {
  category: CategoryId;
  brandName: string;
  /** Up to three public replies, best first. */
  suggestions: ReplySuggestion[];
  /** Every private channel available for this case, preferred first. */
  targets: HandoffTarget[];
  /** The channel the suggestions point the customer to. */
  replyChannel?: HandoffChannel;
  /** Text the linter must not flag as personal data (the handoff link or address the replies show). */
  allowed: string[];
  /** Channels of the handoffs on the case's timeline: what "I've sent you a DM" may claim. */
  handedOff: string[];
  /** The brand's response target for this case (its priority), in minutes: the longest time a reply may promise. */
  targetMinutes: number;
  /** The post's language and the replies' (English, with a note, when there are no templates in the post's). */
  language: ReplyLanguageChoice;
  /** The brand's saved replies, offered by typing "/" in the reply box. */
  savedReplies: SavedReply[];
  /** The values the replies were filled with ({firstName}, {caseRef}…): saved replies are filled with them too. */
  values: TemplateValues;
  /** Things the user should know (brand removed from settings, a broken channel setting). */
  problems: string[];
}

export interface PlanInput {
  /** Only what a content script's view of a case holds: event types and channels, never event details. */
  found: Pick<Case, 'ref' | 'platform' | 'post' | 'brandIds' | 'category' | 'priority'> & {
    events?: readonly Pick<NonNullable<Case['events']>[number], 'type' | 'channel'>[] | undefined;
  };
  settings: Pick<Settings, 'brands' | 'agentSignature' | 'replyTemplates' | 'responseTargets'> & Partial<Pick<Settings, 'savedReplies'>>;
  /** Preferred tone of the suggestions. */
  tone?: Tone | undefined;
  now: number;
  /** The channel the public replies point to; default the preferred one. */
  channel?: HandoffChannel | undefined;
}

/**
 * Suggestions and handoffs for a case. The private message is written first (agent channels
 * such as the X DM composer carry it), then the replies point at the chosen (else preferred)
 * channel: "reach us at <link>" for customer ones; for agent channels "we'll send you a DM", or
 * "I've sent you a DM" once that handoff is on the case's timeline. Promised times are the
 * response target for the case's priority.
 */
export function planReplies({ found, settings, now, channel, tone }: PlanInput): ReplyPlan {
  const problems: string[] = [];
  const brand = settings.brands.find((candidate) => found.brandIds.includes(candidate.id));
  if (!brand) problems.push(t('handoff.brandRemoved'));
  const brandName = brand?.name ?? 'our team';
  const config: HandoffChannelConfig = brand?.handoff ?? DEFAULT_HANDOFF_CONFIG;
  const category: CategoryId = found.category ?? 'other';
  // The team's own templates rank above the built-in ones (same match level: earlier wins).
  const templates = [...settings.replyTemplates, ...builtInTemplates()];
  const language = chooseReplyLanguage(found.post.text, templates);
  const handedOff = handoffChannels(found.events);
  const targetMinutes = settings.responseTargets[found.priority ?? DEFAULT_PRIORITY];
  const base = {
    case: found,
    category,
    brand: { name: brandName, ...(brand ? { industry: brand.industry } : {}) },
    settings: { agentSignature: settings.agentSignature },
    templates,
    handedOff,
    targetMinutes,
    language: language.reply,
    ...(tone ? { tone } : {}),
  };

  const privateMessage = suggestPrivateMessage({ ...base, ...handoffReplyValues(undefined, found.platform) });
  let targets: HandoffTarget[] = [];
  try {
    targets = listHandoffTargets({
      post: found.post,
      caseRef: found.ref,
      brandName,
      config,
      privateMessage: privateMessage?.text ?? `About case ${found.ref}`,
      ...(found.platform === 'facebook' ? { metaPrivateReply: { now, alreadySent: privateReplySent(found.events) } } : {}),
    });
  } catch (error) {
    problems.push(t('handoff.channelFailed', { reason: error instanceof Error ? error.message : String(error) }));
  }

  // The chosen channel, else the one the case was last handed off through, else the preferred one.
  const lastHandoff = handedOff[handedOff.length - 1];
  const replyTarget =
    targets.find((target) => target.channel === channel) ?? targets.find((target) => target.channel === lastHandoff) ?? targets[0];
  const values = handoffReplyValues(replyTarget, found.platform);
  const suggestions = suggestReplies({ ...base, ...values });
  return {
    category,
    brandName,
    suggestions,
    targets,
    ...(replyTarget ? { replyChannel: replyTarget.channel } : {}),
    allowed: values.handoffLink !== undefined ? [values.handoffLink] : [],
    handedOff,
    targetMinutes,
    language,
    savedReplies: brand ? (settings.savedReplies ?? []).filter((reply) => reply.brandId === brand.id) : [],
    values: replyValues({ ...base, ...values }),
    problems,
  };
}

/** The channels the case was handed off through, oldest first (from event types and channels only). */
function handoffChannels(events: PlanInput['found']['events']): string[] {
  return (events ?? []).flatMap((event) => (event.type === 'handed_off' && event.channel !== undefined ? [event.channel] : []));
}

/** Meta allows one private reply per comment: has this case used it? */
function privateReplySent(events: PlanInput['found']['events']): boolean {
  return (events ?? []).some((event) => event.type === 'handed_off' && event.channel === 'facebook_private_reply');
}

/** Lint the reply as the user edits it; `startedFrom` is the suggestion it began as. */
export function lintDraft(
  text: string,
  plan: Pick<ReplyPlan, 'allowed' | 'handedOff' | 'targetMinutes'>,
  platform: Case['platform'],
  startedFrom?: string,
): LintFinding[] {
  return lintReply(text, {
    platform,
    kind: 'public',
    allowed: plan.allowed,
    handedOff: plan.handedOff,
    targetMinutes: plan.targetMinutes,
    ...(startedFrom !== undefined ? { startedFrom } : {}),
  });
}
