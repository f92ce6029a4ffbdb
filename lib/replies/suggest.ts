import type { Case } from '../domain/case';
import type { Brand } from '../domain/brand';
import { DEFAULT_INDUSTRY, type Industry } from '../domain/industry';
import type { CategoryId } from '../domain/triage';
import { greetingName } from './customer-name';
import { builtInTemplates } from './built-in-templates';
import { claimBacked, findHandoffClaim, lintReply, type LintFinding } from './lint';
import { channelNameIn, formatMinutesIn, teamSignature } from './reply-words';
import {
  canRender,
  DEFAULT_REPLY_LANGUAGE,
  languageOf,
  renderTemplate,
  STRATEGIES,
  strategyOf,
  templateVariables,
  type ReplyKind,
  type ReplyLanguage,
  type ReplyTemplate,
  type Strategy,
  type TemplateValues,
  type Tone,
} from './templates';

export type TemplateMatch = 'category_platform' | 'category' | 'platform' | 'any';

export interface ReplySuggestion {
  template: ReplyTemplate;
  /** Rendered reply, ready to edit. Pass it as `startedFrom` when linting the edited text. */
  text: string;
  match: TemplateMatch;
  lint: LintFinding[];
}

export interface SuggestInput {
  case: Pick<Case, 'ref' | 'platform' | 'post'>;
  category: CategoryId;
  brand: Pick<Brand, 'name'> & { industry?: Industry };
  settings: { agentSignature: string };
  /**
   * The channels of the handoffs on the case's timeline ("x_dm", "yelp_message"…), [] (the
   * default) when there are none. Replies saying "I've sent you a DM" are only suggested when
   * a matching handoff is there.
   */
  handedOff?: readonly string[];
  /** The brand's response target for this case in minutes: the only time replies promise ({replyTime}). */
  targetMinutes: number;
  /** Preferred tone (warm, concise, formal); the strategies stay the same whatever the tone. */
  tone?: Tone;
  /**
   * Link or address the customer can use to reach the brand privately (Messenger link,
   * support email, contact form). When given, only templates that invite the customer
   * there ({handoffLink}) are suggested; when absent, only templates naming the private
   * channel without a link ("we'll send you a {channel}", "send it by {channel}").
   */
  handoffLink?: string;
  /** Private channel name as it reads in a sentence: "DM", "Messenger", "email", "private message". */
  channel: string;
  templates?: readonly ReplyTemplate[];
  /** The language to reply in (default English): only templates in it are suggested. See chooseReplyLanguage. */
  language?: ReplyLanguage;
  /** How many suggestions to return (default 3). */
  count?: number;
}

const MATCH_SCORE: Record<TemplateMatch, number> = { category_platform: 3, category: 2, platform: 1, any: 0 };

/** Template values for a case, in the reply's language: customer greeting, brand, signature (or "The <brand> team"), ref. */
export function replyValues(
  input: Pick<SuggestInput, 'case' | 'brand' | 'settings' | 'handoffLink' | 'channel' | 'targetMinutes' | 'language'>,
): TemplateValues {
  const language = input.language ?? DEFAULT_REPLY_LANGUAGE;
  const signature = input.settings.agentSignature.trim() || teamSignature(language, input.brand.name);
  return {
    firstName: greetingName(input.case.post),
    brand: input.brand.name,
    signature,
    caseRef: input.case.ref,
    channel: channelNameIn(language, input.channel),
    replyTime: formatMinutesIn(language, input.targetMinutes),
    ...(input.handoffLink !== undefined && input.handoffLink.trim() !== '' ? { handoffLink: input.handoffLink } : {}),
  };
}

export function templateMatch(template: ReplyTemplate, category: CategoryId, platform: Case['platform']): TemplateMatch | undefined {
  const categoryOk = template.category === category || template.category === 'any';
  const platformOk = template.platform === platform || template.platform === 'any';
  if (!categoryOk || !platformOk) return undefined;
  if (template.category === category) return template.platform === platform ? 'category_platform' : 'category';
  return template.platform === platform ? 'platform' : 'any';
}

interface Candidate {
  template: ReplyTemplate;
  match: TemplateMatch;
  order: number;
  text: string;
  /** It says we have messaged them, and the timeline backs that. */
  backedClaim: boolean;
}

/** Renderable candidates of `kind`, best first; replies claiming a handoff the timeline lacks are dropped. */
function rankedCandidates(input: SuggestInput, kind: ReplyKind, values: TemplateValues): Candidate[] {
  const templates = input.templates ?? builtInTemplates();
  const industry = input.brand.industry ?? DEFAULT_INDUSTRY;
  const handedOff = input.handedOff ?? [];
  const language = input.language ?? DEFAULT_REPLY_LANGUAGE;
  const wantsLink = values.handoffLink !== undefined;
  const candidates: Candidate[] = [];
  templates.forEach((template, order) => {
    if (template.kind !== kind || languageOf(template) !== language) return;
    if (template.industry !== undefined && template.industry !== industry) return;
    const match = templateMatch(template, input.category, input.case.platform);
    if (match === undefined || !canRender(template.body, values)) return;
    const used = templateVariables(template.body);
    // A reply naming the private channel points where the plan points: to the link when there is one.
    if (kind === 'public' && (used.includes('channel') || used.includes('handoffLink')) && used.includes('handoffLink') !== wantsLink)
      return;
    const text = renderTemplate(template.body, values);
    const claim = kind === 'public' ? findHandoffClaim(text) : undefined;
    if (claim !== undefined && !claimBacked(claim.channel, handedOff)) return;
    candidates.push({ template, match, order, text, backedClaim: claim !== undefined });
  });
  return candidates.sort(
    (a, b) => MATCH_SCORE[b.match] - MATCH_SCORE[a.match] || Number(b.backedClaim) - Number(a.backedClaim) || a.order - b.order,
  );
}

/** The best candidate, in the preferred tone when one exists at the same match level. */
function bestInTone(candidates: readonly Candidate[], tone: Tone | undefined): Candidate | undefined {
  const top = candidates[0];
  if (top === undefined || tone === undefined) return top;
  return candidates.find((c) => c.match === top.match && c.backedClaim === top.backedClaim && c.template.tone === tone) ?? top;
}

/**
 * Which strategy comes first for a category: moving private, except for an outage, where one
 * public answer (the status page) serves everyone affected and a DM each does not scale.
 */
export function strategyOrder(category: CategoryId): readonly Strategy[] {
  return category === 'outage' ? ['public_answer', 'ask_detail', 'move_private'] : STRATEGIES;
}

/** One per strategy (move private, answer in public, ask for a detail), then the next best. */
function pickByStrategy(candidates: Candidate[], count: number, tone: Tone | undefined, order: readonly Strategy[]): Candidate[] {
  const picked: Candidate[] = [];
  for (const strategy of order) {
    if (picked.length === count) break;
    const best = bestInTone(
      candidates.filter((c) => strategyOf(c.template) === strategy),
      tone,
    );
    if (best !== undefined) picked.push(best);
  }
  const rest = candidates.filter((c) => !picked.includes(c));
  while (picked.length < count) {
    const next = bestInTone(rest, tone);
    if (next === undefined) break;
    picked.push(next);
    rest.splice(rest.indexOf(next), 1);
  }
  // Stable: within a match level and strategy, the order they were picked in (preferred tone first).
  const rank = (candidate: Candidate) => order.indexOf(strategyOf(candidate.template));
  return picked.sort((a, b) => MATCH_SCORE[b.match] - MATCH_SCORE[a.match] || rank(a) - rank(b));
}

function lintOptions(input: SuggestInput, kind: ReplyKind, values: TemplateValues) {
  return {
    platform: input.case.platform,
    kind,
    allowed: values.handoffLink !== undefined ? [values.handoffLink] : [],
    handedOff: input.handedOff ?? [],
    targetMinutes: input.targetMinutes,
  };
}

/**
 * Up to `count` (3) public reply suggestions for a case: one per strategy (move private,
 * answer in public, ask for the one detail needed) in the preferred tone, ranked: category and
 * platform match > category > platform > generic, then by strategy (strategyOrder). Each is linted.
 */
export function suggestReplies(input: SuggestInput): ReplySuggestion[] {
  const values = replyValues(input);
  const picked = pickByStrategy(rankedCandidates(input, 'public', values), input.count ?? 3, input.tone, strategyOrder(input.category));
  return picked.map(({ template, text, match }) => ({
    template,
    text,
    match,
    lint: lintReply(text, lintOptions(input, 'public', values)),
  }));
}

/**
 * The private message to send (or prefill) when handing off: the best private template
 * for the category and industry, in the preferred tone when there is one.
 */
export function suggestPrivateMessage(input: SuggestInput): ReplySuggestion | undefined {
  const values = replyValues(input);
  // Tone is a preference within the best match level, never a reason to go generic.
  const best = bestInTone(rankedCandidates(input, 'private', values), input.tone);
  if (best === undefined) return undefined;
  return {
    template: best.template,
    text: best.text,
    match: best.match,
    lint: lintReply(best.text, lintOptions(input, 'private', values)),
  };
}
