import type { Platform } from '../domain/post';
import { REPLY_COPY, type ReplyCopy } from './reply-copy';
import { buildTemplates, type ReplyFrames } from './template-builder';
import type { ReplyTemplate, Tone } from './templates';

/**
 * Built-in reply templates, composed from per-category, per-industry copy (reply-copy.ts)
 * and per-platform, per-tone frames, so every category x industry x platform x tone x
 * strategy exists. An industry without copy of its own for a category uses the generic
 * templates (no `industry`), whose words name no product.
 *
 * Three strategies (see STRATEGIES): move the case private, answer in public, ask for the
 * one detail needed. Moving private comes in three handoff styles:
 * - "invite": the customer reaches us through {handoffLink} quoting the case ref;
 * - "pending": we are about to message them ("We'll send you a {channel}");
 * - "sent": we have messaged them. Only suggested once a handoff is on the case's timeline
 *   (suggest.ts drops a reply claiming a message that was never sent; lint flags it).
 * Promised times are always {replyTime}: the brand's own response target for the case.
 * X frames fit 280 weighted characters with long values.
 */

function opener(platform: Platform, tone: Tone, copy: ReplyCopy): string {
  const { problem, formal } = copy;
  if (platform === 'x') {
    return {
      warm: `{firstName} I'm so sorry ${problem}.`,
      concise: `{firstName} Sorry ${problem}.`,
      formal: `{firstName} We apologise that ${formal}.`,
    }[tone];
  }
  if (platform === 'facebook') {
    return {
      warm: `Hi {firstName}, I'm so sorry ${problem}. That's on us, and I want to put it right.`,
      concise: `{firstName}, sorry ${problem}: that's our mistake.`,
      formal: `Dear {firstName},\n\nWe apologise that ${formal}. We take full responsibility and will resolve it.`,
    }[tone];
  }
  return {
    warm: `Hi {firstName}, thank you for telling us about this, and I'm so sorry ${problem}. That's on us, and we want to make it right.`,
    concise: `{firstName}, sorry ${problem}: that's on us.`,
    formal: `Dear {firstName},\n\nThank you for your review. We apologise that ${formal}, and we take full responsibility.`,
  }[tone];
}

function closer(platform: Platform, tone: Tone): string {
  if (platform === 'x' || tone === 'concise') return ' {signature}';
  if (tone === 'warm') return '\n\n{signature}';
  return platform === 'yelp' ? '\n\nSincerely,\n{signature}' : '\n\nKind regards,\n{signature}';
}

/** How the customer reaches the private channel, in a sentence: "via DM at <link>" or "by DM". */
function via(style: 'invite' | 'pending'): string {
  return style === 'invite' ? 'via {channel} at {handoffLink}' : 'by {channel}';
}

function movePrivate(platform: Platform, tone: Tone, copy: ReplyCopy, style: 'invite' | 'pending' | 'sent'): string {
  const long = platform !== 'x';
  const need = long ? ` with ${copy.need}` : '';
  if (style === 'invite') {
    return {
      warm: `Please message us via {channel} at {handoffLink} quoting case {caseRef}${need}, and we'll answer within {replyTime}.`,
      concise: `Contact us via {channel} at {handoffLink} quoting case {caseRef}; we reply within {replyTime}.`,
      formal: `Please contact us via {channel} at {handoffLink}, quoting case {caseRef}${need}. We will respond within {replyTime}.`,
    }[tone];
  }
  if (style === 'pending') {
    return {
      warm: `We'll send you a {channel} about case {caseRef} within {replyTime} so we can sort this out together.`,
      concise: `We'll send you a {channel} about case {caseRef} within {replyTime}.`,
      formal: `We will send you a {channel} regarding case {caseRef} within {replyTime}.`,
    }[tone];
  }
  return {
    warm: `I've sent you a {channel} about case {caseRef}; reply there${long ? ` with ${copy.need}` : ''} and we'll answer within {replyTime}.`,
    concise: `I've sent you a {channel} (case {caseRef}); we'll answer there within {replyTime}.`,
    formal: `We have sent you a {channel} regarding case {caseRef}; we will respond there within {replyTime}.`,
  }[tone];
}

function publicAnswer(tone: Tone, copy: ReplyCopy): string {
  return {
    warm: `${copy.answer} If that doesn't sort it, reply here with case {caseRef}.`,
    concise: `${copy.answer} Still stuck? Reply quoting case {caseRef}.`,
    formal: `${copy.answer} Should that not resolve it, please reply quoting case {caseRef}.`,
  }[tone];
}

function askDetail(platform: Platform, tone: Tone, copy: ReplyCopy, style: 'invite' | 'pending' | 'none'): string {
  if (style === 'none') {
    return {
      warm: `${copy.ask} Reply here and we'll take it from there (case {caseRef}).`,
      concise: `${copy.ask} Case {caseRef}.`,
      formal: `${copy.ask} We have opened case {caseRef} and will follow up here.`,
    }[tone];
  }
  if (platform === 'x') {
    // 280 characters: the link, the ref and the detail leave no room for more.
    return {
      warm: `Please send us ${copy.need} ${via(style)} with case {caseRef}, not here.`,
      concise: `Send ${copy.need} ${via(style)} with case {caseRef}, not here.`,
      formal: `Please send ${copy.need} ${via(style)}, quoting case {caseRef}.`,
    }[tone];
  }
  return {
    warm: `To sort it out we need ${copy.need}: please send it ${via(style)} quoting case {caseRef}, not here.`,
    concise: `We need ${copy.need}: send it ${via(style)} with case {caseRef}, not here.`,
    formal: `To resolve this we need ${copy.need}. Please send it ${via(style)}, quoting case {caseRef}, rather than posting it here.`,
  }[tone];
}

function privateBody(tone: Tone, copy: ReplyCopy): string {
  const note = copy.privateNote !== undefined ? ` ${copy.privateNote}` : '';
  return {
    warm:
      `Hi {firstName}, this is the {brand} team following up on your post (case {caseRef}). ` +
      `I'm so sorry ${copy.problem}, and I want to get this sorted for you.\n\n` +
      `Could you reply with ${copy.need}?${note}\n\nWe'll get back to you within {replyTime} of hearing from you.\n\n{signature}`,
    concise: `Hi {firstName}, {brand} here about case {caseRef}. Sorry ${copy.problem}. Please reply with ${copy.need}.${note} We'll answer within {replyTime}.\n{signature}`,
    formal:
      `Dear {firstName},\n\nThank you for raising this with {brand}. We have opened case {caseRef}. We apologise that ${copy.formal}.\n\n` +
      `To resolve this, please reply with ${copy.need}.${note}\n\nWe will respond within {replyTime} of your reply.\n\nKind regards,\n{signature}`,
  }[tone];
}

/** The English frames; another language gives the same functions in its own words (frames-es.ts). */
export const FRAMES_EN: ReplyFrames = { opener, closer, movePrivate, publicAnswer, askDetail, privateBody };

let english: readonly ReplyTemplate[] | undefined;

/** The English built-ins, built on first use (not when a content script loads: only the case panel needs them). */
export function defaultTemplates(): readonly ReplyTemplate[] {
  return (english ??= Object.freeze(buildTemplates(FRAMES_EN, REPLY_COPY)));
}
