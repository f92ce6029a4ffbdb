import type { Platform } from '../domain/post';
import type { ReplyKind } from './templates';
import { tweetLength } from './twitter-length';

/**
 * Length limits a reply is checked against.
 *
 * Public:
 * - X post/reply: 280 weighted characters as counted by twitter-text (see twitter-length.ts;
 *   links 23, CJK and emoji 2). Accounts with X Premium can post longer, but a care reply
 *   must fit everyone's 280.
 * - Facebook comment: 8,000 characters (the comment box's limit).
 * - Yelp public business-owner comment on a review: 5,000 characters (Yelp for Business
 *   response box).
 * Private:
 * - X direct message: 10,000 characters.
 * - Facebook Messenger / Page private reply: 2,000 characters (Messenger Platform Send API
 *   text limit).
 * - Yelp private message to a reviewer: 5,000 characters (same box as the public reply;
 *   Yelp documents no separate number, so we keep the stricter known one).
 *
 * Facebook and Yelp count characters; we count UTF-16 code units, which is never fewer
 * than the characters a person sees, so we may warn slightly early but never late.
 */
export interface LengthLimit {
  max: number;
  unit: 'x-weighted' | 'characters';
  label: string;
}

export const PUBLIC_LIMITS: Record<Platform, LengthLimit> = {
  x: { max: 280, unit: 'x-weighted', label: 'X reply' },
  facebook: { max: 8000, unit: 'characters', label: 'Facebook comment' },
  yelp: { max: 5000, unit: 'characters', label: 'Yelp public comment' },
};

export const PRIVATE_LIMITS: Record<Platform, LengthLimit> = {
  x: { max: 10_000, unit: 'characters', label: 'X direct message' },
  facebook: { max: 2000, unit: 'characters', label: 'Messenger message' },
  yelp: { max: 5000, unit: 'characters', label: 'Yelp private message' },
};

export function lengthLimitFor(platform: Platform, kind: ReplyKind): LengthLimit {
  return (kind === 'public' ? PUBLIC_LIMITS : PRIVATE_LIMITS)[platform];
}

export interface MeasuredLength {
  length: number;
  max: number;
  /** UTF-16 index where the text first goes over, when it does and the index is exact. */
  overflowIndex?: number;
}

export function measureLength(text: string, limit: LengthLimit): MeasuredLength {
  if (limit.unit === 'x-weighted') {
    const measured = tweetLength(text);
    const exact = measured.normalizedText === text;
    return {
      length: measured.weightedLength,
      max: limit.max,
      ...(measured.weightedLength > limit.max && exact ? { overflowIndex: measured.overflowIndex } : {}),
    };
  }
  return {
    length: text.length,
    max: limit.max,
    ...(text.length > limit.max ? { overflowIndex: limit.max } : {}),
  };
}
