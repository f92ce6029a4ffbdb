import type { Platform } from '../domain/post';
import { CATEGORY_IDS, type CategoryId } from '../domain/triage';
import { TONES, type ReplyTemplate, type Tone } from './templates';

/**
 * Built-in reply templates. Every public one does what a real reply must: names the
 * customer's specific problem, owns it, gives ONE concrete next step (the private channel,
 * with the case ref), says when they will hear back, and signs.
 *
 * Two handoff styles, told apart by whether the body uses {handoffLink}:
 * - "invite": the customer contacts us through a link/address (Messenger link, email,
 *   contact form) quoting the case ref;
 * - "sent": we have messaged them privately ({channel} = "DM" / "private message").
 * suggestReplies picks the style that matches the handoff it is given.
 *
 * The bodies are composed from per-category copy and per-platform/tone frames so every
 * combination exists; X frames are kept short enough to fit 280 weighted characters.
 */

interface CategoryCopy {
  /** Clauses naming the problem: after "I'm so sorry", "Sorry", "We apologise that". */
  problem: Record<Tone, string>;
  /** What the customer should send privately (never asked for in public). */
  need: string;
  /** When they will hear back, one sentence per tone. */
  timeframe: Record<Tone, string>;
  /** Extra safety line for private messages. */
  privateNote?: string;
}

const STANDARD_TIMEFRAME: Record<Tone, string> = {
  warm: "We'll get back to you within 24 hours.",
  concise: "We'll reply within 24h.",
  formal: 'We will respond within one business day.',
};

const COPY: Record<CategoryId, CategoryCopy> = {
  billing_refund: {
    problem: {
      warm: "you're still waiting for your money to be put right",
      concise: 'about the billing mix-up',
      formal: 'your charge or refund has not been handled correctly',
    },
    need: 'the order number and the date of the charge',
    timeframe: STANDARD_TIMEFRAME,
    privateNote: "Please don't send your full card number: we never need it.",
  },
  delivery_delay: {
    problem: {
      warm: "your order still hasn't arrived",
      concise: 'your order is late',
      formal: 'your order has not been delivered on time',
    },
    need: 'your order number',
    timeframe: {
      warm: "We'll tell you exactly where it is within 24 hours.",
      concise: "We'll update you within 24h.",
      formal: 'We will confirm its status within one business day.',
    },
  },
  cancellation: {
    problem: {
      warm: 'cancelling has been this difficult',
      concise: "the cancellation hasn't gone through",
      formal: 'your cancellation request has not been completed',
    },
    need: 'the email address on your account',
    timeframe: {
      warm: "We'll confirm the cancellation within 1 business day.",
      concise: "We'll confirm it within 1 business day.",
      formal: 'We will confirm the cancellation in writing within one business day.',
    },
  },
  lost_damaged: {
    problem: {
      warm: 'your order went missing or arrived damaged',
      concise: 'about your lost or damaged order',
      formal: 'your order was lost or damaged',
    },
    need: 'your order number and a photo of any damage',
    timeframe: {
      warm: "We'll sort out a replacement or refund within 48 hours of hearing from you.",
      concise: "We'll replace or refund it within 48h.",
      formal: 'We will arrange a replacement or refund within two business days.',
    },
  },
  staff_service: {
    problem: {
      warm: 'about how you were treated',
      concise: 'about your experience with our team',
      formal: 'the service you received from our team fell short',
    },
    need: 'when and where it happened',
    timeframe: {
      warm: 'A team lead will follow up with you within 2 business days.',
      concise: "We'll follow up within 2 business days.",
      formal: 'A manager will respond within two business days.',
    },
  },
  product_defect: {
    problem: {
      warm: "your purchase isn't working the way it should",
      concise: "it's not working properly",
      formal: 'your product is not performing as it should',
    },
    need: 'the order number and a photo or video of the fault',
    timeframe: {
      warm: "We'll reply within 24 hours with a fix, repair or replacement.",
      concise: "We'll reply within 24h.",
      formal: 'We will respond within one business day with the options available.',
    },
  },
  account_login: {
    problem: {
      warm: "you're locked out of your account",
      concise: "you can't get into your account",
      formal: 'you are unable to access your account',
    },
    need: 'the email address or username on the account',
    timeframe: {
      warm: "We'll help you get back in within 24 hours.",
      concise: "We'll reply within 24h.",
      formal: 'We will respond within one business day.',
    },
    privateNote: 'Please never send your password: we will never ask for it.',
  },
  booking: {
    problem: {
      warm: 'your booking has gone wrong',
      concise: 'about the booking problem',
      formal: 'there has been a problem with your booking',
    },
    need: 'your booking reference',
    timeframe: {
      warm: "We'll get back to you within 24 hours, sooner if your date is close.",
      concise: "We'll reply within 24h.",
      formal: 'We will respond within one business day, or sooner if your booking date is close.',
    },
  },
  outage: {
    problem: {
      warm: 'the service is down for you',
      concise: 'about the outage',
      formal: 'you are experiencing a service disruption',
    },
    need: 'what you see on screen and which device you use',
    timeframe: {
      warm: "We'll post an update within the hour.",
      concise: 'Next update within 1 hour.',
      formal: 'We will post an update within the hour.',
    },
  },
  other: {
    problem: {
      warm: "about the trouble you've had with us",
      concise: 'about the trouble',
      formal: 'your experience with us fell short',
    },
    need: 'a few details of what happened',
    timeframe: STANDARD_TIMEFRAME,
  },
};

type HandoffStyle = 'invite' | 'sent';
const HANDOFF_STYLES: readonly HandoffStyle[] = ['invite', 'sent'];
const PUBLIC_PLATFORMS: readonly Platform[] = ['x', 'facebook', 'yelp'];

type PublicFrame = (copy: CategoryCopy, style: HandoffStyle) => string;

// X replies use the short timeframes: 280 weighted characters must hold a 15-character
// handle, a 23-character link, the case ref and the signature.
const X_FRAMES: Record<Tone, PublicFrame> = {
  warm: ({ problem, need, timeframe }, style) =>
    `{firstName} I'm so sorry ${problem.warm}. That's on us. ` +
    (style === 'invite'
      ? 'Please contact us via {channel} at {handoffLink} quoting case {caseRef}. '
      : `I've sent you a {channel} about case {caseRef}; reply there with ${need}. `) +
    `${timeframe.concise} {signature}`,
  concise: ({ problem, timeframe }, style) =>
    `{firstName} Sorry ${problem.concise}, our mistake. ` +
    (style === 'invite'
      ? 'Contact us via {channel} at {handoffLink} quoting case {caseRef}. '
      : "I've sent you a {channel} (case {caseRef}). ") +
    `${timeframe.concise} {signature}`,
  formal: ({ problem, timeframe }, style) =>
    `{firstName} We apologise that ${problem.formal}; we take responsibility. ` +
    (style === 'invite'
      ? 'Please contact us via {channel} at {handoffLink}, quoting case {caseRef}. '
      : 'We have sent you a {channel} regarding case {caseRef}. ') +
    `${timeframe.concise} {signature}`,
};

const FACEBOOK_FRAMES: Record<Tone, PublicFrame> = {
  warm: ({ problem, need, timeframe }, style) =>
    `Hi {firstName}, I'm so sorry ${problem.warm}. That's on us, and I want to put it right. ` +
    (style === 'invite'
      ? `Please message us via {channel} at {handoffLink} with case {caseRef} and ${need}, so we can pick this up straight away. `
      : `I've sent you a {channel} about case {caseRef}; reply there with ${need} and we'll pick this up straight away. `) +
    `${timeframe.warm}\n\n{signature}`,
  concise: ({ problem, need, timeframe }, style) =>
    `{firstName}, sorry ${problem.concise}: that's our mistake. ` +
    (style === 'invite'
      ? `Message us via {channel} at {handoffLink} with case {caseRef} and ${need}. `
      : `I've sent you a {channel} about case {caseRef}; please reply there with ${need}. `) +
    `${timeframe.concise} {signature}`,
  formal: ({ problem, need, timeframe }, style) =>
    `Dear {firstName},\n\nWe apologise that ${problem.formal}. We take full responsibility and will resolve it. ` +
    (style === 'invite'
      ? `Please contact us via {channel} at {handoffLink}, quoting case {caseRef} and ${need}. `
      : `We have sent you a {channel} regarding case {caseRef}; please reply there with ${need}. `) +
    `${timeframe.formal}\n\nKind regards,\n{signature}`,
};

const YELP_FRAMES: Record<Tone, PublicFrame> = {
  warm: ({ problem, timeframe }, style) =>
    `Hi {firstName}, thank you for telling us about this, and I'm so sorry ${problem.warm}. That's on us, and we want to make it right. ` +
    (style === 'invite'
      ? 'Please contact us via {channel} at {handoffLink} and mention case {caseRef}, so we can look into exactly what happened. '
      : "I've sent you a {channel} about case {caseRef} so we can look into exactly what happened. ") +
    `${timeframe.warm}\n\n{signature}`,
  concise: ({ problem, timeframe }, style) =>
    `{firstName}, sorry ${problem.concise}: that's on us. ` +
    (style === 'invite'
      ? 'Please contact us via {channel} at {handoffLink} and mention case {caseRef}. '
      : "I've sent you a {channel} about case {caseRef}. ") +
    `${timeframe.concise} {signature}`,
  formal: ({ problem, timeframe }, style) =>
    `Dear {firstName},\n\nThank you for your review. We apologise that ${problem.formal}, and we take full responsibility. ` +
    (style === 'invite'
      ? 'Please contact us via {channel} at {handoffLink}, quoting case {caseRef}, so that we can investigate and put this right. '
      : 'We have sent you a {channel} regarding case {caseRef} so that we can investigate and put this right. ') +
    `${timeframe.formal}\n\nSincerely,\n{signature}`,
};

const FRAMES: Record<Platform, Record<Tone, PublicFrame>> = {
  x: X_FRAMES,
  facebook: FACEBOOK_FRAMES,
  yelp: YELP_FRAMES,
};

type PrivateFrame = (copy: CategoryCopy) => string;

const PRIVATE_FRAMES: Record<Tone, PrivateFrame> = {
  warm: ({ problem, need, timeframe, privateNote }) =>
    `Hi {firstName}, this is the {brand} team following up on your post (case {caseRef}). ` +
    `I'm so sorry ${problem.warm}, and I want to get this sorted for you.\n\n` +
    joinSentences(`Could you reply with ${need}?`, privateNote) +
    `\n\n${timeframe.warm}\n\n{signature}`,
  concise: ({ problem, need, timeframe, privateNote }) =>
    `Hi {firstName}, {brand} here about case {caseRef}. Sorry ${problem.concise}. ` +
    joinSentences(`Please reply with ${need}.`, privateNote, timeframe.concise) +
    `\n{signature}`,
  formal: ({ problem, need, timeframe, privateNote }) =>
    `Dear {firstName},\n\nThank you for raising this with {brand}. We have opened case {caseRef}. ` +
    `We apologise that ${problem.formal}.\n\n` +
    joinSentences(`To resolve this, please reply with ${need}.`, privateNote) +
    `\n\n${timeframe.formal}\n\nKind regards,\n{signature}`,
};

function joinSentences(...sentences: (string | undefined)[]): string {
  return sentences.filter((sentence) => sentence !== undefined && sentence !== '').join(' ');
}

/** Category-independent invite-to-private replies: the safe fallback for any complaint. */
const GENERIC_PUBLIC: Record<Tone, Record<HandoffStyle, string>> = {
  warm: {
    invite:
      "{firstName} I'm sorry this happened, and I want to put it right. Please contact us via {channel} at {handoffLink} and mention case {caseRef}. We'll get back to you within 24 hours. {signature}",
    sent: "{firstName} I'm sorry this happened, and I want to put it right. I've sent you a {channel} about case {caseRef} to go through the details. We'll get back to you within 24 hours. {signature}",
  },
  concise: {
    invite:
      "{firstName} Sorry about this, it's on us. Contact us via {channel} at {handoffLink} quoting case {caseRef}. We'll reply within 24h. {signature}",
    sent: "{firstName} Sorry about this, it's on us. I've sent you a {channel} (case {caseRef}). We'll reply within 24h. {signature}",
  },
  formal: {
    invite:
      '{firstName} We apologise for what happened and take responsibility for it. Please contact us via {channel} at {handoffLink}, quoting case {caseRef}. We will respond within one business day. {signature}',
    sent: '{firstName} We apologise for what happened and take responsibility for it. We have sent you a {channel} regarding case {caseRef}. We will respond within one business day. {signature}',
  },
};

const GENERIC_PRIVATE: Record<Tone, string> = {
  warm: "Hi {firstName}, this is the {brand} team following up on your post (case {caseRef}). I'm sorry about what happened, and I want to get it sorted.\n\nCould you tell me a little more about what went wrong, and any order or booking number involved?\n\nWe'll get back to you within 24 hours.\n\n{signature}",
  concise:
    "Hi {firstName}, {brand} here about case {caseRef}. Sorry about this. Please reply with what happened and any order or booking number. We'll reply within 24h.\n{signature}",
  formal:
    'Dear {firstName},\n\nThank you for raising this with {brand}. We have opened case {caseRef}. Please reply with a description of the issue and any relevant order or booking number.\n\nWe will respond within one business day.\n\nKind regards,\n{signature}',
};

function buildDefaultTemplates(): ReplyTemplate[] {
  const templates: ReplyTemplate[] = [];
  for (const category of CATEGORY_IDS) {
    const copy = COPY[category];
    for (const platform of PUBLIC_PLATFORMS) {
      for (const tone of TONES) {
        for (const style of HANDOFF_STYLES) {
          templates.push({
            id: `${category}.${platform}.${tone}.${style}`,
            category,
            platform,
            tone,
            kind: 'public',
            body: FRAMES[platform][tone](copy, style),
          });
        }
      }
    }
    for (const tone of TONES) {
      templates.push({
        id: `${category}.private.${tone}`,
        category,
        platform: 'any',
        tone,
        kind: 'private',
        body: PRIVATE_FRAMES[tone](copy),
      });
    }
  }
  for (const tone of TONES) {
    for (const style of HANDOFF_STYLES) {
      templates.push({
        id: `any.any.${tone}.${style}`,
        category: 'any',
        platform: 'any',
        tone,
        kind: 'public',
        body: GENERIC_PUBLIC[tone][style],
      });
    }
    templates.push({
      id: `any.private.${tone}`,
      category: 'any',
      platform: 'any',
      tone,
      kind: 'private',
      body: GENERIC_PRIVATE[tone],
    });
  }
  return templates;
}

export const DEFAULT_TEMPLATES: readonly ReplyTemplate[] = Object.freeze(buildDefaultTemplates());
