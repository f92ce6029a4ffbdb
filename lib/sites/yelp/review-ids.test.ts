import { describe, expect, it } from 'vitest';
import { matchReviewId, reviewEntries, type ReviewEntry } from './review-ids';

function docWith(...scripts: [type: string, body: string][]): Document {
  const doc = document.implementation.createHTMLDocument('biz');
  for (const [type, body] of scripts) {
    const script = doc.createElement('script');
    script.type = type;
    script.textContent = body;
    doc.head.append(script);
  }
  return doc;
}

describe('Yelp review ids from the page data', () => {
  it('reads "Review:<id>" entries of the Apollo state, inside <!-- --> or not, with author, date and text', () => {
    const state = {
      'Review:AbCdEfGhIj0123456789': {
        __typename: 'Review',
        author: { __ref: 'User:U1' },
        createdAt: { utcDateTime: '2025-09-21T01:14:00Z' },
        text: { full: 'Cold food' },
      },
      'User:U1': { __typename: 'User' },
      config: { flags: ['Review'] },
    };
    const entries = reviewEntries(docWith(['application/json', `<!--${JSON.stringify(state)}-->`]), 'https://www.yelp.com/biz/a');
    expect(entries).toEqual([{ id: 'AbCdEfGhIj0123456789', userId: 'U1', date: '2025-09-21', opening: 'cold food' }]);
  });

  it('reads JSON-LD Review entries that carry an id (as ?hrid= in their url), and skips those that do not', () => {
    const ld = {
      '@type': 'Restaurant',
      review: [
        {
          '@type': 'Review',
          author: { name: 'Ana L.' },
          datePublished: '2025-10-01',
          url: 'https://www.yelp.com/biz/a?hrid=zYxW9876VuTs5432RqPo1B',
        },
        { '@type': 'Review', author: 'No Id', datePublished: '2025-10-02', description: 'No id here' },
      ],
    };
    const entries = reviewEntries(docWith(['application/ld+json', JSON.stringify(ld)]), 'https://www.yelp.com/biz/a');
    expect(entries).toEqual([{ id: 'zYxW9876VuTs5432RqPo1B', name: 'Ana L.', date: '2025-10-01' }]);
  });

  it('ignores scripts that are not JSON or hold no review', () => {
    expect(reviewEntries(docWith(['application/json', '{not json Review'], ['application/json', '{"a":1}']), 'https://x/')).toEqual([]);
  });

  it('matches a card by reviewer and date (a day either way), else by name and date, else by text; never on a tie', () => {
    const entries: ReviewEntry[] = [
      { id: 'current000001', userId: 'U1', date: '2025-08-30', opening: 'second visit' },
      { id: 'previous00001', userId: 'U1', date: '2025-03-02', opening: 'nice brunch' },
      { id: 'named0000001', name: 'Ana L.', date: '2025-10-01' },
      { id: 'text00000001', opening: 'great fries and friendly staff' },
    ];
    expect(matchReviewId(entries, { userId: 'U1', name: 'Lee W.', date: '2025-08-31', text: 'Second visit' })).toBe('current000001');
    expect(matchReviewId(entries, { userId: 'U1', name: 'Lee W.', date: '2025-03-02', text: 'Nice brunch' })).toBe('previous00001');
    expect(matchReviewId(entries, { name: 'Ana L.', date: '2025-10-01', text: 'Best brunch' })).toBe('named0000001');
    expect(matchReviewId(entries, { name: 'Tom B.', text: 'Great fries and friendly staff, a bit slow on Saturdays.' })).toBe(
      'text00000001',
    );
    expect(matchReviewId(entries, { name: 'Someone', date: '2024-01-01', text: 'Unrelated' })).toBeUndefined();
    const tie: ReviewEntry[] = [
      { id: 'tie000000001', name: 'Sam K.', date: '2025-10-01' },
      { id: 'tie000000002', name: 'Sam K.', date: '2025-10-01' },
    ];
    expect(matchReviewId(tie, { name: 'Sam K.', date: '2025-10-01', text: '' })).toBeUndefined();
  });
});
