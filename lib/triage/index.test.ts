import { describe, expect, it } from 'vitest';
import { PostSchema, type PostInput } from '../domain/post';
import { BrandSchema } from '../domain/brand';
import { brandTermsOf, categorizeComplaint, detectComplaint, triagePost } from './index';
import { NOT_CATEGORISED } from './category';

const brand = BrandSchema.parse({
  id: 'acme',
  name: 'Acme',
  aliases: ['Acme Mobile'],
  handles: { x: ['AcmeHelp'], facebook: ['acme.official'], yelp: [] },
  hashtags: ['acmecares'],
});

const post = (overrides: Partial<PostInput>) =>
  PostSchema.parse({
    platform: 'x',
    postId: '1981398750557065646',
    kind: 'post',
    url: 'https://x.com/dana/status/1981398750557065646',
    authorName: 'Dana',
    text: '',
    ...overrides,
  });

describe('triagePost', () => {
  it('derives brand terms from a configured brand', () => {
    expect(brandTermsOf(brand)).toEqual(['Acme', 'Acme Mobile', '@AcmeHelp', '@acme.official', '#acmecares']);
  });

  it('triages a viral refund complaint end to end', () => {
    const result = triagePost(
      post({
        text: '@AcmeHelp no response for 3 weeks about my refund. Still waiting. #acmecares my foot',
        reach: { views: 25_000, likes: 300 },
      }),
      { brandTerms: brandTermsOf(brand) },
    );
    expect(result.complaint.isComplaint).toBe(true);
    expect(result.category.category).toBe('billing_refund');
    expect(result.priority.priority).toBe('P1');
    expect(result.priority.explanation).toBe('P1: complaint, 25k views, "no response for 3 weeks"');
  });

  it('keeps a quiet compliment at low priority', () => {
    const result = triagePost(post({ kind: 'reply', text: 'Thanks Acme, the new plan is great value!', reach: { likes: 2 } }), {
      brandTerms: brandTermsOf(brand),
    });
    expect(result.complaint.isComplaint).toBe(false);
    expect(result.priority.priority).toBe('P4');
    expect(result.priority.explanation).toBe('P4: not a complaint, 2 likes');
  });

  it('agrees with detectComplaint and uses `now` for age', () => {
    const text = 'Acme Mobile dropped my calls all week, useless';
    const options = { brandTerms: brandTermsOf(brand) };
    const withAge = triagePost(post({ text, postedAt: '2025-05-01T10:00:00Z' }), { ...options, now: Date.parse('2025-05-01T10:30:00Z') });
    const withoutAge = triagePost(post({ text, postedAt: '2025-05-01T10:00:00Z' }), options);
    expect(withAge.complaint).toEqual(detectComplaint(text, options));
    expect(withAge.priority.score - withoutAge.priority.score).toBe(10);
  });

  it('categorises complaints only, unless asked to categorise every post', () => {
    const options = { brandTerms: brandTermsOf(brand) };
    const complaint = '@AcmeHelp charged me twice for one order and no refund yet, useless';
    const praise = 'Thanks Acme, the refund came through in a day. Great service!';
    expect(triagePost(post({ text: complaint }), options).category).toEqual(categorizeComplaint(complaint, options));
    expect(triagePost(post({ text: complaint }), options).category.category).toBe('billing_refund');
    expect(triagePost(post({ text: praise }), options).complaint.isComplaint).toBe(false);
    expect(triagePost(post({ text: praise }), options).category).toEqual(NOT_CATEGORISED);
    expect(triagePost(post({ text: praise }), { ...options, categorize: 'always' }).category).toEqual(categorizeComplaint(praise, options));
    expect(categorizeComplaint(praise, options).category).toBe('billing_refund');
  });

  it("uses a review's star rating: a 5★ review full of negations is not a complaint, a 1★ one is", () => {
    const text = "I can't say enough good things about Acme. Nothing was ever too much trouble and they never rushed us.";
    const review = (rating: number) =>
      triagePost(post({ platform: 'yelp', kind: 'review', text, reach: { rating } }), { brandTerms: brandTermsOf(brand) });
    expect(review(5).complaint.isComplaint).toBe(false);
    expect(review(1).complaint.isComplaint).toBe(true);
    expect(review(1).priority.explanation).toContain('1★');
  });
});

describe('triagePost: ads and posts the brand already answered', () => {
  const viral = {
    text: '@AcmeHelp no response for 3 weeks about my refund. Still waiting. #acmecares my foot',
    reach: { views: 25_000, likes: 300 },
  };

  it('never flags a sponsored post as a complaint, whatever it says about the brand', () => {
    const result = triagePost(post({ ...viral, platform: 'facebook', sponsored: true }), { brandTerms: brandTermsOf(brand) });
    expect(result.complaint.isComplaint).toBe(false);
    expect(result.priority).toEqual({
      priority: 'P4',
      score: 0,
      explanation: 'P4: sponsored post (an ad), not a complaint',
      reason: { verdict: 'sponsored' },
    });
  });

  it('lowers a complaint the brand answered on the page by one level, and says who answered', () => {
    const plain = triagePost(post(viral), { brandTerms: brandTermsOf(brand) });
    const answered = triagePost(post({ ...viral, answeredBy: '@AcmeHelp' }), { brandTerms: brandTermsOf(brand) });
    expect(plain.priority.priority).toBe('P1');
    expect(answered.complaint).toEqual(plain.complaint);
    expect(answered.priority.priority).toBe('P2');
    expect(answered.priority.explanation).toBe(`P2: ${plain.priority.explanation.slice(4)}, answered by @AcmeHelp`);
  });

  it('keeps an answered P4 at P4', () => {
    const result = triagePost(post({ text: 'Acme is fine I guess', answeredBy: 'Acme Bistro' }), { brandTerms: brandTermsOf(brand) });
    expect(result.priority.priority).toBe('P4');
    expect(result.priority.explanation.endsWith(', answered by Acme Bistro')).toBe(true);
  });
});
