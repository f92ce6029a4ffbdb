import { describe, expect, it } from 'vitest';
import { INDUSTRIES, type Industry } from '../domain/industry';
import { PLATFORMS, PostSchema, type Platform, type Post } from '../domain/post';
import { CATEGORY_IDS } from '../domain/triage';
import { defaultTemplates } from './default-templates';
import { lintReply } from './lint';
import { strategyOrder, suggestPrivateMessage, suggestReplies, type SuggestInput } from './suggest';
import { builtInTemplates, defaultTemplatesEs } from './built-in-templates';
import { chooseReplyLanguage } from './reply-language';
import { ReplyTemplateSchema, STRATEGIES, strategyOf, templateVariables, TONES, type ReplyLanguage } from './templates';
import { tweetLength } from './twitter-length';

/** Nouns that give away a reply written for another industry. */
const WRONG_NOUNS: Record<Industry, RegExp> = {
  airline_travel: /\b(?:orders?|tables?)\b/i,
  restaurant_hospitality: /\b(?:flights?|bags?|baggage)\b/i,
  retail_ecommerce: /\b(?:flights?|tables?|bookings?|reservations?)\b/i,
  software_app: /\b(?:orders?|flights?|tables?|bookings?|parcels?)\b/i,
  telecom_utilities: /\b(?:orders?|flights?|tables?|bookings?|parcels?)\b/i,
  banking_finance: /\b(?:orders?|flights?|tables?|bookings?|parcels?)\b/i,
  generic: /\b(?:orders?|flights?|tables?|bookings?|parcels?|bags?)\b/i,
};

/** The same in Spanish: pedido / vuelo / mesa / reserva belong to one industry each. */
const WRONG_NOUNS_ES: Record<Industry, RegExp> = {
  airline_travel: /(?<!\p{L})(?:pedidos?|mesas?)(?!\p{L})/iu,
  restaurant_hospitality: /(?<!\p{L})(?:vuelos?|maletas?|equipajes?)(?!\p{L})/iu,
  retail_ecommerce: /(?<!\p{L})(?:vuelos?|mesas?|reservas?)(?!\p{L})/iu,
  software_app: /(?<!\p{L})(?:pedidos?|vuelos?|mesas?|reservas?|paquetes?)(?!\p{L})/iu,
  telecom_utilities: /(?<!\p{L})(?:pedidos?|vuelos?|mesas?|reservas?|paquetes?)(?!\p{L})/iu,
  banking_finance: /(?<!\p{L})(?:pedidos?|vuelos?|mesas?|reservas?|paquetes?)(?!\p{L})/iu,
  generic: /(?<!\p{L})(?:pedidos?|vuelos?|mesas?|reservas?|paquetes?|maletas?)(?!\p{L})/iu,
};

/** A realistic Spanish complaint per industry. */
const POST_TEXT_ES: Record<Industry, string> = {
  airline_travel: '@AcmeAir el vuelo AC123 lleva 4 horas de retraso, nadie nos dice nada en la puerta y mi maleta no aparece',
  restaurant_hospitality: 'Esperamos 90 minutos una mesa en Bistro Lumen y el pedido llegó mal, una vergüenza',
  retail_ecommerce: 'Hice un pedido a Northwind hace 3 semanas y todavía no ha llegado, nadie me responde',
  software_app: 'La app de Pixelpad se cierra cada vez que abro un proyecto, he perdido dos horas de trabajo',
  telecom_utilities: 'Fibrelink lleva sin internet desde esta mañana y el técnico no ha venido, es inaceptable',
  banking_finance: 'No puedo entrar en la app de Harbour Bank y me falta un pago, nadie me ayuda',
  generic: 'Muy decepcionado con Acme, llevo una semana esperando y nadie me contesta',
};

/** A realistic complaint per industry, as each site shows its author. */
const POST_TEXT: Record<Industry, string> = {
  airline_travel: '@AcmeAir flight AC123 delayed 4 hours, no updates at the gate and my bag is missing',
  restaurant_hospitality: 'Waited 90 minutes for a table at Bistro Lumen and the order was still wrong',
  retail_ecommerce: 'Ordered from Northwind Outfitters 3 weeks ago, still no parcel and no reply',
  software_app: 'Pixelpad app crashes every time I open a project, lost two hours of work',
  telecom_utilities: 'Fibrelink broadband down since this morning, engineer never showed up',
  banking_finance: 'Harbour Bank app will not let me log in and a payment is missing',
  generic: 'Really disappointed with Acme Co, nobody has answered me for a week',
};

function postFor(platform: Platform, industry: Industry, language: ReplyLanguage = 'en'): Post {
  return PostSchema.parse({
    platform,
    postId: '1990000000000000002',
    kind: platform === 'yelp' ? 'review' : platform === 'facebook' ? 'comment' : 'post',
    url:
      platform === 'x'
        ? 'https://x.com/abcdefghijklmno/status/1990000000000000002'
        : platform === 'facebook'
          ? 'https://www.facebook.com/brand/posts/1?comment_id=2'
          : 'https://www.yelp.com/biz/brand?hrid=abc',
    authorName: 'Noor Haddad',
    ...(platform === 'x' ? { authorHandle: 'abcdefghijklmno' } : {}),
    text: (language === 'es' ? POST_TEXT_ES : POST_TEXT)[industry],
  });
}

// Long-but-realistic values where length matters: the longest X handle, an 8-character ref, a long signature and link.
const LINK = 'https://help.acme-outfitters.example.com/contact?topic=care&case=CS-7F3KABCD';

/** The three situations a reply is written in: a link to give, a message still to send, a message sent. */
const HANDOFFS = {
  link: { channel: 'our contact form', handoffLink: LINK, handedOff: [] as string[] },
  toSend: { channel: 'DM', handedOff: [] as string[] },
  sent: { channel: 'DM', handedOff: ['x_dm'] },
} as const;

function input(platform: Platform, industry: Industry, extra: Partial<SuggestInput>): SuggestInput {
  return {
    case: { ref: 'CS-7F3KABCD', platform, post: postFor(platform, industry, extra.language) },
    category: 'other',
    brand: { name: 'Acme Outfitters', industry },
    settings: { agentSignature: 'The Acme Outfitters Support team' },
    channel: 'DM',
    targetMinutes: 15,
    ...extra,
  };
}

describe.each([
  ['en', defaultTemplates()],
  ['es', defaultTemplatesEs()],
] as const)('built-in %s templates', (language, DEFAULT_TEMPLATES) => {
  it('are valid templates with unique ids, all in their language', () => {
    for (const template of DEFAULT_TEMPLATES) expect(ReplyTemplateSchema.safeParse(template).success, template.id).toBe(true);
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
    expect(DEFAULT_TEMPLATES.every((t) => (t.language ?? 'en') === language)).toBe(true);
  });

  it('cover every category x platform x tone x strategy generically, plus private messages', () => {
    for (const category of CATEGORY_IDS) {
      for (const platform of PLATFORMS) {
        for (const tone of TONES) {
          for (const strategy of STRATEGIES) {
            const found = DEFAULT_TEMPLATES.some(
              (t) =>
                t.kind === 'public' &&
                t.industry === undefined &&
                t.category === category &&
                t.platform === platform &&
                t.tone === tone &&
                strategyOf(t) === strategy,
            );
            expect(found, `${category} ${platform} ${tone} ${strategy}`).toBe(true);
          }
        }
      }
      for (const tone of TONES) {
        expect(DEFAULT_TEMPLATES.some((t) => t.kind === 'private' && t.category === category && t.tone === tone)).toBe(true);
      }
    }
  });

  it('there are as many as in English: every combination exists in each language', () => {
    expect(DEFAULT_TEMPLATES.length).toBe(builtInTemplates().filter((t) => t.language === undefined).length);
  });

  it('every public template names the case ref and signs; promised times are only {replyTime}', () => {
    for (const template of DEFAULT_TEMPLATES) {
      const used = templateVariables(template.body);
      if (template.kind === 'public') expect(used, template.id).toEqual(expect.arrayContaining(['firstName', 'caseRef', 'signature']));
      expect(template.body, template.id).not.toMatch(/\d/);
      expect(template.body, template.id).not.toMatch(/business day/i);
    }
  });

  it('never ask for sensitive data in public', () => {
    for (const template of DEFAULT_TEMPLATES.filter((t) => t.kind === 'public')) {
      expect(template.body, template.id).not.toMatch(/(?:send|reply with|tell us|need)[^.?]*(?:password|card number|PIN\b)/i);
      expect(template.body, template.id).not.toMatch(
        /(?:env[ií]a|responde|necesitamos)[^.?]*(?:contraseña|número de (?:la )?tarjeta|PIN\b)/i,
      );
    }
  });
});

/** "I've sent you a DM" and its Spanish forms: only once the DM is on the timeline. */
const SENT_CLAIM: Record<ReplyLanguage, RegExp> = { en: /sent you/i, es: /(?:te he|le hemos) enviado/i };

describe('every category x industry x platform x tone x handoff, rendered for a realistic post', () => {
  // One test per language, category and industry keeps each well inside the test timeout on a busy machine.
  const LANGUAGES: readonly ReplyLanguage[] = ['en', 'es'];
  it.each(
    LANGUAGES.flatMap((language) =>
      CATEGORY_IDS.flatMap((category) => INDUSTRIES.map((industry) => [language, category, industry] as const)),
    ),
  )(
    '%s %s for %s: three strategies in the chosen tone and language, in the industry’s words, lint-clean, filled, and within X’s 280',
    (language, category, industry) => {
      const wrongNouns = (language === 'es' ? WRONG_NOUNS_ES : WRONG_NOUNS)[industry];
      // The language is the one the panel picks for this post.
      expect(chooseReplyLanguage(postFor('x', industry, language).text, builtInTemplates()).reply).toBe(language);
      let checked = 0;
      for (const platform of PLATFORMS) {
        for (const tone of TONES) {
          for (const [situation, handoff] of Object.entries(HANDOFFS)) {
            const suggestInput = input(platform, industry, { category, tone, language, ...handoff });
            const suggestions = suggestReplies(suggestInput);
            const where = `${language} / ${category} / ${industry} / ${platform} / ${tone} / ${situation}`;
            expect(
              suggestions.map((s) => strategyOf(s.template)),
              where,
            ).toEqual([...strategyOrder(category)]);
            for (const { template, text, lint } of suggestions) {
              const label = `${where}: ${template.id}: ${text}`;
              expect(template.tone, label).toBe(tone);
              expect(template.language ?? 'en', label).toBe(language);
              expect(text, label).not.toMatch(wrongNouns);
              expect(text, label).not.toMatch(/[{}]/);
              expect(lint, label).toEqual([]);
              if (platform === 'x') expect(tweetLength(text).weightedLength, label).toBeLessThanOrEqual(280);
              if (situation !== 'sent') expect(text, label).not.toMatch(SENT_CLAIM[language]);
              checked += 1;
            }
            const message = suggestPrivateMessage(suggestInput);
            expect(message, where).toBeDefined();
            expect(message!.template.language ?? 'en', where).toBe(language);
            expect(message!.text, where).not.toMatch(wrongNouns);
            expect(message!.text, where).not.toMatch(/[{}]/);
            expect(message!.lint, `${where}: ${message!.text}`).toEqual([]);
          }
        }
      }
      expect(checked).toBe(PLATFORMS.length * TONES.length * 3 * 3);
    },
  );

  it('moves private with the link when there is one, and says "I\'ve sent you a DM" once handed off', () => {
    const withLink = suggestReplies(input('facebook', 'airline_travel', { category: 'lost_damaged', ...HANDOFFS.link }));
    expect(withLink[0]?.text).toContain(LINK);
    expect(withLink[0]?.text).toContain('bag');

    const before = suggestReplies(input('x', 'airline_travel', { category: 'delivery_delay', ...HANDOFFS.toSend }));
    expect(before[0]?.text).toMatch(/We'll send you a DM about case CS-7F3KABCD within 15 minutes/);
    const after = suggestReplies(input('x', 'airline_travel', { category: 'delivery_delay', ...HANDOFFS.sent }));
    expect(after[0]?.text).toMatch(/I've sent you a DM about case CS-7F3KABCD/);
  });

  it('promises the brand’s target for the case, never a fixed 24 hours', () => {
    const p1 = suggestReplies(input('facebook', 'retail_ecommerce', { category: 'billing_refund', tone: 'formal', targetMinutes: 15 }));
    expect(p1[0]?.text).toContain('within 15 minutes');
    const p4 = suggestReplies(input('facebook', 'retail_ecommerce', { category: 'billing_refund', tone: 'formal', targetMinutes: 1440 }));
    expect(p4[0]?.text).toContain('within 24 hours');
    for (const { text } of p1) expect(lintReply(text, { platform: 'facebook', targetMinutes: 15 })).toEqual([]);
  });
});
