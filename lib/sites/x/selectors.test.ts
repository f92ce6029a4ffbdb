import { describe, expect, it } from 'vitest';
import { loadXFixture, type XFixture } from '../../../tests/fixtures/x/load';
import { X_SELECTORS, type XSelectorName } from './selectors';

/**
 * How many elements each selector must find on each fixture. Numbers come from reading the
 * files (see tests/fixtures/x/SOURCES.md); a change on x.com shows up as one wrong row.
 */
const EXPECTED: Record<XSelectorName, Record<XFixture, number>> = {
  cell: { sample: 0, quote: 1, quoteVideo: 1, timeline: 10 },
  tweet: { sample: 1, quote: 1, quoteVideo: 1, timeline: 9 },
  userName: { sample: 1, quote: 2, quoteVideo: 2, timeline: 10 },
  permalinkTime: { sample: 1, quote: 1, quoteVideo: 1, timeline: 9 },
  time: { sample: 1, quote: 2, quoteVideo: 2, timeline: 10 },
  tweetText: { sample: 1, quote: 2, quoteVideo: 2, timeline: 10 },
  quoteBlock: { sample: 0, quote: 1, quoteVideo: 1, timeline: 1 },
  actionBar: { sample: 1, quote: 1, quoteVideo: 1, timeline: 9 },
  replyButton: { sample: 1, quote: 1, quoteVideo: 1, timeline: 9 },
  repostButton: { sample: 1, quote: 1, quoteVideo: 1, timeline: 9 },
  likeButton: { sample: 1, quote: 1, quoteVideo: 1, timeline: 9 },
  viewsLink: { sample: 0, quote: 1, quoteVideo: 1, timeline: 9 },
  // The focused tweet's date line is also a div[dir=ltr] with a link: the label check rejects it.
  replyContext: { sample: 1, quote: 0, quoteVideo: 0, timeline: 2 },
  replyTarget: { sample: 1, quote: 0, quoteVideo: 0, timeline: 2 },
};

const fixtures: XFixture[] = ['sample', 'quote', 'quoteVideo', 'timeline'];

describe('X selectors against saved pages', () => {
  const documents = Object.fromEntries(fixtures.map((fixture) => [fixture, loadXFixture(fixture)])) as Record<
    XFixture,
    Document
  >;

  for (const [name, selector] of Object.entries(X_SELECTORS) as [XSelectorName, string][]) {
    for (const fixture of fixtures) {
      it(`${name} finds ${EXPECTED[name][fixture]} on ${fixture}`, () => {
        expect(documents[fixture].querySelectorAll(selector)).toHaveLength(EXPECTED[name][fixture]);
      });
    }
  }

  it('has a row for every selector', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(X_SELECTORS).sort());
  });
});
