import type { Platform } from '../../lib/domain/post';

export const PLATFORM_LABELS: Record<Platform, string> = {
  x: 'X',
  facebook: 'Facebook',
  yelp: 'Yelp',
};
