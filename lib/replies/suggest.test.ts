import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case } from '../domain/case';
import type { Platform } from '../domain/post';
import { defaultTemplates } from './default-templates';
import { lintReply } from './lint';
import { suggestPrivateMessage, suggestReplies, templateMatch, type SuggestInput } from './suggest';
import { strategyOf, type ReplyTemplate } from './templates';

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
  targetMinutes: 60,
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
  it('returns 3 category+platform matches, one per strategy in one tone, lint-clean', () => {
    for (const platform of ['x', 'facebook', 'yelp'] as const) {
      const suggestions = suggestReplies(base(platform));
      expect(suggestions).toHaveLength(3);
      expect(suggestions.map((s) => strategyOf(s.template))).toEqual(['move_private', 'public_answer', 'ask_detail']);
      expect(new Set(suggestions.map((s) => s.template.tone))).toEqual(new Set(['warm']));
      expect(new Set(suggestReplies(base(platform, { tone: 'formal' })).map((s) => s.template.tone))).toEqual(new Set(['formal']));
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

  it('with a handoff link, the replies naming the channel include it (and it lints as allowed)', () => {
    const suggestions = suggestReplies(base('facebook', { handoffLink: 'support@acme.com', channel: 'email' }));
    expect(suggestions).toHaveLength(3);
    expect(suggestions[0]?.text).toContain('via email at support@acme.com');
    for (const suggestion of suggestions) {
      if (suggestion.template.body.includes('{channel}')) expect(suggestion.text).toContain('via email at support@acme.com');
      expect(suggestion.lint).toEqual([]);
    }
  });

  it('says "I\'ve sent you a DM" only once a DM handoff is on the timeline; before, that it will', () => {
    const before = suggestReplies(base('x'));
    for (const suggestion of before) {
      expect(suggestion.template.body).not.toContain('{handoffLink}');
      expect(suggestion.text).not.toMatch(/sent you/);
    }
    expect(before[0]?.text).toMatch(/We'll send you a DM about case CS-7F3K within 1 hour/);
    // A handoff by email gives the customer an address: it is no DM.
    expect(suggestReplies(base('x', { handedOff: ['email'] }))[0]?.text).not.toMatch(/sent you/);
    const after = suggestReplies(base('x', { handedOff: ['x_dm'] }));
    expect(after[0]?.text).toMatch(/I've sent you a DM about case CS-7F3K/);
    expect(after[0]?.lint).toEqual([]);
  });

  it('drops a team template claiming a DM that was never sent', () => {
    const claim = tpl('claim', { body: "{firstName} We've sent you a DM about case {caseRef}. {signature}" });
    const honest = tpl('honest', { body: '{firstName} Please DM us about case {caseRef}. {signature}' });
    expect(suggestReplies({ ...base('x'), templates: [claim, honest] }).map((s) => s.template.id)).toEqual(['honest']);
    expect(suggestReplies({ ...base('x', { handedOff: ['x_dm'] }), templates: [claim, honest] }).map((s) => s.template.id)).toEqual([
      'claim',
      'honest',
    ]);
  });

  it('answers an outage in public first: one status page serves everyone affected', () => {
    const suggestions = suggestReplies(base('x', { category: 'outage', brand: { name: 'Fibrelink', industry: 'telecom_utilities' } }));
    expect(suggestions.map((s) => strategyOf(s.template))).toEqual(['public_answer', 'ask_detail', 'move_private']);
    expect(suggestions[0]?.text).toContain('status page');
  });

  it('uses the industry words of the brand, generic ones otherwise', () => {
    const airline = suggestReplies(base('x', { category: 'delivery_delay', brand: { name: 'Acme Air', industry: 'airline_travel' } }));
    expect(airline[0]?.text).toContain('your flight was delayed');
    const generic = suggestReplies(base('x', { category: 'delivery_delay' }));
    for (const { text } of generic) expect(text).not.toMatch(/\b(?:order|flight|table|booking)\b/i);
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

  it('picks one per strategy before a second of the same strategy, in the preferred tone', () => {
    const mixed: ReplyTemplate[] = [
      tpl('exact-private-1', { category: 'billing_refund', platform: 'x' }),
      tpl('exact-private-2', { category: 'billing_refund', platform: 'x' }),
      tpl('exact-private-formal', { category: 'billing_refund', platform: 'x', tone: 'formal' }),
      tpl('generic-answer', { strategy: 'public_answer', body: '{firstName} Refunds are under Orders. Case {caseRef}. {signature}' }),
    ];
    expect(suggestReplies({ ...base('x'), templates: mixed }).map((s) => s.template.id)).toEqual([
      'exact-private-1',
      'exact-private-2',
      'generic-answer',
    ]);
    expect(suggestReplies({ ...base('x'), templates: mixed, tone: 'formal' }).map((s) => s.template.id)).toEqual([
      'exact-private-formal',
      'exact-private-1',
      'generic-answer',
    ]);
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
    expect(message?.template.id).toBe('account_login.any.private.formal');
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
    const message = suggestPrivateMessage({ ...base('x'), templates: defaultTemplates() });
    expect(message?.text).toMatch(/reply with the date and amount of the charge/);
  });
});
