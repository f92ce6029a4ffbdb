import type { CaseRef } from '../domain/case';
import type { Platform, Post } from '../domain/post';
import { firstNameOf } from '../replies/customer-name';
import type { HandoffChannelConfig } from '../domain/brand-handoff';
import { contactFormUrl, isXHandle, isYelpUrl, mailtoUrl, messengerUrl, xDmComposeUrl, xProfileUrl } from './links';
import { canSendMetaPrivateReply } from './meta-private-reply';

export type HandoffChannel =
  | 'x_dm'
  | 'x_profile'
  | 'facebook_private_reply'
  | 'messenger'
  | 'yelp_message'
  | 'email'
  | 'contact_form';

/**
 * One way to take a case private.
 *
 * `audience` says who opens `url`:
 * - 'agent': the agent messages the customer (X DM composer, X profile, Yelp, Meta private
 *   reply). `message` is the agent's private message: prefilled in the X DM composer,
 *   to paste elsewhere.
 * - 'customer': a link or address to put in the public reply so the customer can reach
 *   the brand (Messenger link, email, contact form). `publicLink` is the text for
 *   {handoffLink}; `message` is what the customer sends (the mailto body) or quotes.
 */
export interface HandoffTarget {
  channel: HandoffChannel;
  url: string;
  message: string;
  label: string;
  audience: 'agent' | 'customer';
  /** How replies name the channel: "DM", "Messenger", "email", "our contact form", "private message". */
  channelName: string;
  publicLink?: string;
  /** What the agent needs to know (limits, manual steps). */
  note?: string;
}

export interface HandoffInput {
  post: Post;
  caseRef: CaseRef;
  brandName: string;
  config: HandoffChannelConfig;
  /** The agent's private message for agent-side channels (e.g. from suggestPrivateMessage). */
  privateMessage: string;
  /**
   * Facebook only: pass the clock and whether a private reply was already sent to offer
   * Meta's one-per-comment private reply while its 7-day window is open.
   */
  metaPrivateReply?: { now: number; alreadySent: boolean };
}

const PLATFORM_LABELS: Record<Platform, string> = { x: 'X', facebook: 'Facebook', yelp: 'Yelp' };

/** Every handoff available for this post and configuration, preferred first. */
export function listHandoffTargets(input: HandoffInput): HandoffTarget[] {
  const native = nativeTargets(input);
  return [...native, ...emailTargets(input), ...contactFormTargets(input)];
}

/** The preferred handoff, or undefined when no private channel is available. */
export function preferredHandoff(input: HandoffInput): HandoffTarget | undefined {
  return listHandoffTargets(input)[0];
}

/** `{channel}` / `{handoffLink}` values for reply templates. */
export function handoffReplyValues(
  target: HandoffTarget | undefined,
  platform: Platform,
): { channel: string; handoffLink?: string } {
  if (target === undefined) return { channel: platform === 'x' ? 'DM' : 'private message' };
  return target.publicLink === undefined
    ? { channel: target.channelName }
    : { channel: target.channelName, handoffLink: target.publicLink };
}

function nativeTargets(input: HandoffInput): HandoffTarget[] {
  switch (input.post.platform) {
    case 'x':
      return xTargets(input);
    case 'facebook':
      return facebookTargets(input);
    case 'yelp':
      return yelpTargets(input);
  }
}

function xTargets({ post, config, privateMessage }: HandoffInput): HandoffTarget[] {
  if (!config.x.dm) return [];
  const handle = post.authorHandle?.replace(/^@/, '');
  const validHandle = handle !== undefined && isXHandle(handle) ? handle : undefined;
  if (post.authorId !== undefined) {
    return [
      {
        channel: 'x_dm',
        url: xDmComposeUrl(post.authorId, privateMessage),
        message: privateMessage,
        label: validHandle !== undefined ? `Open DM to @${validHandle}` : 'Open DM',
        audience: 'agent',
        channelName: 'DM',
        note: 'Opens the X DM composer with the message filled in. Sending works if they accept DMs from your account.',
      },
    ];
  }
  if (validHandle !== undefined) {
    return [
      {
        channel: 'x_profile',
        url: xProfileUrl(validHandle),
        message: privateMessage,
        label: `Open @${validHandle}'s profile to DM`,
        audience: 'agent',
        channelName: 'DM',
        note: "This page does not show their numeric X user id, so the DM cannot be prefilled: open the profile, choose Message and paste the message. It only works if they accept DMs from you.",
      },
    ];
  }
  return [];
}

function facebookTargets({ post, caseRef, config, privateMessage, metaPrivateReply }: HandoffInput): HandoffTarget[] {
  const targets: HandoffTarget[] = [];
  if (metaPrivateReply !== undefined && (post.kind === 'comment' || post.kind === 'post')) {
    const check = canSendMetaPrivateReply({ postedAt: post.postedAt, ...metaPrivateReply });
    if (check.allowed) {
      targets.push({
        channel: 'facebook_private_reply',
        url: post.url,
        message: privateMessage,
        label: 'Send a private reply to this comment',
        audience: 'agent',
        channelName: 'private message',
        note: `Send it from the Page inbox (Meta Business Suite) as a private reply to this comment. ${check.reason}`,
      });
    }
  }
  const page = config.facebook.messengerPage;
  if (page !== undefined) {
    const url = messengerUrl(page, caseRef);
    targets.push({
      channel: 'messenger',
      url,
      message: `Case ${caseRef}`,
      label: `Messenger link (m.me/${page})`,
      audience: 'customer',
      channelName: 'Messenger',
      publicLink: url,
      note: 'Customers open this to message your Page. The case ref travels as the m.me "ref" parameter to your Messenger webhook, if you have one; the reply asks them to quote it too.',
    });
  }
  return targets;
}

function yelpTargets({ post, privateMessage }: HandoffInput): HandoffTarget[] {
  const profile = post.authorUrl !== undefined && isYelpUrl(post.authorUrl) ? post.authorUrl : undefined;
  const url = profile ?? (isYelpUrl(post.url) ? post.url : undefined);
  if (url === undefined) return [];
  const name = firstNameOf(post.authorName);
  return [
    {
      channel: 'yelp_message',
      url,
      message: privateMessage,
      label: name !== undefined ? `Message ${name} on Yelp` : 'Message the reviewer on Yelp',
      audience: 'agent',
      channelName: 'private message',
      note: `Yelp has no public link that opens a message to a reviewer. Open the review in Yelp for Business (biz.yelp.com) and use its private message option, then paste the message. This link opens the ${
        profile !== undefined ? "reviewer's profile" : 'review'
      }.`,
    },
  ];
}

function emailTargets({ post, caseRef, brandName, config }: HandoffInput): HandoffTarget[] {
  const email = config.email;
  if (email === undefined) return [];
  const prefix = email.subjectPrefix?.trim();
  const subject = `${prefix ? `${prefix} ` : ''}Case ${caseRef}`;
  const body = [
    `Hello ${brandName},`,
    '',
    `I'm getting in touch about case ${caseRef} (my ${PLATFORM_LABELS[post.platform]} ${post.kind}: ${post.url}).`,
    '',
    '',
  ].join('\n');
  return [
    {
      channel: 'email',
      url: mailtoUrl({ address: email.address, subject, body }),
      message: body,
      label: `Email link (${email.address})`,
      audience: 'customer',
      channelName: 'email',
      publicLink: email.address,
      note: `The reply shows the address; the mailto link opens an email with the subject "${subject}".`,
    },
  ];
}

function contactFormTargets({ caseRef, config }: HandoffInput): HandoffTarget[] {
  const form = config.contactForm;
  if (form === undefined) return [];
  const url = contactFormUrl(form.url, form.param, caseRef);
  return [
    {
      channel: 'contact_form',
      url,
      message: `Case ${caseRef}`,
      label: 'Contact form link',
      audience: 'customer',
      channelName: 'our contact form',
      publicLink: url,
    },
  ];
}
