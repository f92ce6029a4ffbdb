import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../../i18n/testing';
import type { Case } from '../../domain/case';
import { PostSchema, type PostInput } from '../../domain/post';
import { SettingsSchema, type SettingsInput } from '../../settings/schema';
import { lintDraft, planReplies } from './reply-plan';

const NOW = Date.parse('2025-11-20T12:00:00.000Z');

const SETTINGS: SettingsInput = {
  version: 1,
  agentSignature: '^MK',
  brands: [
    {
      id: 'acme-air',
      name: 'Acme Air',
      industry: 'airline_travel',
      handoff: {
        x: { dm: true },
        facebook: { messengerPage: 'acme.air' },
        email: { address: 'care@acmeair.com' },
        contactForm: { url: 'https://acmeair.example/contact?src=social#form' },
      },
    },
  ],
};

function caseFor(post: Partial<PostInput> & Pick<PostInput, 'platform'>, patch: Partial<Case> = {}) {
  return {
    ref: 'CS-7F3K',
    platform: post.platform,
    brandIds: ['acme-air'],
    category: 'lost_damaged' as const,
    events: [{ at: NOW - 60_000, type: 'logged' as const }],
    post: PostSchema.parse({
      postId: '1990000000000000002',
      kind: post.platform === 'yelp' ? 'review' : post.platform === 'facebook' ? 'comment' : 'post',
      url:
        post.platform === 'x'
          ? 'https://x.com/noorhaddad/status/1990000000000000002'
          : post.platform === 'facebook'
            ? 'https://www.facebook.com/AcmeAir/posts/1?comment_id=2'
            : 'https://www.yelp.com/biz/acme-air-sfo?hrid=abc',
      authorName: 'Noor Haddad',
      text: 'Acme Air lost my suitcase',
      postedAt: '2025-11-20T09:10:00.000Z',
      ...post,
    }),
    ...patch,
  };
}

const settings = SettingsSchema.parse(SETTINGS);

describe('planReplies', () => {
  it('replies to a Spanish post in Spanish, and to a French one in English with a note', () => {
    const spanish = planReplies({
      found: caseFor({
        platform: 'x',
        authorHandle: 'noorhaddad',
        text: 'Acme Air perdió mi maleta y nadie me responde desde hace tres días',
      }),
      settings,
      now: NOW,
    });
    expect(spanish.language).toMatchObject({ post: 'es', reply: 'es' });
    expect(spanish.suggestions).toHaveLength(3);
    for (const suggestion of spanish.suggestions) {
      expect(suggestion.template.language).toBe('es');
      expect(suggestion.text).toMatch(/caso CS-7F3K/);
    }
    const french = planReplies({
      found: caseFor({
        platform: 'x',
        authorHandle: 'noorhaddad',
        text: "Acme Air a perdu ma valise et toujours pas de nouvelles depuis trois jours, c'est une honte",
      }),
      settings,
      now: NOW,
    });
    expect(french.language).toEqual({ post: 'fr', reply: 'en', note: 'Post in French: no French templates, English shown.' });
    expect(french.suggestions[0]?.template.language).toBeUndefined();
    expect(french.suggestions[0]?.text).toMatch(/case CS-7F3K/);
  });

  it('ranks three X replies pointing to the X DM, and lists every channel preferred first', () => {
    const plan = planReplies({ found: caseFor({ platform: 'x', authorHandle: 'noorhaddad', authorId: '783214' }), settings, now: NOW });

    expect(plan.suggestions).toHaveLength(3);
    expect(plan.targets.map((target) => target.channel)).toEqual(['x_dm', 'email', 'contact_form']);
    expect(plan.replyChannel).toBe('x_dm');
    for (const suggestion of plan.suggestions) {
      expect(suggestion.text).toContain('CS-7F3K');
      expect(suggestion.text).toContain('@noorhaddad');
      // An airline's lost suitcase is a bag, never an order.
      expect(suggestion.text).toContain('your bag went missing');
      expect(suggestion.text).not.toMatch(/\border\b/);
    }
    // Moving private comes first; the DM is not sent yet, and the promise is the P3 target (no priority: normal).
    expect(plan.suggestions[0]?.text).toMatch(/We'll send you a DM about case CS-7F3K within 4 hours/);
    expect(plan.targetMinutes).toBe(240);
    expect(plan.handedOff).toEqual([]);
    // The DM composer is prefilled with the private message, which carries the case ref.
    const dm = new URL(plan.targets[0]!.url);
    expect(dm.searchParams.get('recipient_id')).toBe('783214');
    expect(dm.searchParams.get('text')).toContain('CS-7F3K');
    expect(plan.problems).toEqual([]);
  });

  it("points the replies at another channel when asked, and the linter accepts that channel's address", () => {
    const found = caseFor({ platform: 'x', authorHandle: 'noorhaddad' });
    const plan = planReplies({ found, settings, now: NOW, channel: 'email' });

    expect(plan.replyChannel).toBe('email');
    expect(plan.allowed).toEqual(['care@acmeair.com']);
    expect(plan.suggestions[0]?.text).toContain('care@acmeair.com');
    const text = plan.suggestions[0]!.text;
    expect(lintDraft(text, plan, 'x').map((finding) => finding.code)).not.toContain('personal_data');
  });

  it("puts the team's own templates first", () => {
    const custom = SettingsSchema.parse({
      ...SETTINGS,
      replyTemplates: [
        {
          id: 'team.lost',
          category: 'lost_damaged',
          platform: 'x',
          tone: 'warm',
          kind: 'public',
          body: 'Hi {firstName}, team template for {caseRef}. Check your DMs. {signature}',
        },
      ],
    });
    // "Check your DMs" is only true once a DM is on the timeline: before, the template is not offered.
    const before = planReplies({ found: caseFor({ platform: 'x', authorHandle: 'noorhaddad' }), settings: custom, now: NOW });
    expect(before.suggestions.map((s) => s.template.id)).not.toContain('team.lost');
    const handedOff = caseFor(
      { platform: 'x', authorHandle: 'noorhaddad' },
      { events: [{ at: NOW - 1, type: 'handed_off', channel: 'x_profile' }] },
    );
    const plan = planReplies({ found: handedOff, settings: custom, now: NOW });
    expect(plan.suggestions[0]?.template.id).toBe('team.lost');
    expect(plan.suggestions[0]?.text).toBe('Hi @noorhaddad, team template for CS-7F3K. Check your DMs. ^MK');
  });

  it('says the DM was sent once a DM handoff is on the timeline, and promises the target of the case’s priority', () => {
    const found = caseFor(
      { platform: 'x', authorHandle: 'noorhaddad', authorId: '783214' },
      { priority: 'P1', events: [{ at: NOW - 1, type: 'handed_off', channel: 'x_dm' }] },
    );
    const plan = planReplies({ found, settings, now: NOW, tone: 'concise' });
    expect(plan.handedOff).toEqual(['x_dm']);
    expect(plan.targetMinutes).toBe(15);
    expect(plan.suggestions[0]?.text).toBe(
      "@noorhaddad Sorry your bag went missing or was damaged. I've sent you a DM (case CS-7F3K); we'll answer there within 15 minutes. ^MK",
    );
    for (const suggestion of plan.suggestions) {
      expect(suggestion.template.tone).toBe('concise');
      expect(suggestion.text).not.toMatch(/24 ?h/);
    }
    // The draft is checked against the same timeline and target.
    expect(lintDraft("I've sent you a DM about case CS-7F3K. We'll reply within 24h.", plan, 'x').map((f) => f.code)).toEqual([
      'promise_beyond_target',
    ]);
    const notYet = planReplies({ found: caseFor({ platform: 'x', authorHandle: 'noorhaddad' }), settings, now: NOW });
    expect(lintDraft("I've sent you a DM about case CS-7F3K.", notYet, 'x').map((f) => f.code)).toEqual(['unverified_claim']);
  });

  it('offers the Meta private reply on Facebook only once and only within 7 days', () => {
    const fresh = planReplies({ found: caseFor({ platform: 'facebook' }), settings, now: NOW });
    expect(fresh.targets.map((target) => target.channel)).toEqual(['facebook_private_reply', 'messenger', 'email', 'contact_form']);

    const used = caseFor({ platform: 'facebook' }, { events: [{ at: NOW - 1, type: 'handed_off', channel: 'facebook_private_reply' }] });
    expect(planReplies({ found: used, settings, now: NOW }).targets[0]?.channel).toBe('messenger');

    const late = planReplies({ found: caseFor({ platform: 'facebook' }), settings, now: NOW + 8 * 24 * 3600_000 });
    expect(late.targets[0]?.channel).toBe('messenger');
  });

  it('still suggests replies when the brand was removed from settings, and says so', () => {
    const plan = planReplies({ found: caseFor({ platform: 'yelp' }, { brandIds: ['gone'] }), settings, now: NOW });
    expect(plan.brandName).toBe('our team');
    expect(plan.problems[0]).toMatch(/no longer in your settings/);
    expect(plan.suggestions.length).toBeGreaterThan(0);
  });

  it('uses the "other" category for cases logged without triage', () => {
    const found = caseFor({ platform: 'x', authorHandle: 'noorhaddad' });
    delete (found as { category?: string }).category;
    expect(planReplies({ found, settings, now: NOW }).category).toBe('other');
  });

  it.each([
    ['hostile markup and template braces', '<img src=x onerror=alert(1)> {caseRef}{signature}'],
    ['bidi overrides', '\u202Eevil\u202C Noor'],
    ['emoji only', '👨‍👩‍👧‍👦'],
    ['200 characters (the longest name a post can carry)', 'N'.repeat(200)],
  ])('keeps a hostile author name (%s) out of the replies as anything but a clean greeting', (_name, authorName) => {
    const text = `${authorName} ${'lost my bag '.repeat(900)}`.slice(0, 10_000);
    const plan = planReplies({ found: caseFor({ platform: 'facebook', authorName, text }), settings, now: NOW });
    for (const suggestion of plan.suggestions) {
      expect(suggestion.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(suggestion.text).not.toContain('<img');
      expect(suggestion.text).not.toContain('{signature}');
      expect(suggestion.text.length).toBeLessThan(1_000);
    }
  });
});

describe('reply plan problems in Spanish', () => {
  it('says in Spanish that the brand was removed from settings', () => {
    installLocaleMessages(fakeBrowser.i18n, 'es', 'es');
    const { problems } = planReplies({ found: caseFor({ platform: 'yelp' }, { brandIds: ['gone'] }), settings, now: NOW });
    expect(problems).toEqual([
      'La marca con la que se registró este caso ya no está en tus ajustes: las respuestas usan un nombre genérico.',
    ]);
    expect(englishLeaks(problems.join('\n'))).toEqual([]);
  });
});
