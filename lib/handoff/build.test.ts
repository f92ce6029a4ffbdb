import { formatDateTime } from '../i18n/format';
import { describe, expect, it } from 'vitest';
import { PostSchema, type PostInput } from '../domain/post';
import { suggestReplies } from '../replies/suggest';
import { SITES } from '../sites/registry';
import { handoffReplyValues, listHandoffTargets, preferredHandoff, withPrivateMessage, type HandoffInput } from './build';
import { HandoffChannelConfigSchema, type HandoffChannelConfigInput } from '../domain/brand-handoff';

const MESSAGE = 'Hi @dana_k, this is Acme about case CS-7F3K.\n\nCould you reply with the order number? "&#?" 👨‍👩‍👧‍👦';

function input(post: Partial<PostInput> & Pick<PostInput, 'platform'>, config: HandoffChannelConfigInput = {}): HandoffInput {
  return {
    post: PostSchema.parse({
      postId: '123',
      kind: post.platform === 'yelp' ? 'review' : post.platform === 'facebook' ? 'comment' : 'post',
      url:
        post.platform === 'x'
          ? 'https://x.com/dana_k/status/123'
          : post.platform === 'yelp'
            ? 'https://www.yelp.com/biz/acme-sf?hrid=123'
            : 'https://www.facebook.com/acme/posts/1?comment_id=123',
      authorName: 'Dana Kim',
      text: 'where is my refund',
      ...post,
    }),
    caseRef: 'CS-7F3K',
    brandName: 'Acme',
    config: HandoffChannelConfigSchema.parse(config),
    privateMessage: MESSAGE,
  };
}

describe('X handoff', () => {
  it('opens the DM composer with the message when the numeric user id is known', () => {
    const target = preferredHandoff(input({ platform: 'x', authorHandle: 'dana_k', authorId: '783214' }));
    expect(target).toMatchObject({ channel: 'x_dm', audience: 'agent', channelName: 'DM', label: 'Open DM to @dana_k' });
    const url = new URL(target?.url ?? '');
    expect(url.searchParams.get('recipient_id')).toBe('783214');
    expect(url.searchParams.get('text')).toBe(MESSAGE);
    expect(target?.message).toBe(MESSAGE);
    expect(target?.publicLink).toBeUndefined();
  });

  it('falls back to the profile with a note when only the handle is known', () => {
    const target = preferredHandoff(input({ platform: 'x', authorHandle: 'dana_k' }));
    expect(target).toMatchObject({ channel: 'x_profile', url: 'https://x.com/dana_k', audience: 'agent' });
    expect(target?.note).toMatch(/numeric X user id/);
  });

  it('offers nothing native when DMs are off or the handle is not valid', () => {
    expect(listHandoffTargets(input({ platform: 'x', authorHandle: 'dana_k', authorId: '1' }, { x: { dm: false } }))).toEqual([]);
    expect(listHandoffTargets(input({ platform: 'x', authorHandle: 'not valid!' }))).toEqual([]);
  });
});

describe('Facebook handoff', () => {
  it('gives customers an m.me link carrying the case ref', () => {
    const target = preferredHandoff(input({ platform: 'facebook' }, { facebook: { messengerPage: 'acme.support' } }));
    expect(target).toMatchObject({
      channel: 'messenger',
      url: 'https://m.me/acme.support?ref=CS-7F3K',
      publicLink: 'https://m.me/acme.support?ref=CS-7F3K',
      audience: 'customer',
      channelName: 'Messenger',
    });
  });

  it('offers a Meta private reply first while the 7-day window is open, and not after', () => {
    const postedAt = '2025-03-01T12:00:00Z';
    const now = Date.parse(postedAt) + 24 * 60 * 60 * 1000;
    const open = listHandoffTargets({
      ...input({ platform: 'facebook', postedAt }, { facebook: { messengerPage: 'acme.support' } }),
      metaPrivateReply: { now, alreadySent: false },
    });
    expect(open.map((t) => t.channel)).toEqual(['facebook_private_reply', 'messenger']);
    expect(open[0]?.note).toContain(formatDateTime(Date.parse('2025-03-08T12:00:00.000Z')));
    const sent = listHandoffTargets({
      ...input({ platform: 'facebook', postedAt }),
      metaPrivateReply: { now, alreadySent: true },
    });
    expect(sent).toEqual([]);
    const late = listHandoffTargets({
      ...input({ platform: 'facebook', postedAt }),
      metaPrivateReply: { now: now + 30 * 24 * 60 * 60 * 1000, alreadySent: false },
    });
    expect(late).toEqual([]);
  });
});

describe('Yelp handoff', () => {
  it("links the reviewer's yelp.com profile and explains the manual step", () => {
    const target = preferredHandoff(
      input({ platform: 'yelp', authorName: 'Dana K.', authorUrl: 'https://www.yelp.com/user_details?userid=abc' }),
    );
    expect(target).toMatchObject({
      channel: 'yelp_message',
      url: 'https://www.yelp.com/user_details?userid=abc',
      label: 'Message Dana on Yelp',
      audience: 'agent',
      channelName: 'private message',
    });
    expect(target?.note).toMatch(/Yelp for Business/);
  });

  it('falls back to the review link when the author URL is missing or not on yelp.com', () => {
    const target = preferredHandoff(input({ platform: 'yelp', authorUrl: 'https://evil.example/phish' }));
    expect(target?.url).toBe('https://www.yelp.com/biz/acme-sf?hrid=123');
    expect(target?.note).toMatch(/opens the review/);
  });

  it('sanitizes a hostile reviewer name in the label', () => {
    const target = preferredHandoff(input({ platform: 'yelp', authorName: '\u202E{brand}\nDana' }));
    expect(target?.label).toBe('Message brand on Yelp');
  });
});

describe("a site's own channels", () => {
  const everything: HandoffChannelConfigInput = { facebook: { messengerPage: 'acme.support' }, email: { address: 'care@acme.test' } };

  it.each([
    ['x', input({ platform: 'x', authorHandle: 'dana_k', authorId: '783214' }, everything)],
    [
      'facebook',
      {
        ...input({ platform: 'facebook', postedAt: new Date(0).toISOString() }, everything),
        metaPrivateReply: { now: 1, alreadySent: false },
      },
    ],
    ['yelp', input({ platform: 'yelp' }, everything)],
  ] as const)('are the ones %s declares in its site definition, before email and the contact form', (platform, handoffInput) => {
    const channels = listHandoffTargets(handoffInput).map((target) => target.channel);
    const declared: readonly string[] = SITES[platform].handoff.channels;
    const native = channels.filter((channel) => channel !== 'email' && channel !== 'contact_form');
    expect(native.length).toBeGreaterThan(0);
    expect(native.every((channel) => declared.includes(channel))).toBe(true);
    expect(channels.slice(0, native.length)).toEqual(native);
  });

  it('name the channel in replies when no target is available', () => {
    expect(handoffReplyValues(undefined, 'x')).toEqual({ channel: 'DM' });
    expect(handoffReplyValues(undefined, 'yelp')).toEqual({ channel: 'private message' });
  });
});

describe('email and contact form handoff', () => {
  const config: HandoffChannelConfigInput = {
    email: { address: 'care@acme.com', subjectPrefix: '[Acme]' },
    contactForm: { url: 'https://acme.com/help?lang=en#top', param: 'ref' },
  };

  it('adds email then contact form after the native channel, on every platform', () => {
    for (const platform of ['x', 'facebook', 'yelp'] as const) {
      const channels = listHandoffTargets(input({ platform, authorHandle: 'dana_k', authorId: '1' }, config)).map((t) => t.channel);
      expect(channels.slice(-2)).toEqual(['email', 'contact_form']);
    }
  });

  it('builds a mailto with the case ref in the subject and a CRLF body', () => {
    const email = listHandoffTargets(input({ platform: 'x' }, config)).find((t) => t.channel === 'email');
    expect(email?.publicLink).toBe('care@acme.com');
    const url = email?.url ?? '';
    expect(url.startsWith('mailto:care@acme.com?subject=%5BAcme%5D%20Case%20CS-7F3K&body=')).toBe(true);
    const body = new URLSearchParams(url.slice(url.indexOf('?') + 1)).get('body') ?? '';
    expect(body).toContain('case CS-7F3K');
    expect(body).toContain('https://x.com/dana_k/status/123');
    expect(body).toContain('\r\n');
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('builds the contact form link with the ref, keeping other params and the fragment', () => {
    const form = listHandoffTargets(input({ platform: 'yelp' }, config)).find((t) => t.channel === 'contact_form');
    expect(form).toMatchObject({
      url: 'https://acme.com/help?lang=en&ref=CS-7F3K#top',
      publicLink: 'https://acme.com/help?lang=en&ref=CS-7F3K#top',
      channelName: 'our contact form',
      audience: 'customer',
    });
  });
});

describe('handoffReplyValues feeds suggestReplies', () => {
  it('gives {channel} and {handoffLink} for customer-facing targets and a lint-clean reply', () => {
    const handoff = input({ platform: 'facebook' }, { email: { address: 'care@acme.com' } });
    const target = preferredHandoff(handoff);
    const values = handoffReplyValues(target, 'facebook');
    expect(values).toEqual({ channel: 'email', handoffLink: 'care@acme.com' });
    const suggestions = suggestReplies({
      case: { ref: 'CS-7F3K', platform: 'facebook', post: handoff.post },
      category: 'delivery_delay',
      brand: { name: 'Acme' },
      settings: { agentSignature: '^Sam' },
      targetMinutes: 60,
      ...values,
    });
    expect(suggestions).toHaveLength(3);
    // The first moves the case private through the link; the others answer or ask in public.
    expect(suggestions[0]?.text).toContain('care@acme.com');
    for (const suggestion of suggestions) expect(suggestion.lint).toEqual([]);
  });

  it('gives only {channel} for agent-side targets and a sensible default without any target', () => {
    const target = preferredHandoff(input({ platform: 'x', authorHandle: 'dana_k', authorId: '1' }));
    expect(handoffReplyValues(target, 'x')).toEqual({ channel: 'DM' });
    expect(handoffReplyValues(undefined, 'x')).toEqual({ channel: 'DM' });
    expect(handoffReplyValues(undefined, 'yelp')).toEqual({ channel: 'private message' });
  });
});

describe('withPrivateMessage', () => {
  it('puts the edited message in the X DM composer link and in agent channels, never in customer ones', () => {
    const post = input({ platform: 'x', authorHandle: 'dana_k', authorId: '42' }).post;
    const dm = preferredHandoff(input({ platform: 'x', authorHandle: 'dana_k', authorId: '42' }))!;
    const edited = withPrivateMessage(dm, 'Hi Dana, edited for CS-7F3K', post);
    expect(edited.message).toBe('Hi Dana, edited for CS-7F3K');
    expect(new URL(edited.url).searchParams.get('text')).toBe('Hi Dana, edited for CS-7F3K');
    expect(new URL(edited.url).searchParams.get('recipient_id')).toBe('42');

    const profile = preferredHandoff(input({ platform: 'x', authorHandle: 'dana_k' }))!;
    expect(withPrivateMessage(profile, 'edited', post)).toEqual({ ...profile, message: 'edited' });

    const [email] = listHandoffTargets(input({ platform: 'facebook' }, { email: { address: 'care@acme.com' } })).filter(
      (target) => target.channel === 'email',
    );
    expect(withPrivateMessage(email!, 'edited', post)).toBe(email);
  });
});
