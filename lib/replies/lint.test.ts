import { describe, expect, it } from 'vitest';
import { hasLintErrors, lintReply, type LintCode, type LintOptions } from './lint';
import { passesLuhn } from './lint-patterns';

const X: LintOptions = { platform: 'x' };
const codes = (text: string, options: LintOptions = X) => lintReply(text, options).map((f) => f.code);

const GOOD_X =
  "@dana_k I'm so sorry your refund still hasn't come through. That's on us. I've sent you a DM about case CS-7F3K; reply there with your order number. We'll get back to you within 24 hours. ^Sam";

describe('lintReply: clean replies', () => {
  it('passes a good reply with no findings on every platform', () => {
    expect(lintReply(GOOD_X, X)).toEqual([]);
    expect(lintReply(GOOD_X, { platform: 'facebook' })).toEqual([]);
    expect(lintReply(GOOD_X, { platform: 'yelp' })).toEqual([]);
  });

  it('does not flag dates, times, prices, counts, versions or the case ref as personal data', () => {
    const text =
      "Sorry about the 2-hour wait on 2024-06-01 10:30 (order placed 12/05). The $1,299.99 charge is being reversed: case CS-7F3K, we'll update you within 24-48 hours. Version 2.5.1 fixes it; reference CS-7F3K. Open 9:00-17:00, 7 days a week since 2019-2024.";
    expect(lintReply(text, X).filter((f) => f.code === 'personal_data')).toEqual([]);
    expect(codes(text, { platform: 'facebook' })).toEqual([]);
  });

  it('does not flag words like "order number" or "booking reference" without a value', () => {
    const text = "Please DM us your order number and booking reference; we'll reply within 2 hours.";
    expect(codes(text)).toEqual([]);
  });

  it('allows the configured support address and handoff link in public', () => {
    const text = 'Please email support@acme.com or use https://acme.com/help?case=CS-7F3K&id=5551234567 with case CS-7F3K.';
    expect(codes(text, { platform: 'facebook', allowed: ['Support@Acme.com'] })).toEqual([]);
    expect(codes(text, { platform: 'facebook' })).toEqual(['personal_data']);
  });

  it('does not flag digits inside links (X DM link recipient ids)', () => {
    const text = 'Message us: https://x.com/messages/compose?recipient_id=1234567890123 case CS-7F3K';
    expect(codes(text)).toEqual([]);
  });

  it('"thank you for your patience" next to a real next step is fine', () => {
    expect(codes('Thank you for your patience, we will email you within 2 hours.')).toEqual([]);
  });
});

describe('lintReply: lip service', () => {
  const phrases = [
    'We apologize for any inconvenience.',
    'We apologise for the inconvenience this may have caused.',
    'Sorry for any inconvenience caused.',
    'Apologies for any inconvenience.',
    'Your call is important to us.',
    'Your feedback is very important to us.',
    'We value your business.',
    'We truly value your feedback.',
    "We're sorry you feel that way.",
    'We’re sorry you feel that way.',
    'I am sorry if you were upset.',
    'We take this very seriously.',
    'Sorry for any confusion.',
  ];
  for (const phrase of phrases) {
    it(`flags "${phrase}" with its position even when a next step exists`, () => {
      const text = `Hi Dana. ${phrase} DM us with case CS-7F3K.`;
      const finding = lintReply(text, X).find((f) => f.code === 'lip_service');
      expect(finding?.severity).toBe('warning');
      expect(text.slice(finding?.start, finding?.end).length).toBeGreaterThan(10);
      expect(phrase.toLowerCase()).toContain(text.slice(finding?.start, finding?.end).toLowerCase().slice(0, 10));
    });
  }

  it('flags "thank you for your patience" when it is all there is', () => {
    const findings = lintReply('Thank you for your patience!', X);
    expect(findings.map((f) => f.code).sort()).toEqual(['lip_service', 'no_next_step']);
  });
});

describe('lintReply: next step', () => {
  it('flags a reply with no channel, link, ref or timeframe', () => {
    expect(codes("Oh no, that's not good. We're looking into it.")).toEqual(['no_next_step']);
  });

  it.each([
    'Please DM us.',
    'Can you send us a direct message?',
    'Email us at help@acme.com',
    'Visit acme.com/help',
    'We have opened case CS-7F3K.',
    "We'll get back to you within 24 hours.",
    "We'll have an update by end of day.",
    'Expect a reply tomorrow.',
    'Message us on Messenger.',
  ])('accepts "%s" as a next step', (text) => {
    expect(codes(text, { platform: 'facebook', allowed: ['help@acme.com'] })).not.toContain('no_next_step');
  });
});

describe('lintReply: personal data in public', () => {
  const cases: [string, string][] = [
    ['an email address', 'Hi, we emailed dana.kim+orders@example.co.uk about case CS-7F3K.'],
    ['a US phone number', 'Call Dana back on (555) 123-4567, case CS-7F3K.'],
    ['an international phone number', 'We will call +44 20 7946 0958 today.'],
    ['a dotted phone number', 'We will call 555.123.4567 today.'],
    ['an order number', 'Your order #123456 ships today.'],
    ['an order number with "no."', 'Order no. 98765-AB ships today.'],
    ['a booking reference', 'Your booking ref AB12CD is confirmed today.'],
    ['a PNR', 'PNR ABCDEF has been rebooked today.'],
    ['an invoice number', 'Invoice number: INV-2024-0042 was refunded today.'],
    ['a non-Luhn card-like digit run', 'Account 1234 5678 9012 3456 refunded today.'],
  ];
  it.each(cases)('flags %s with its exact span', (_what, text) => {
    const finding = lintReply(text, { platform: 'facebook' }).find((f) => f.code === 'personal_data');
    expect(finding?.severity).toBe('error');
    expect(finding?.start).toBeDefined();
    const flagged = text.slice(finding?.start, finding?.end);
    expect(flagged).toMatch(/\d|ABCDEF|@/);
  });

  it('does not flag personal data in a private message, except card numbers', () => {
    const text = 'Hi Dana, is (555) 123-4567 still your number? Order #123456, case CS-7F3K. We will call today.';
    expect(codes(text, { platform: 'facebook', kind: 'private' })).toEqual([]);
    expect(codes('Your card 4111 1111 1111 1111 was charged today.', { platform: 'x', kind: 'private' })).toEqual(['card_number']);
  });

  it('flags Luhn-valid card numbers everywhere as card_number', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    const findings = lintReply('Card 4111-1111-1111-1111 refunded today.', X);
    expect(findings.map((f) => f.code)).toEqual(['card_number']);
  });
});

describe('lintReply: length', () => {
  it('flags X replies over 280 weighted characters, pointing at the overflow', () => {
    const text = `DM us, case CS-7F3K. ${'a'.repeat(260)}`;
    const finding = lintReply(text, X).find((f) => f.code === 'over_limit');
    expect(finding).toMatchObject({ severity: 'error', start: 280, end: text.length });
    expect(finding?.message).toContain(`${text.length} of 280`);
  });

  it('counts CJK double and links as 23 on X', () => {
    // "DM us " is 6, each CJK character 2: 137 of them make exactly 280.
    expect(codes(`DM us ${'中'.repeat(137)}`)).toEqual([]);
    expect(codes(`DM us ${'中'.repeat(138)}`)).toEqual(['over_limit']);
    expect(codes(`DM us https://acme.com/${'x'.repeat(1000)}`)).toEqual([]);
  });

  it('uses 8000 for Facebook comments and 5000 for Yelp public comments', () => {
    const base = 'DM us, case CS-7F3K. ';
    expect(codes(base + 'a'.repeat(8000 - base.length), { platform: 'facebook' })).toEqual([]);
    expect(codes(base + 'a'.repeat(8001 - base.length), { platform: 'facebook' })).toEqual(['over_limit']);
    expect(codes(base + 'a'.repeat(5000 - base.length), { platform: 'yelp' })).toEqual([]);
    expect(codes(base + 'a'.repeat(5001 - base.length), { platform: 'yelp' })).toEqual(['over_limit']);
  });

  it('uses the private-channel limits for private messages', () => {
    const base = 'Reply with your order number. ';
    expect(codes(base + 'a'.repeat(2001 - base.length), { platform: 'facebook', kind: 'private' })).toEqual(['over_limit']);
    expect(codes(base + 'a'.repeat(5000), { platform: 'x', kind: 'private' })).toEqual([]);
  });

  it.each([
    ['letters', 'a'.repeat(10_000)],
    ['dotted labels', 'a.'.repeat(5000)],
    ['digits', '1'.repeat(10_000)],
    ['address characters', 'a.b-c_d%'.repeat(1250)],
    ['open parens after a link', `https://a.com/${'('.repeat(9000)}`],
  ])('lints 10k characters of %s (patterns anchored, no blow-up)', (_name, text) => {
    const found = codes(text, { platform: 'facebook' });
    expect(found).toContain('over_limit');
  });

  it('survives a 10k-character hostile reply', () => {
    const hostile = '👨‍👩‍👧‍👦 "quote" & #tag ? \u202E שלום \n'.repeat(400).slice(0, 10_000);
    const found = codes(hostile, { platform: 'facebook' });
    expect(found).toContain('over_limit');
    expect(found).toContain('hidden_characters');
  });
});

describe('lintReply: structure', () => {
  it('flags empty and whitespace-only text alone', () => {
    expect(lintReply('', X)).toEqual([{ code: 'empty', severity: 'error', message: 'The reply is empty.' }]);
    expect(codes(' \n\t ')).toEqual(['empty']);
  });

  it('flags unfilled variables with positions', () => {
    const text = 'Hi {firstName}, DM us about {caseRef} within 2 hours.';
    const findings = lintReply(text, X).filter((f) => f.code === 'unfilled_variable');
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['{firstName}', '{caseRef}']);
    expect(hasLintErrors(findings)).toBe(true);
  });

  it('flags an unchanged template (ignoring whitespace) but not an edited one', () => {
    expect(codes(GOOD_X, { platform: 'x', startedFrom: `  ${GOOD_X.replace('. ', '.  ')}\n` })).toEqual(['unchanged_template']);
    expect(codes(`${GOOD_X} Thanks`, { platform: 'x', startedFrom: GOOD_X })).toEqual([]);
  });

  it('flags bidi overrides: an error on X (rejected), a warning elsewhere', () => {
    const text = 'Hi \u202Eanad, DM us with case CS-7F3K.';
    expect(lintReply(text, X)).toMatchObject([{ code: 'hidden_characters', severity: 'error', start: 3, end: 4 }]);
    expect(lintReply(text, { platform: 'facebook' })).toMatchObject([{ code: 'hidden_characters', severity: 'warning' }]);
    expect(codes('Hi \u2067Dana\u2069, DM us.', { platform: 'x' })).toEqual(['hidden_characters']);
  });

  it('orders errors before warnings', () => {
    const findings = lintReply('We value your business. Call us on (555) 123-4567', { platform: 'facebook' });
    const order: LintCode[] = findings.map((f) => f.code);
    expect(order).toEqual(['personal_data', 'lip_service']);
  });
});

describe('lintReply: honest claims and promised times', () => {
  const claims = [
    "I've sent you a DM about case CS-7F3K.",
    'We have sent you a private message about case CS-7F3K.',
    "We've messaged you about case CS-7F3K.",
    'We just DMed you about case CS-7F3K.',
    'Please check your DMs for case CS-7F3K.',
    'We’ve just emailed you about case CS-7F3K.',
  ];

  it('flags a claimed message when the timeline has no handoff', () => {
    for (const text of claims) {
      expect(lintReply(text, { platform: 'x', handedOff: [] }), text).toMatchObject([{ code: 'unverified_claim', severity: 'error' }]);
    }
  });

  it('accepts a DM claim once a DM handoff is on the timeline, but not after an email or contact-form handoff', () => {
    const text = "I've sent you a DM about case CS-7F3K.";
    expect(codes(text, { platform: 'x', handedOff: ['x_dm'] })).toEqual([]);
    expect(codes(text, { platform: 'x', handedOff: ['x_profile'] })).toEqual([]);
    expect(codes(text, { platform: 'x', handedOff: ['email', 'contact_form'] })).toEqual(['unverified_claim']);
    expect(codes('We have sent you a private message (case CS-7F3K).', { platform: 'yelp', handedOff: ['yelp_message'] })).toEqual([]);
    // The address we gave them is not an email we sent.
    expect(codes("We've emailed you about case CS-7F3K.", { platform: 'x', handedOff: ['email'] })).toEqual(['unverified_claim']);
  });

  it('does not flag promises of what we will do, or the timeline when it is unknown or the text is private', () => {
    expect(codes("We'll send you a DM about case CS-7F3K.", { platform: 'x', handedOff: [] })).toEqual([]);
    expect(codes('Please send us a DM with case CS-7F3K.', { platform: 'x', handedOff: [] })).toEqual([]);
    expect(codes("I've sent you a DM about case CS-7F3K.", { platform: 'x' })).toEqual([]);
    expect(codes("I've sent you a DM about case CS-7F3K.", { platform: 'x', kind: 'private', handedOff: [] })).toEqual([]);
  });

  it('flags a promised time longer than the case’s target, with its place', () => {
    const text = "Sorry about case CS-7F3K. We'll reply within 24h.";
    const [finding] = lintReply(text, { platform: 'x', targetMinutes: 15 });
    expect(finding).toMatchObject({ code: 'promise_beyond_target', severity: 'warning' });
    expect(text.slice(finding!.start, finding!.end)).toBe('within 24h');
    expect(finding!.message).toContain('response target (15 min)');
    for (const longer of [
      'within 2-3 business days',
      'within one business day',
      'in the next hour',
      'within the hour',
      'within 48 hours',
    ]) {
      expect(codes(`Case CS-7F3K: we will reply ${longer}.`, { platform: 'x', targetMinutes: 15 }), longer).toEqual([
        'promise_beyond_target',
      ]);
    }
    for (const fine of ['within 15 minutes', 'within 10 mins', 'in the next few minutes']) {
      expect(codes(`Case CS-7F3K: we will reply ${fine}.`, { platform: 'x', targetMinutes: 15 }), fine).toEqual([]);
    }
    expect(codes("Case CS-7F3K: we'll reply within 24 hours.", { platform: 'x', targetMinutes: 1440 })).toEqual([]);
    expect(codes("Case CS-7F3K: we'll reply within 24 hours.", { platform: 'x' })).toEqual([]);
  });
});
