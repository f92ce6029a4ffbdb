import { describe, expect, it } from 'vitest';
import { COMPLAINT_MODEL } from './model/complaint-model';
import { complaintModel, detectComplaint, PIECE_CHARS, RULE_FLOOR, splitPieces } from './complaint';

// Invented posts about a made-up brand: none of them is in the airline training data.
const acme = { brandTerms: ['Acme', 'Acme Mobile', '@AcmeHelp'] };

describe('complaint model', () => {
  it('loads the shipped model: one class, a bitmap over 2^bits buckets, a tuned threshold', () => {
    const model = complaintModel();
    expect(model.classes).toEqual(['complaint']);
    expect(model.table.bitmap).toHaveLength(2 ** model.features.bits / 32);
    expect(model.table.values).toHaveLength(COMPLAINT_MODEL.buckets);
    expect(model.threshold).toBeGreaterThan(0.2);
    expect(model.threshold).toBeLessThan(0.8);
    expect(COMPLAINT_MODEL.buckets).toBeGreaterThan(1000);
  });

  it.each([
    'Acme charged me twice for the same subscription and nobody answers the support chat',
    'Worst customer service ever. Acme Mobile hung up on me three times today',
    'I have been waiting 3 weeks for my refund from @AcmeHelp. Unacceptable.',
    'Acme cancelled my order without telling me. Never shopping there again',
    'my Acme blender arrived broken and the box was soaked',
    '@AcmeHelp my order was supposed to arrive last Monday and it still has not shown up',
  ])('flags a clear complaint: %s', (text) => {
    const result = detectComplaint(text, acme);
    expect(result.isComplaint).toBe(true);
    expect(result.confidence).toBeGreaterThan(0.6);
  });

  it.each([
    'Just got my new Acme headphones and they sound amazing',
    'Thank you Acme for the quick delivery, arrived a day early!',
    'Love the new Acme Mobile plan, great value',
    'Big thanks to Sarah at Acme support, super helpful and friendly',
    'Does Acme ship to Canada?',
  ])('does not flag a compliment or question: %s', (text) => {
    const result = detectComplaint(text, acme);
    expect(result.isComplaint).toBe(false);
    expect(result.confidence).toBeLessThan(0.4);
  });

  it.each([
    'Thanks Acme for losing my package again, really great work',
    'Great job @AcmeHelp, cancelling my order two days before Christmas. Just brilliant.',
    'Wow Acme, 2 hours on hold. Love that for me.',
  ])('reads sarcasm as a complaint: %s', (text) => {
    expect(detectComplaint(text, acme).isComplaint).toBe(true);
  });

  it('returns readable cues as evidence', () => {
    const { cues } = detectComplaint('Still no reply from @AcmeHelp after 2 weeks. Why?', acme);
    expect(cues).toEqual(expect.arrayContaining(['still waiting: "still no"', 'wait time: "2 weeks"', 'negation: "no"']));
    expect(cues.some((cue) => cue.startsWith('why question'))).toBe(true);
    expect(detectComplaint('Love it', acme).cues).toEqual([]);
  });

  it('lifts sarcasm to at least the rule floor even where the model alone is unsure', () => {
    const result = detectComplaint('thanks for losing it', acme);
    expect(result.cues[0]).toMatch(/^sarcasm/);
    expect(result.confidence).toBeGreaterThanOrEqual(RULE_FLOOR);
  });

  it('gives the same verdict whichever brand is named, once its terms are masked', () => {
    const a = detectComplaint('@AcmeHelp Acme lost my parcel again', acme);
    const b = detectComplaint('@GlobexCare Globex lost my parcel again', { brandTerms: ['Globex', '@GlobexCare'] });
    expect(b.confidence).toBeCloseTo(a.confidence, 10);
  });

  it('handles empty, hostile and 10k-character text', () => {
    expect(detectComplaint('')).toEqual({ isComplaint: false, confidence: 0, cues: [] });
    expect(detectComplaint('@AcmeHelp https://t.co/x', acme).isComplaint).toBe(false);
    const hostile = detectComplaint('<img src=x onerror=alert(1)><script>document.cookie</script>');
    expect(hostile.confidence).toBeGreaterThanOrEqual(0);
    expect(hostile.confidence).toBeLessThanOrEqual(1);
    const long = detectComplaint('Acme lost my parcel and nobody answers. '.repeat(300).slice(0, 10_000), acme);
    expect(long.isComplaint).toBe(true);
  });
});

describe('length does not raise confidence', () => {
  const neutral = 'We had dinner there on Friday with friends.';
  const complaint = 'They charged my card twice and nobody has answered my emails for two weeks.';
  const threshold = () => complaintModel().threshold;
  const repeat = (sentence: string, n: number) => Array.from({ length: n }, () => sentence);

  it('keeps a neutral sentence repeated 1-16 times under the threshold, at about the same confidence', () => {
    const scores = [1, 2, 4, 8, 16].map((n) => detectComplaint(repeat(neutral, n).join(' ')).confidence);
    for (const score of scores) expect(score).toBeLessThan(threshold());
    expect(Math.max(...scores) - Math.min(...scores)).toBeLessThan(0.1);
  });

  it('keeps one clear complaint sentence over the threshold however many neutral sentences pad it', () => {
    for (const n of [0, 1, 4, 8, 16, 40]) {
      const before = detectComplaint([...repeat(neutral, n), complaint].join(' '));
      const after = detectComplaint([complaint, ...repeat(neutral, n)].join(' '));
      expect(before.isComplaint).toBe(true);
      expect(after.isComplaint).toBe(true);
    }
  });

  it('scores a long post by its most complaint-like tweet-sized piece', () => {
    const pieces = splitPieces(`${repeat(neutral, 20).join(' ')} ${complaint}`);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.every((piece) => piece.length <= PIECE_CHARS)).toBe(true);
    expect(pieces.join('')).toBe(`${repeat(neutral, 20).join(' ')} ${complaint}`);
    expect(splitPieces('x'.repeat(1000)).every((piece) => piece.length <= PIECE_CHARS)).toBe(true);
  });
});

describe('star ratings', () => {
  const praise = "I can't say enough good things about this place. The staff never let us wait and nothing was ever wrong.";
  const problem = 'The food was fine but we waited an hour for a table and the waiter never came back with our drinks.';
  const content = 'Decent food, reasonable prices, nice view of the river. Parking is easy.';

  it('does not flag a 5★ or 4★ review written with negations', () => {
    expect(detectComplaint(praise, { rating: 5 }).isComplaint).toBe(false);
    expect(detectComplaint(praise, { rating: 4 }).isComplaint).toBe(false);
  });

  it('flags a 1★ or 2★ review', () => {
    expect(detectComplaint(problem, { rating: 1 }).isComplaint).toBe(true);
    expect(detectComplaint(content, { rating: 2 }).isComplaint).toBe(true);
  });

  it('judges a 3★ review by its text: flagged only when it reports a problem', () => {
    expect(detectComplaint(problem, { rating: 3 }).isComplaint).toBe(true);
    expect(detectComplaint(content, { rating: 3 }).isComplaint).toBe(false);
    const lukewarm = "The food was okay, nothing special. I'm not sure I'd go back, the pasta wasn't bad but I've had better.";
    expect(detectComplaint(lukewarm, { rating: 3 }).isComplaint).toBe(false);
  });

  it('says which problem a 3★ review reports, and reads that phrase only for 3★', () => {
    const slow = 'Nice patio and good tacos, but the service was painfully slow.';
    expect(detectComplaint(slow, { rating: 3 }).cues).toContain('review problem: "service was painfully slow"');
    expect(detectComplaint(slow, { rating: 4 }).cues.some((cue) => cue.startsWith('review problem'))).toBe(false);
    expect(detectComplaint(slow, { rating: 4 }).isComplaint).toBe(false);
  });

  it('moves confidence with the rating, and a missing rating changes nothing', () => {
    const none = detectComplaint(problem).confidence;
    expect(detectComplaint(problem, { rating: 0 }).confidence).toBe(none);
    expect(detectComplaint(problem, { rating: 1 }).confidence).toBeGreaterThan(none);
    expect(detectComplaint(problem, { rating: 5 }).confidence).toBeLessThan(none);
  });
});
