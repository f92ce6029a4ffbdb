/**
 * `npm run replies:table`: the top reply suggestion CareSide makes for 14 realistic complaints
 * (12 in English, 2 in Spanish) across 6 industries and 3 sites, exactly as the case panel computes it (real triage for the
 * category and priority, the brand's handoff settings, its response targets). Prints a
 * Markdown table.
 */
import './node-i18n'; // before any lib module: the health warnings are worded through browser.i18n
import { planReplies } from '../lib/content/reply/reply-plan';
import type { Case } from '../lib/domain/case';
import { INDUSTRY_LABELS, type Industry } from '../lib/domain/industry';
import { PostSchema, type Platform, type PostInput } from '../lib/domain/post';
import { CATEGORY_LABELS } from '../lib/domain/triage';
import { STRATEGY_LABELS, strategyOf } from '../lib/replies/templates';
import { SettingsSchema, type Settings } from '../lib/settings/schema';
import { brandTermsOf, triagePost } from '../lib/triage';
import { isMain } from './is-main';

interface Sample {
  brandId: string;
  platform: Platform;
  authorName: string;
  authorHandle?: string;
  text: string;
  reach?: PostInput['reach'];
}

const NOW = Date.parse('2025-11-20T12:00:00.000Z');

export const TABLE_SETTINGS: Settings = SettingsSchema.parse({
  version: 1,
  agentSignature: '^MK',
  brands: [
    {
      id: 'acme-air',
      name: 'Acme Air',
      industry: 'airline_travel',
      handles: { x: ['AcmeAir'] },
      handoff: { x: { dm: true }, facebook: { messengerPage: 'AcmeAir' }, contactForm: { url: 'https://acmeair.example/contact' } },
    },
    {
      id: 'bistro-lumen',
      name: 'Bistro Lumen',
      industry: 'restaurant_hospitality',
      handoff: { email: { address: 'hello@bistrolumen.example' } },
    },
    {
      id: 'northwind',
      name: 'Northwind Outfitters',
      industry: 'retail_ecommerce',
      handoff: { x: { dm: true }, facebook: { messengerPage: 'NorthwindOutfitters' } },
    },
    {
      id: 'pixelpad',
      name: 'Pixelpad',
      industry: 'software_app',
      handoff: { x: { dm: true }, contactForm: { url: 'https://pixelpad.example/help' } },
    },
    {
      id: 'fibrelink',
      name: 'Fibrelink',
      industry: 'telecom_utilities',
      handoff: { x: { dm: true }, facebook: { messengerPage: 'Fibrelink' } },
    },
    {
      id: 'harbour-bank',
      name: 'Harbour Bank',
      industry: 'banking_finance',
      handoff: { x: { dm: true }, facebook: { messengerPage: 'HarbourBank' } },
    },
  ],
});

export const SAMPLES: readonly Sample[] = [
  {
    brandId: 'acme-air',
    platform: 'x',
    authorName: 'Riley Park',
    authorHandle: 'rileypark',
    text: '@AcmeAir flight AC212 delayed 4 hours at SFO and nobody at the gate can tell us anything. Missing my connection.',
    reach: { views: 25_000, likes: 340 },
  },
  {
    brandId: 'acme-air',
    platform: 'facebook',
    authorName: 'Maria Lopez',
    text: 'Acme Air lost my suitcase on the flight from Boston two days ago and the baggage desk keeps hanging up on me.',
  },
  {
    brandId: 'bistro-lumen',
    platform: 'yelp',
    authorName: 'Sam T.',
    text: 'Booked a table for 8pm at Bistro Lumen, waited 50 minutes, then the host told us the reservation was cancelled. Never again.',
    reach: { rating: 1 },
  },
  {
    brandId: 'bistro-lumen',
    platform: 'yelp',
    authorName: 'Priya N.',
    text: 'The waiter at Bistro Lumen was rude and ignored our table for half an hour, then rolled his eyes when we asked for the bill.',
    reach: { rating: 2 },
  },
  {
    brandId: 'northwind',
    platform: 'x',
    authorName: 'Jordan Blake',
    authorHandle: 'jblake',
    text: 'Ordered boots from @Northwind three weeks ago, tracking has said "in transit" for 10 days. Where is my order??',
  },
  {
    brandId: 'northwind',
    platform: 'facebook',
    authorName: 'Chris Evans',
    text: 'Northwind Outfitters charged me twice for the same jacket and still no refund after 2 weeks of emails.',
  },
  {
    brandId: 'pixelpad',
    platform: 'x',
    authorName: 'Dev Patel',
    authorHandle: 'devpatel',
    text: 'Pixelpad app crashes every time I open a project since the last update. Lost two hours of work. Fix this.',
  },
  {
    brandId: 'pixelpad',
    platform: 'facebook',
    authorName: 'Hannah Kim',
    text: 'How do I cancel Pixelpad? Cancelled twice and still got billed. Cancel my subscription now.',
  },
  {
    brandId: 'fibrelink',
    platform: 'x',
    authorName: 'Tom Reid',
    authorHandle: 'tomreid',
    text: '@Fibrelink broadband down again since 7am, whole street has no internet and I work from home. Outage page says nothing.',
    reach: { views: 8_000 },
  },
  {
    brandId: 'fibrelink',
    platform: 'yelp',
    authorName: 'Ana G.',
    text: 'Fibrelink engineer was booked for Tuesday between 8 and 12, never showed up, nobody called. Took a day off for nothing.',
    reach: { rating: 1 },
  },
  {
    brandId: 'harbour-bank',
    platform: 'x',
    authorName: 'Lee Wong',
    authorHandle: 'leewong',
    text: "Locked out of the Harbour Bank app for 3 days, password reset link never arrives and I can't pay my rent.",
  },
  {
    brandId: 'harbour-bank',
    platform: 'facebook',
    authorName: 'Grace Obi',
    text: 'Harbour Bank took a payment twice from my account and the refund still is not there after a week. Unacceptable.',
  },
  // Spanish posts get Spanish replies (the built-ins cover every combination in es too).
  {
    brandId: 'northwind',
    platform: 'x',
    authorName: 'Lucía Fernández',
    authorHandle: 'luciafdz',
    text: '@Northwind hice un pedido hace tres semanas y todavía no ha llegado, nadie me responde a los correos. Una vergüenza.',
  },
  {
    brandId: 'acme-air',
    platform: 'facebook',
    authorName: 'Javier Ruiz',
    text: 'Acme Air me cancelaron el vuelo de Madrid sin avisar y no puedo hablar con nadie. Sigo esperando el reembolso.',
  },
];

export interface TableRow {
  industry: Industry;
  /** The language the replies are in (the post's, when there are templates in it). */
  language: string;
  platform: Platform;
  brandName: string;
  category: string;
  priority: string;
  post: string;
  strategy: string;
  reply: string;
  lintCodes: string[];
}

/** The top suggestion for each sample, as the case panel would show it for a freshly logged case. */
export function repliesTable(): TableRow[] {
  return SAMPLES.map((sample, index) => {
    const brand = TABLE_SETTINGS.brands.find((candidate) => candidate.id === sample.brandId)!;
    const post = PostSchema.parse({
      platform: sample.platform,
      postId: `20000000000000000${index + 10}`,
      kind: sample.platform === 'yelp' ? 'review' : sample.platform === 'facebook' ? 'comment' : 'post',
      url:
        sample.platform === 'x'
          ? `https://x.com/${sample.authorHandle ?? 'someone'}/status/20000000000000000${index + 10}`
          : sample.platform === 'facebook'
            ? `https://www.facebook.com/${brand.id}/posts/1?comment_id=${index + 10}`
            : `https://www.yelp.com/biz/${brand.id}?hrid=r${index + 10}`,
      authorName: sample.authorName,
      ...(sample.authorHandle !== undefined ? { authorHandle: sample.authorHandle } : {}),
      text: sample.text,
      postedAt: new Date(NOW - 20 * 60_000).toISOString(),
      reach: sample.reach ?? {},
    });
    const triage = triagePost(post, { brandTerms: brandTermsOf(brand), now: NOW });
    const found: Pick<Case, 'ref' | 'platform' | 'post' | 'brandIds' | 'category' | 'priority' | 'events'> = {
      ref: `CS-${'7F3KABCDEFGH'.slice(index % 4, (index % 4) + 4)}`,
      platform: sample.platform,
      post,
      brandIds: [brand.id],
      category: triage.category.category,
      priority: triage.priority.priority,
      events: [{ at: NOW, type: 'logged' }],
    };
    const plan = planReplies({ found, settings: TABLE_SETTINGS, now: NOW });
    const top = plan.suggestions[0];
    return {
      industry: brand.industry,
      language: plan.language.reply,
      platform: sample.platform,
      brandName: brand.name,
      category: CATEGORY_LABELS[plan.category],
      priority: found.priority ?? '',
      post: sample.text,
      strategy: top ? STRATEGY_LABELS[strategyOf(top.template)] : '',
      reply: top?.text ?? '(no suggestion)',
      lintCodes: top?.lint.map((finding) => finding.code) ?? [],
    };
  });
}

const SITE_NAMES: Record<Platform, string> = { x: 'X', facebook: 'Facebook', yelp: 'Yelp' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n+\s*/g, ' / ');
}

export function formatRepliesTable(rows: readonly TableRow[]): string {
  const lines = [
    '| # | Industry | Site | Brand | Lang | Triage | Post | Top suggestion |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row, index) =>
      [
        '',
        String(index + 1),
        INDUSTRY_LABELS[row.industry],
        SITE_NAMES[row.platform],
        row.brandName,
        row.language,
        `${row.category} · ${row.priority}`,
        cell(row.post),
        `${row.strategy}: ${cell(row.reply)}${row.lintCodes.length > 0 ? ` **lint: ${row.lintCodes.join(', ')}**` : ''}`,
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

if (isMain(import.meta.url)) {
  process.stdout.write(formatRepliesTable(repliesTable()));
}
