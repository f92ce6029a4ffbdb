import { describe, expect, it } from 'vitest';
import type { Post } from '../domain/post';
import { BrandSchema } from '../settings/schema';
import { triagePost } from '../triage';
import { createTriageCache, triageLabel } from './triage';

const BRAND = BrandSchema.parse({ id: 'acme-air', name: 'Acme Air', handles: { x: ['AcmeAir'], facebook: [], yelp: [] } });

const post = (text: string, views = 100): Post => ({
  platform: 'x',
  postId: '1',
  kind: 'post',
  url: 'https://x.com/dana/status/1',
  authorName: 'Dana',
  authorHandle: 'dana',
  text,
  postedAt: '2025-11-20T12:00:00.000Z',
  reach: { views },
});

describe('triage cache', () => {
  const now = () => Date.parse('2025-11-20T13:00:00.000Z');

  it('returns the same result for the same post object and for an identical re-read', () => {
    const cache = createTriageCache(now);
    cache.setBrands([BRAND]);
    const first = post('Acme Air lost my bag and nobody answers');
    const result = cache.of('x:1', first);
    expect(cache.of('x:1', first)).toBe(result);
    expect(cache.of('x:1', { ...first, reach: { views: 100 } })).toBe(result);
    expect(cache.peek('x:1')).toBe(result);
  });

  it('triages again when what triage reads changed, and after new brands', () => {
    const cache = createTriageCache(now);
    cache.setBrands([BRAND]);
    const result = cache.of('x:1', post('Acme Air lost my bag and nobody answers'));
    const edited = cache.of('x:1', post('Thanks Acme Air, smooth flight today!'));
    expect(edited).not.toBe(result);
    expect(edited.complaint.isComplaint).toBe(false);
    const wider = post('Thanks Acme Air, smooth flight today!', 250_000);
    expect(cache.of('x:1', wider).priority.explanation).toContain('250k views');
    cache.setBrands([]);
    expect(cache.peek('x:1')).toBeUndefined();
  });
});

describe('triageLabel', () => {
  const options = { brandTerms: ['acme air'], now: Date.parse('2025-11-20T13:00:00.000Z') };

  it('names the complaint category', () => {
    const label = triageLabel(triagePost(post('@AcmeAir lost my bag and nobody answers. Worst airline ever.'), options));
    expect(label).toMatch(/^P[1-4] · Lost or damaged item$/);
  });

  it('says "Not a complaint" instead of a category for praise', () => {
    const label = triageLabel(triagePost(post('Thank you @AcmeAir, the crew was wonderful and we landed early!'), options));
    expect(label).toMatch(/^P[1-4] · Not a complaint$/);
  });
});
