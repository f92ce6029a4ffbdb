import { describe, expect, it, vi } from 'vitest';
import type { Post } from '../domain/post';
import type { SpiralComplaint } from '../spirals/schema';
import { createSpiralReporter, spiralComplaintOf, withoutBrandMentions } from './spiral-reporter';

const complaint = (index: number): SpiralComplaint => ({ postKey: `x:${index}`, text: `lost bag ${index}`, at: 1_000, platform: 'x' });

function reporter(send: (complaints: SpiralComplaint[]) => Promise<unknown>) {
  let pending: (() => void) | undefined;
  const instance = createSpiralReporter({ send, delay: (flush) => (pending = flush) });
  return { instance, runDelayed: () => pending?.() };
}

describe('withoutBrandMentions', () => {
  it('blanks each brand mention, keeping the rest of the text', () => {
    const text = '@AcmeAir lost my bag, Acme Air please help #AcmeFail';
    const hits = [
      { start: 0, end: 8 },
      { start: 22, end: 30 },
      { start: 43, end: 52 },
    ];
    expect(withoutBrandMentions(text, hits)).toBe('  lost my bag,   please help  ');
    expect(withoutBrandMentions(text, [])).toBe(text);
  });

  it('survives overlapping or unordered hits', () => {
    expect(
      withoutBrandMentions('acme air x', [
        { start: 5, end: 8 },
        { start: 0, end: 8 },
      ]),
    ).toBe('  x');
  });
});

describe('spiralComplaintOf', () => {
  const post = (postedAt?: string): Post => ({
    platform: 'yelp',
    postId: 'r1',
    kind: 'review',
    url: 'https://www.yelp.com/biz/acme',
    authorName: 'A',
    text: 'Acme lost my bag',
    reach: {},
    ...(postedAt ? { postedAt } : {}),
  });

  it('dates a complaint by its publish time, never later than now', () => {
    expect(spiralComplaintOf('yelp:r1', post('2026-01-01T10:00:00.000Z'), [], Date.UTC(2026, 0, 2))).toEqual({
      postKey: 'yelp:r1',
      text: 'Acme lost my bag',
      at: Date.UTC(2026, 0, 1, 10),
      platform: 'yelp',
    });
    expect(spiralComplaintOf('yelp:r1', post('2030-01-01T10:00:00.000Z'), [], 5_000).at).toBe(5_000);
    expect(spiralComplaintOf('yelp:r1', post(), [], 7_000).at).toBe(7_000);
  });
});

describe('createSpiralReporter', () => {
  it('sends each post once, batched, in chunks the protocol accepts', async () => {
    const sent: SpiralComplaint[][] = [];
    const { instance, runDelayed } = reporter((complaints) => Promise.resolve(void sent.push(complaints)));
    const many = Array.from({ length: 230 }, (_, index) => complaint(index));
    instance.report(many.slice(0, 150));
    instance.report(many);
    expect(instance.wants('x:3')).toBe(false);
    expect(instance.wants('x:999')).toBe(true);
    runDelayed();
    await vi.waitFor(() => expect(sent.map((chunk) => chunk.length)).toEqual([100, 100, 30]));
    instance.report(many);
    await instance.flush();
    expect(sent).toHaveLength(3);
  });

  it('reports again what the background could not take', async () => {
    const send = vi.fn().mockRejectedValueOnce(new Error('background asleep')).mockResolvedValue({ accepted: 1 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { instance } = reporter(send);
    instance.report([complaint(1)]);
    await instance.flush();
    expect(warn).toHaveBeenCalled();
    expect(instance.wants('x:1')).toBe(true);
    instance.report([complaint(1)]);
    await instance.flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(instance.wants('x:1')).toBe(false);
  });
});
