import { describe, expect, it } from 'vitest';
import { SpiralDetector } from './detector';
import { MAX_WINDOW_MEMBERS, SpiralSchema, SpiralStateSchema, type SpiralComplaint } from './schema';
import { complaints, LOST_BAG, MINUTE, NOW, UNRELATED } from './testing';

const rules = { minSimilar: 5, windowMinutes: 60 };

function detect(observed: readonly SpiralComplaint[], now = NOW, detectorRules = rules) {
  const detector = new SpiralDetector(detectorRules);
  detector.observe(observed, now);
  return detector.active(now);
}

describe('SpiralDetector: when a spiral is raised', () => {
  it('raises one spiral when N similar complaints arrive within T', () => {
    const spirals = detect([...complaints(LOST_BAG.slice(0, 5)), ...complaints(UNRELATED, { prefix: 'u' })]);
    expect(spirals).toHaveLength(1);
    const [spiral] = spirals;
    expect(spiral?.postKeys).toEqual(['x:p0', 'x:p1', 'x:p2', 'x:p3', 'x:p4']);
    expect(spiral?.size).toBe(5);
    expect(spiral?.firstAt).toBe(NOW - 20 * MINUTE);
    expect(spiral?.lastAt).toBe(NOW);
    expect(spiral?.platforms).toEqual(['x']);
    expect(spiral?.label).toContain('baggage claim');
    expect(spiral?.label).toContain('lost bag');
    expect(() => SpiralSchema.parse(spiral)).not.toThrow();
  });

  it('raises nothing for N-1 similar complaints', () => {
    expect(detect(complaints(LOST_BAG.slice(0, 4)))).toEqual([]);
    expect(detect(complaints(LOST_BAG.slice(0, 4)), NOW, { minSimilar: 4, windowMinutes: 60 })).toHaveLength(1);
  });

  it('raises nothing when the N complaints are spread over more than T', () => {
    // Five complaints 16 minutes apart span 64 minutes: at most four fit in any 60-minute window.
    const spread = complaints(LOST_BAG.slice(0, 5), { everyMinutes: 16 });
    expect(detect(spread)).toEqual([]);
    expect(detect(spread, NOW, { minSimilar: 5, windowMinutes: 65 })).toHaveLength(1);
  });

  it('lets a spiral end as its complaints slide out of the window', () => {
    const detector = new SpiralDetector(rules);
    detector.observe(complaints(LOST_BAG.slice(0, 5), { everyMinutes: 1 }), NOW);
    expect(detector.active(NOW)).toHaveLength(1);
    expect(detector.active(NOW + 56 * MINUTE)).toHaveLength(1);
    expect(detector.active(NOW + 57 * MINUTE)).toEqual([]);
    expect(detector.size).toBe(4);
  });

  it('does not cluster dissimilar complaints, even at N = 2', () => {
    expect(detect(complaints(UNRELATED), NOW, { minSimilar: 2, windowMinutes: 60 })).toEqual([]);
  });

  it('keeps two problems apart', () => {
    const cancelled = [
      'flight cancelled and no rebooking offered',
      'my flight got cancelled, no rebooking offered, no hotel',
      'flight cancelled again and the rebooking line hangs up',
    ];
    const spirals = detect([...complaints(LOST_BAG.slice(0, 3), { prefix: 'bag' }), ...complaints(cancelled, { prefix: 'cx' })], NOW, {
      minSimilar: 3,
      windowMinutes: 60,
    });
    expect(spirals.map((spiral) => spiral.postKeys.map((key) => key.replace(/\d+$/, '')))).toEqual([
      ['x:bag', 'x:bag', 'x:bag'],
      ['x:cx', 'x:cx', 'x:cx'],
    ]);
    expect(spirals.map((spiral) => spiral.label)).toEqual([expect.stringContaining('baggage claim'), expect.stringContaining('rebooking')]);
  });

  it('counts a post seen twice (another tab, a reload) once', () => {
    const four = complaints(LOST_BAG.slice(0, 4));
    const detector = new SpiralDetector(rules);
    expect(detector.observe([...four, ...four], NOW)).toBe(4);
    expect(detector.observe(four, NOW)).toBe(0);
    expect(detector.active(NOW)).toEqual([]);
  });

  it('counts complaints across platforms and lists the platforms', () => {
    const fromX = complaints(LOST_BAG.slice(0, 3), { platform: 'x' });
    const fromYelp = complaints(LOST_BAG.slice(3, 5), { platform: 'yelp', prefix: 'r' });
    const [spiral] = detect([...fromYelp, ...fromX]);
    expect(spiral?.platforms).toEqual(['x', 'yelp']);
    expect(spiral?.size).toBe(5);
  });

  it('leaves out complaints whose case is no longer open', () => {
    const detector = new SpiralDetector(rules);
    detector.observe(complaints(LOST_BAG), NOW);
    expect(detector.active(NOW)[0]?.size).toBe(6);
    expect(detector.active(NOW, (key) => key !== 'x:p5')[0]?.size).toBe(5);
    expect(detector.active(NOW, (key) => key !== 'x:p5' && key !== 'x:p4')).toEqual([]);
  });

  it('follows new rules', () => {
    const detector = new SpiralDetector(rules);
    detector.observe(complaints(LOST_BAG.slice(0, 3)), NOW);
    expect(detector.active(NOW)).toEqual([]);
    detector.setRules({ minSimilar: 3, windowMinutes: 60 });
    expect(detector.active(NOW)).toHaveLength(1);
    detector.setRules({ minSimilar: 3, windowMinutes: 5 });
    expect(detector.active(NOW)).toEqual([]);
  });
});

describe('SpiralDetector: arrival times', () => {
  it('ignores complaints already older than the window', () => {
    const detector = new SpiralDetector(rules);
    expect(detector.observe(complaints(LOST_BAG, { lastAt: NOW - 61 * MINUTE, everyMinutes: 0 }), NOW)).toBe(0);
    expect(detector.size).toBe(0);
  });

  it('counts a time in the future as now', () => {
    const detector = new SpiralDetector(rules);
    detector.observe(complaints(LOST_BAG.slice(0, 5), { lastAt: NOW + 1_000 * MINUTE, everyMinutes: 0 }), NOW);
    const [spiral] = detector.active(NOW);
    expect(spiral?.lastAt).toBe(NOW);
    expect(detector.active(NOW + 61 * MINUTE)).toEqual([]);
  });
});

describe('SpiralDetector: stable ids', () => {
  it('keeps a spiral’s id as it grows and as its first complaints leave the window', () => {
    const detector = new SpiralDetector(rules);
    const all = complaints(LOST_BAG, { everyMinutes: 10 }); // 0, 10, ... 50 minutes before NOW
    detector.observe(all.slice(0, 5), NOW);
    const [first] = detector.active(NOW);
    detector.observe(all.slice(5), NOW);
    const [grown] = detector.active(NOW);
    expect(grown?.size).toBe(6);
    expect(grown?.id).toBe(first?.id);
    // 15 minutes on, the oldest complaint left the window: same spiral, same id.
    const [later] = detector.active(NOW + 15 * MINUTE);
    expect(later?.postKeys).not.toContain('x:p0');
    expect(later?.id).toBe(first?.id);
  });

  it('gives two spirals different ids', () => {
    const other = ['app crashes at the login screen', 'app crashes at login after the update', 'the app crashes on the login screen again'];
    const spirals = detect([...complaints(LOST_BAG.slice(0, 3)), ...complaints(other, { prefix: 'app' })], NOW, {
      minSimilar: 3,
      windowMinutes: 60,
    });
    expect(spirals).toHaveLength(2);
    expect(spirals[0]?.id).not.toBe(spirals[1]?.id);
  });
});

describe('SpiralDetector: determinism and restarts', () => {
  it('gives the same spirals whatever the order complaints arrive in', () => {
    const input = [...complaints(LOST_BAG), ...complaints(UNRELATED, { prefix: 'u' })];
    const reversed = [...input].reverse();
    const interleaved = input.filter((_, index) => index % 2 === 0).concat(input.filter((_, index) => index % 2 === 1));
    const expected = detect(input);
    expect(expected).toHaveLength(1);
    expect(detect(reversed)).toEqual(expected);
    expect(detect(interleaved)).toEqual(expected);
  });

  it('rebuilds the same window and ids from its saved state', () => {
    const detector = new SpiralDetector(rules);
    detector.observe([...complaints(LOST_BAG.slice(0, 5)), ...complaints(UNRELATED, { prefix: 'u' })], NOW);
    const before = detector.active(NOW);
    const saved = SpiralStateSchema.parse(JSON.parse(JSON.stringify(detector.state())));
    const restored = new SpiralDetector(rules, saved);
    expect(restored.active(NOW)).toEqual(before);
    restored.observe(complaints(LOST_BAG.slice(5), { prefix: 'late' }), NOW);
    expect(restored.active(NOW)[0]?.id).toBe(before[0]?.id);
  });

  it('saves shingles, never the post text', () => {
    const detector = new SpiralDetector(rules);
    detector.observe(complaints(['Call me on 555-0100, my bag is lost at baggage claim']), NOW);
    const saved = JSON.stringify(detector.state());
    expect(saved).not.toContain('555-0100');
    expect(saved).toContain('baggage claim');
  });
});

describe('SpiralDetector: hostile input', () => {
  it('handles huge, markup-laden and mixed-script text', () => {
    const huge = `${'lost bag baggage claim '.repeat(400)}<script>alert(1)</script>`.slice(0, 10_000);
    const hostile = [
      huge,
      '<img src=x onerror=alert(1)> lost bag at baggage claim',
      '__proto__ constructor toString lost bag baggage claim',
      'حقيبتي ضاعت lost bag 😡😡 baggage claim 🧳',
      'LOST   BAG!!!\n\nBAGGAGE\tCLAIM???',
    ];
    const detector = new SpiralDetector(rules);
    detector.observe(complaints(hostile), NOW);
    const [spiral] = detector.active(NOW);
    expect(spiral?.size).toBe(5);
    expect(spiral?.label.length).toBeLessThanOrEqual(200);
    expect(() => SpiralSchema.parse(spiral)).not.toThrow();
    expect(() => SpiralStateSchema.parse(detector.state())).not.toThrow();
  });

  it('ignores posts with too little text to compare', () => {
    const detector = new SpiralDetector({ minSimilar: 2, windowMinutes: 60 });
    expect(detector.observe(complaints(['', '!!!', '😡😡😡', 'the and of', 'ugh', '@someone', 'https://example.com']), NOW)).toBe(0);
    expect(detector.active(NOW)).toEqual([]);
  });

  it('keeps a flood of identical posts bounded and in one spiral', () => {
    const flood = Array.from({ length: MAX_WINDOW_MEMBERS + 200 }, (_, index) => ({
      postKey: `x:${index}`,
      text: 'site down again, cannot check in online',
      at: NOW - (MAX_WINDOW_MEMBERS + 200 - index),
      platform: 'x' as const,
    }));
    const detector = new SpiralDetector(rules);
    detector.observe(flood, NOW);
    expect(detector.size).toBe(MAX_WINDOW_MEMBERS);
    const spirals = detector.active(NOW);
    expect(spirals).toHaveLength(1);
    expect(spirals[0]?.size).toBe(MAX_WINDOW_MEMBERS);
    // The oldest went first.
    expect(spirals[0]?.postKeys[0]).toBe('x:200');
  });
});
