import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case } from '../domain/case';
import type { Platform } from '../domain/post';
import { DEFAULT_TEMPLATES } from './default-templates';
import { lintReply } from './lint';
import { suggestPrivateMessage, suggestReplies, templateMatch, type SuggestInput } from './suggest';
import type { ReplyTemplate } from './templates';

function makeCase(platform: Platform, overrides: Partial<Case['post']> = {}): Case {
  return CaseSchema.parse({
    id: '0b9f3c1e-8a4d-4f3b-9c2a-1d5e7f9a0b1c',
    ref: 'CS-7F3K',
    postKey: `${platform}:123`,
    platform,
    post: {
      platform,
      postId: '123',
      kind: platform === 'yelp' ? 'review' : 'post',
      url: platform === 'x' ? 'https://x.com/dana_k/status/123' : `https://www.${platform}.com/p/123`,
      authorName: 'Dana Kim',
      ...(platform === 'x' ? { authorHandle: 'dana_k' } : {}),
      text: 'Still no refund after 3 weeks!!',
      ...overrides,
    },
    brandIds: ['acme'],
    status: 'new',
    createdAt: 1,
    updatedAt: 1,
  });
}

const base = (platform: Platform, extra: Partial<SuggestInput> = {}): SuggestInput => ({
  case: makeCase(platform),
  category: 'billing_refund',
  brand: { name: 'Acme' },
  settings: { agentSignature: '^Sam' },
  channel: platform === 'x' ? 'DM' : 'private message',
  ...extra,
});

const tpl = (id: string, fields: Partial<ReplyTemplate>): ReplyTemplate => ({
  id,
  category: 'any',
  platform: 'any',
  tone: 'warm',
  kind: 'public',
  body: 'Hi {firstName}, DM us about case {caseRef}. {signature}',
  ...fields,
});

describe('suggestReplies with the default templates', () => {
  it('returns 3 category+platform matches in three different tones, lint-clean', () => {
    for (const platform of ['x', 'facebook', 'yelp'] as const) {
      const suggestions = suggestReplies(base(platform));
      expect(suggestions).toHaveLength(3);
      expect(new Set(suggestions.map((s) => s.template.tone)).size).toBe(3);
      for (const suggestion of suggestions) {
        expect(suggestion.match).toBe('category_platform');
        expect(suggestion.template.category).toBe('billing_refund');
        expect(suggestion.template.platform).toBe(platform);
        expect(suggestion.lint).toEqual([]);
        expect(suggestion.text).toContain('CS-7F3K');
        expect(suggestion.text).toContain('^Sam');
      }
    }
  });

  it('greets by @handle on X and by first name elsewhere', () => {
    expect(suggestReplies(base('x'))[0]?.text.startsWith('@dana_k ')).toBe(true);
    expect(suggestReplies(base('facebook')).some((s) => s.text.includes('Dana,'))).toBe(true);
  });

  it('with a handoff link, suggests only invite templates that include it (and lints it as allowed)', () => {
    const suggestions = suggestReplies(base('facebook', { handoffLink: 'support@acme.com', channel: 'email' }));
    expect(suggestions).toHaveLength(3);
    for (const suggestion of suggestions) {
      expect(suggestion.text).toContain('via email at support@acme.com');
      expect(suggestion.lint).toEqual([]);
    }
  });

  it('without a link, suggests only "we have messaged you" templates', () => {
    for (const suggestion of suggestReplies(base('x'))) {
      expect(suggestion.template.body).not.toContain('{handoffLink}');
      expect(suggestion.text).toMatch(/sent you a DM/);
    }
  });

  it('uses "The <brand> team" when no signature is set', () => {
    const [first] = suggestReplies(base('yelp', { settings: { agentSignature: '   ' } }));
    expect(first?.text).toContain('The Acme team');
  });

  it('keeps a hostile display name from flipping or breaking the reply', () => {
    const hostile = makeCase('facebook', { authorName: '\u202Egnp.exe {caseRef}\n\nDana' });
    const suggestions = suggestReplies({ ...base('facebook'), case: hostile });
    for (const { text, lint } of suggestions) {
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(text).not.toContain('{caseRef}');
      expect(lint.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('copes with a 10k-character post, emoji names and RTL names', () => {
    const long = makeCase('x', { text: '🇺🇸👨‍👩‍👧‍👦 &#?"'.repeat(1000).slice(0, 10_000), authorHandle: undefined, authorName: 'דנה 👩🏽‍💻' });
    const suggestions = suggestReplies({ ...base('x'), case: long });
    expect(suggestions).toHaveLength(3);
    expect(suggestions[0]?.text.startsWith('דנה I')).toBe(true);
    for (const { lint } of suggestions) expect(lint).toEqual([]);
  });
});

describe('ranking', () => {
  const templates: ReplyTemplate[] = [
    tpl('generic', { tone: 'warm' }),
    tpl('platform-only', { platform: 'x', tone: 'warm' }),
    tpl('category-only', { category: 'billing_refund', tone: 'concise' }),
    tpl('exact', { category: 'billing_refund', platform: 'x', tone: 'formal' }),
    tpl('other-category', { category: 'outage', platform: 'x', tone: 'warm' }),
    tpl('other-platform', { category: 'billing_refund', platform: 'yelp', tone: 'warm' }),
    tpl('private', { category: 'billing_refund', platform: 'x', kind: 'private' }),
  ];

  it('ranks category+platform > category > platform > any and skips non-matching or private ones', () => {
    const ids = suggestReplies({ ...base('x'), templates, count: 10 }).map((s) => s.template.id);
    expect(ids).toEqual(['exact', 'category-only', 'platform-only', 'generic']);
    expect(templateMatch(templates[0]!, 'billing_refund', 'x')).toBe('any');
    expect(templateMatch(templates[4]!, 'billing_refund', 'x')).toBeUndefined();
  });

  it('prefers tone variety over a second template of a tone already picked', () => {
    const sameTone: ReplyTemplate[] = [
      tpl('exact-warm-1', { category: 'billing_refund', platform: 'x', tone: 'warm' }),
      tpl('exact-warm-2', { category: 'billing_refund', platform: 'x', tone: 'warm' }),
      tpl('exact-warm-3', { category: 'billing_refund', platform: 'x', tone: 'warm' }),
      tpl('generic-formal', { tone: 'formal' }),
    ];
    const ids = suggestReplies({ ...base('x'), templates: sameTone }).map((s) => s.template.id);
    expect(ids).toEqual(['exact-warm-1', 'exact-warm-2', 'generic-formal']);
  });

  it('returns fewer than 3 when fewer fit, and none when nothing renders', () => {
    expect(suggestReplies({ ...base('x'), templates: [tpl('only', {})] })).toHaveLength(1);
    const needsLink = tpl('link', { body: 'Go to {handoffLink} with {caseRef}' });
    expect(suggestReplies({ ...base('x'), templates: [needsLink] })).toEqual([]);
  });

  it('lints each suggestion: a lip-service template is flagged', () => {
    const lip = tpl('lip', { body: 'Hi {firstName}, we apologize for any inconvenience. {signature}' });
    const [suggestion] = suggestReplies({ ...base('x'), templates: [lip] });
    expect(suggestion?.lint.map((f) => f.code).sort()).toEqual(['lip_service', 'no_next_step']);
  });

  it('passes the suggestion as startedFrom so unchanged sends are caught', () => {
    const [suggestion] = suggestReplies(base('x'));
    const text = suggestion?.text ?? '';
    expect(lintReply(text, { platform: 'x', startedFrom: text }).map((f) => f.code)).toEqual(['unchanged_template']);
  });
});

describe('suggestPrivateMessage', () => {
  it('renders the category private template in the preferred tone', () => {
    const message = suggestPrivateMessage({ ...base('facebook'), category: 'account_login', tone: 'formal' });
    expect(message?.template.id).toBe('account_login.private.formal');
    expect(message?.text).toContain('Dear Dana');
    expect(message?.text).toContain('never send your password');
    expect(message?.lint).toEqual([]);
  });

  it('falls back to the best match when the tone is missing, and undefined when nothing fits', () => {
    const only = tpl('p', { kind: 'private', category: 'billing_refund', tone: 'concise' });
    expect(suggestPrivateMessage({ ...base('x'), templates: [only], tone: 'warm' })?.template.id).toBe('p');
    expect(suggestPrivateMessage({ ...base('x'), templates: [] })).toBeUndefined();
  });

  it('is different from the public suggestion (asks for details privately)', () => {
    const message = suggestPrivateMessage({ ...base('x'), templates: DEFAULT_TEMPLATES });
    expect(message?.text).toMatch(/reply with the order number/);
  });
});
