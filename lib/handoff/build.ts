import { t } from '../i18n/t';
import type { CaseRef } from '../domain/case';
import type { Platform, Post } from '../domain/post';
import { firstNameOf } from '../replies/customer-name';
import type { HandoffChannelConfig } from '../domain/brand-handoff';
import { SITES, siteFor } from '../sites/registry';
import { contactFormUrl, isXHandle, isYelpUrl, mailtoUrl, messengerUrl, xDmComposeUrl, xProfileUrl } from './links';
import { canSendMetaPrivateReply } from './meta-private-reply';

/** The sites' own private channels, as each site's definition declares them (lib/sites/<site>/site.ts). */
type SiteChannel = (typeof SITES)[Platform]['handoff']['channels'][number];

export type HandoffChannel = SiteChannel | 'email' | 'contact_form';

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
  /**
   * Nothing for the agent to open: the channel is the address the public reply gives. (A
   * post never carries the customer's email address, so CareSide never offers to email them;
   * opening the brand's own address in the agent's mail client would write to ourselves.)
   */
  replyOnly?: true;
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

/** Every handoff available for this post and configuration, preferred first. */
export function listHandoffTargets(input: HandoffInput): HandoffTarget[] {
  const native = nativeTargets(input);
  return [...native, ...emailTargets(input), ...contactFormTargets(input)];
}

/** The preferred handoff, or undefined when no private channel is available. */
export function preferredHandoff(input: HandoffInput): HandoffTarget | undefined {
  return listHandoffTargets(input)[0];
}

/**
 * The target carrying `message` (the agent's edited private message) instead of the suggested
 * one: an agent channel's message, and the X DM composer link that prefills it. Customer
 * channels are unchanged: their message is what the customer sends.
 */
export function withPrivateMessage(target: HandoffTarget, message: string, post: Pick<Post, 'authorId'>): HandoffTarget {
  if (target.audience !== 'agent') return target;
  if (target.channel === 'x_dm' && post.authorId !== undefined) return { ...target, message, url: xDmComposeUrl(post.authorId, message) };
  return { ...target, message };
}

/** `{channel}` / `{handoffLink}` values for reply templates. */
export function handoffReplyValues(target: HandoffTarget | undefined, platform: Platform): { channel: string; handoffLink?: string } {
  if (target === undefined) return { channel: siteFor(platform).handoff.channelName };
  return target.publicLink === undefined
    ? { channel: target.channelName }
    : { channel: target.channelName, handoffLink: target.publicLink };
}

/** The post's site's own channels, in the order its definition lists them. */
function nativeTargets(input: HandoffInput): HandoffTarget[] {
  const channels: readonly SiteChannel[] = SITES[input.post.platform].handoff.channels;
  return channels.flatMap((channel) => SITE_CHANNEL_TARGETS[channel](input) ?? []);
}

/** One builder per site channel: the target for this post, or undefined when the channel does not apply. */
const SITE_CHANNEL_TARGETS: Record<SiteChannel, (input: HandoffInput) => HandoffTarget | undefined> = {
  x_dm: xDmTarget,
  x_profile: xProfileTarget,
  facebook_private_reply: facebookPrivateReplyTarget,
  messenger: messengerTarget,
  yelp_message: yelpMessageTarget,
};

function validXHandle(post: Post): string | undefined {
  const handle = post.authorHandle?.replace(/^@/, '');
  return handle !== undefined && isXHandle(handle) ? handle : undefined;
}

function xDmTarget({ post, config, privateMessage }: HandoffInput): HandoffTarget | undefined {
  if (!config.x.dm || post.authorId === undefined) return undefined;
  const validHandle = validXHandle(post);
  return {
    channel: 'x_dm',
    url: xDmComposeUrl(post.authorId, privateMessage),
    message: privateMessage,
    label: validHandle !== undefined ? t('handoff.openDmTo', { handle: validHandle }) : t('handoff.openDm'),
    audience: 'agent',
    channelName: 'DM',
    note: t('handoff.xDmNote'),
  };
}

/** Only without the numeric id the DM composer needs (then x_dm applies instead). */
function xProfileTarget({ post, config, privateMessage }: HandoffInput): HandoffTarget | undefined {
  const validHandle = validXHandle(post);
  if (!config.x.dm || post.authorId !== undefined || validHandle === undefined) return undefined;
  return {
    channel: 'x_profile',
    url: xProfileUrl(validHandle),
    message: privateMessage,
    label: t('handoff.openProfile', { handle: validHandle }),
    audience: 'agent',
    channelName: 'DM',
    note: t('handoff.xProfileNote'),
  };
}

function facebookPrivateReplyTarget({ post, privateMessage, metaPrivateReply }: HandoffInput): HandoffTarget | undefined {
  if (metaPrivateReply === undefined || (post.kind !== 'comment' && post.kind !== 'post')) return undefined;
  const check = canSendMetaPrivateReply({ postedAt: post.postedAt, ...metaPrivateReply });
  if (!check.allowed) return undefined;
  return {
    channel: 'facebook_private_reply',
    url: post.url,
    message: privateMessage,
    label: t('handoff.privateReply'),
    audience: 'agent',
    channelName: 'private message',
    note: t('handoff.privateReplyNote', { reason: check.reason }),
  };
}

function messengerTarget({ caseRef, config }: HandoffInput): HandoffTarget | undefined {
  const page = config.facebook.messengerPage;
  if (page === undefined) return undefined;
  const url = messengerUrl(page, caseRef);
  return {
    channel: 'messenger',
    url,
    message: `Case ${caseRef}`,
    label: t('handoff.messengerLink', { page }),
    audience: 'customer',
    channelName: 'Messenger',
    publicLink: url,
    note: t('handoff.messengerNote'),
  };
}

function yelpMessageTarget({ post, privateMessage }: HandoffInput): HandoffTarget | undefined {
  const profile = post.authorUrl !== undefined && isYelpUrl(post.authorUrl) ? post.authorUrl : undefined;
  const url = profile ?? (isYelpUrl(post.url) ? post.url : undefined);
  if (url === undefined) return undefined;
  const name = firstNameOf(post.authorName);
  return {
    channel: 'yelp_message',
    url,
    message: privateMessage,
    label: name !== undefined ? t('handoff.yelpMessageTo', { name }) : t('handoff.yelpMessage'),
    audience: 'agent',
    channelName: 'private message',
    note: t(profile !== undefined ? 'handoff.yelpNoteProfile' : 'handoff.yelpNoteReview'),
  };
}

function emailTargets({ post, caseRef, brandName, config }: HandoffInput): HandoffTarget[] {
  const email = config.email;
  if (email === undefined) return [];
  const prefix = email.subjectPrefix?.trim();
  const subject = `${prefix ? `${prefix} ` : ''}Case ${caseRef}`;
  const body = [
    `Hello ${brandName},`,
    '',
    `I'm getting in touch about case ${caseRef} (my ${siteFor(post.platform).shortName} ${post.kind}: ${post.url}).`,
    '',
    '',
  ].join('\n');
  return [
    {
      channel: 'email',
      url: mailtoUrl({ address: email.address, subject, body }),
      message: body,
      label: t('handoff.email', { address: email.address }),
      audience: 'customer',
      channelName: 'email',
      publicLink: email.address,
      replyOnly: true,
      note: t('handoff.emailNote', { address: email.address, subject }),
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
      label: t('handoff.contactForm'),
      audience: 'customer',
      channelName: 'our contact form',
      publicLink: url,
    },
  ];
}
