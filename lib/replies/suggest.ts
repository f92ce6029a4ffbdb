import type { Case } from '../domain/case';
import type { Brand } from '../domain/brand';
import type { CategoryId } from '../domain/triage';
import { greetingName } from './customer-name';
import { DEFAULT_TEMPLATES } from './default-templates';
import { lintReply, type LintFinding } from './lint';
import {
  canRender,
  renderTemplate,
  templateVariables,
  type ReplyKind,
  type ReplyTemplate,
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
  brand: Pick<Brand, 'name'>;
  settings: { agentSignature: string };
  /**
   * Link or address the customer can use to reach the brand privately (Messenger link,
   * support email, contact form). When given, only templates that invite the customer
   * there ({handoffLink}) are suggested; when absent, only templates saying we have
   * messaged them ("I've sent you a {channel}").
   */
  handoffLink?: string;
  /** Private channel name as it reads in a sentence: "DM", "Messenger", "email", "private message". */
  channel: string;
  templates?: readonly ReplyTemplate[];
  /** How many suggestions to return (default 3). */
  count?: number;
}

const MATCH_SCORE: Record<TemplateMatch, number> = { category_platform: 3, category: 2, platform: 1, any: 0 };

/** Template values for a case: customer greeting, brand, signature (or "The <brand> team"), ref. */
export function replyValues(input: Pick<SuggestInput, 'case' | 'brand' | 'settings' | 'handoffLink' | 'channel'>): TemplateValues {
  const signature = input.settings.agentSignature.trim() || `The ${input.brand.name} team`;
  return {
    firstName: greetingName(input.case.post),
    brand: input.brand.name,
    signature,
    caseRef: input.case.ref,
    channel: input.channel,
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
}

function rankedCandidates(input: SuggestInput, kind: ReplyKind, values: TemplateValues): Candidate[] {
  const templates = input.templates ?? DEFAULT_TEMPLATES;
  const wantsLink = values.handoffLink !== undefined;
  const candidates: Candidate[] = [];
  templates.forEach((template, order) => {
    if (template.kind !== kind) return;
    const match = templateMatch(template, input.category, input.case.platform);
    if (match === undefined || !canRender(template.body, values)) return;
    if (kind === 'public' && templateVariables(template.body).includes('handoffLink') !== wantsLink) return;
    candidates.push({ template, match, order });
  });
  return candidates.sort((a, b) => MATCH_SCORE[b.match] - MATCH_SCORE[a.match] || a.order - b.order);
}

/** Best first, but each tone once before any tone repeats. */
function pickWithToneVariety(candidates: Candidate[], count: number): Candidate[] {
  const picked: Candidate[] = [];
  const tones = new Set<Tone>();
  for (const candidate of candidates) {
    if (picked.length === count) break;
    if (tones.has(candidate.template.tone)) continue;
    tones.add(candidate.template.tone);
    picked.push(candidate);
  }
  for (const candidate of candidates) {
    if (picked.length === count) break;
    if (!picked.includes(candidate)) picked.push(candidate);
  }
  return picked.sort((a, b) => MATCH_SCORE[b.match] - MATCH_SCORE[a.match] || a.order - b.order);
}

/**
 * Up to `count` (3) public reply suggestions for a case, ranked: category and platform
 * match > category > platform > generic, with a variety of tones. Each is linted.
 */
export function suggestReplies(input: SuggestInput): ReplySuggestion[] {
  const values = replyValues(input);
  const picked = pickWithToneVariety(rankedCandidates(input, 'public', values), input.count ?? 3);
  const allowed = values.handoffLink !== undefined ? [values.handoffLink] : [];
  return picked.map(({ template, match }) => {
    const text = renderTemplate(template.body, values);
    return { template, text, match, lint: lintReply(text, { platform: input.case.platform, kind: 'public', allowed }) };
  });
}

/**
 * The private message to send (or prefill) when handing off: the best private template
 * for the category, in the preferred tone when there is one.
 */
export function suggestPrivateMessage(input: SuggestInput & { tone?: Tone }): ReplySuggestion | undefined {
  const values = replyValues(input);
  const candidates = rankedCandidates(input, 'private', values);
  const top = candidates[0];
  if (top === undefined) return undefined;
  // Tone is a preference within the best match level, never a reason to go generic.
  const best = candidates.find((c) => c.match === top.match && c.template.tone === input.tone) ?? top;
  const text = renderTemplate(best.template.body, values);
  return {
    template: best.template,
    text,
    match: best.match,
    lint: lintReply(text, { platform: input.case.platform, kind: 'private' }),
  };
}
