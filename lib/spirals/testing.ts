// Test-only complaint texts and builders (imported by *.test.ts files, never by app code).
import type { Platform } from '../domain/post';
import type { SpiralComplaint } from './schema';

/** Six ways customers word the same problem. */
export const LOST_BAG = [
  'lost my bag again, baggage claim has no idea where it is',
  'Second time this month you lost my bag. Baggage claim at JFK is useless',
  'baggage claim says my bag is lost, nobody answers the phone',
  'You lost my bag and the baggage claim desk closed at 10pm',
  'lost bag, 3 hours at baggage claim, no updates',
  'still waiting at baggage claim for my lost bag, no one from the airline here',
] as const;

/** Complaints about different things. */
export const UNRELATED = [
  'Refund still not processed after 6 weeks of emails',
  'The app logs me out every time I open it and the password reset link is broken',
  'Crew was rude to my elderly mother during boarding',
  'Charged twice for the same seat upgrade, support keeps transferring me',
  'Wifi on board did not work for the whole transatlantic trip',
  'Ordered a stroller, box arrived crushed and the wheel snapped',
  'Your website shows prices in the wrong currency at checkout',
  'Loyalty points from March never showed up in my account',
] as const;

export const MINUTE = 60_000;
export const NOW = Date.UTC(2026, 4, 1, 12, 0, 0);

/** Complaints from `texts`, one `everyMinutes` apart, the last one at `lastAt`. */
export function complaints(
  texts: readonly string[],
  {
    lastAt = NOW,
    everyMinutes = 5,
    prefix = 'p',
    platform = 'x',
  }: { lastAt?: number; everyMinutes?: number; prefix?: string; platform?: Platform } = {},
): SpiralComplaint[] {
  return texts.map((text, index) => ({
    postKey: `${platform}:${prefix}${index}`,
    text,
    at: lastAt - (texts.length - 1 - index) * everyMinutes * MINUTE,
    platform,
  }));
}
