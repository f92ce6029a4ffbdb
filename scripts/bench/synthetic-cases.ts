/**
 * Deterministic synthetic cases for the 100k popup benchmark and the dashboard e2e test:
 * valid per CaseSchema, spread over platforms, brands, statuses, priorities, categories and
 * the last `days` days, written as cases-export JSON so they go through the real import path.
 */
import type { Case, CaseStatus } from '../../lib/domain/case';
import type { Platform } from '../../lib/domain/post';
import { CATEGORY_IDS, PRIORITIES } from '../../lib/domain/triage';
import { serializeCasesExport } from '../../lib/transfer/json-export';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const STATUSES: readonly CaseStatus[] = ['new', 'new', 'responded', 'handed_off', 'waiting_on_customer', 'resolved', 'resolved', 'closed'];
const PLATFORMS: readonly Platform[] = ['x', 'x', 'facebook', 'yelp'];
const BRANDS = ['acme-air', 'acme-hotels', 'acme-rail'];
const AUTHORS = ['Riley Park', 'Noor Haddad', 'Chris Moe', 'Dana Kim', 'Lee Wong', 'Sam Ortiz', 'Ana Lima', 'Jo Bauer'];
const COMPLAINTS = [
  'my flight was cancelled and nobody answers the phone',
  'lost my suitcase, claim line hangs up after 40 minutes',
  'charged twice for one booking, refund please',
  'the app will not let me log in since yesterday',
  'room was dirty and the staff were rude',
  'train delayed three hours with no announcement',
];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Small deterministic PRNG (LCG), so every run seeds the same store. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** "CS-" and 6 Crockford digits unique per index. */
export function syntheticRef(index: number): string {
  let digits = '';
  let rest = index;
  for (let i = 0; i < 6; i += 1) {
    digits = CROCKFORD[rest % 32] + digits;
    rest = Math.floor(rest / 32);
  }
  return `CS-${digits}`;
}

export function syntheticId(index: number): string {
  const hex = index.toString(16).padStart(12, '0');
  return `5e1f0000-0000-4000-8000-${hex}`;
}

export interface SyntheticOptions {
  now: number;
  /** Cases are logged over this many days before `now`. */
  days?: number;
  seed?: number;
  /** First index (ids, refs and post ids follow from it). */
  start?: number;
  /**
   * Cases in the whole set: case i is then logged in the i-th of `total` equal slots of the days,
   * newest first, as an export lists them (so a 5,000-row chunk of it covers a span of days, as a
   * chunk of a real export does). Absent: each case at a random time of the days.
   */
  total?: number;
}

export function syntheticCases(count: number, { now, days = 60, seed = 7, start = 0, total }: SyntheticOptions): Case[] {
  const random = seeded(seed + start);
  const cases: Case[] = [];
  for (let i = start; i < start + count; i += 1) {
    const platform = pick(random, PLATFORMS);
    const status = pick(random, STATUSES);
    const slot = total === undefined ? random() : (i + random()) / total;
    const createdAt = now - Math.floor(slot * days * DAY) - MINUTE;
    const postedAt = createdAt - Math.floor(random() * 30 * MINUTE);
    const author = pick(random, AUTHORS);
    const postId = String(1_800_000_000_000_000_000n + BigInt(i));
    const url =
      platform === 'x'
        ? `https://x.com/user${i}/status/${postId}`
        : platform === 'facebook'
          ? `https://www.facebook.com/acme/posts/${postId}`
          : `https://www.yelp.com/biz/acme-air?hrid=${postId}`;
    const answered = status !== 'new';
    const firstResponseAt = answered ? createdAt + Math.floor(random() * 6 * 60 * MINUTE) : undefined;
    const closed = status === 'resolved' || status === 'closed';
    const doneAt = closed ? (firstResponseAt ?? createdAt) + Math.floor(random() * DAY) : undefined;
    const item: Case = {
      id: syntheticId(i),
      ref: syntheticRef(i),
      postKey: `${platform}:${postId}`,
      platform,
      post: {
        platform,
        postId,
        kind: platform === 'yelp' ? 'review' : 'post',
        url,
        authorName: `${author} ${i}`,
        text: `@acme ${pick(random, COMPLAINTS)} (#${i})`,
        postedAt: new Date(postedAt).toISOString(),
        reach: {},
      },
      brandIds: [BRANDS[i % BRANDS.length] as string],
      status,
      createdAt,
      updatedAt: doneAt ?? firstResponseAt ?? createdAt,
      priority: pick(random, PRIORITIES),
      category: pick(random, CATEGORY_IDS),
      events: [{ at: createdAt, type: 'logged' }],
    };
    if (firstResponseAt !== undefined) item.firstResponseAt = firstResponseAt;
    if (doneAt !== undefined) item.resolvedAt = doneAt;
    if (status === 'closed' && doneAt !== undefined) {
      item.closedAt = doneAt;
      item.outcome = 'resolved';
    }
    cases.push(item);
  }
  return cases;
}

/** The cases as import files of at most `perFile` cases each (the import takes 20 MB per file). */
export function syntheticImportFiles(total: number, perFile: number, options: SyntheticOptions): string[] {
  const files: string[] = [];
  for (let start = 0; start < total; start += perFile) {
    const cases = syntheticCases(Math.min(perFile, total - start), { ...options, start: (options.start ?? 0) + start });
    files.push(serializeCasesExport(cases, options.now));
  }
  return files;
}
