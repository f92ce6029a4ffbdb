import { describe, expect, it } from 'vitest';
import { FACEBOOK_FIXTURES, loadFacebookFixture, type FacebookFixture } from '../../../tests/fixtures/facebook/load';
import { FB_SELECTORS, type FacebookSelectorName } from './selectors';

/**
 * How many elements each selector must find on each fixture, read off the files (see
 * tests/fixtures/facebook/SOURCES.md). The two real pages are server HTML without rendered posts:
 * every DOM selector must find nothing there (their posts come from embedded JSON).
 */
const EXPECTED: Record<FacebookSelectorName, Record<FacebookFixture, number>> = {
  // feed: 3 posts + 1 loading placeholder; dialog: the feed copy; edgeCases: 5 posts; loggedOut: 2.
  feedUnit: { realPageA: 0, realPageB: 0, feed: 4, postComments: 0, dialog: 1, edgeCases: 5, loggedOut: 2 },
  // The permalink post; in dialog.html both the old-layout feed unit and the dialog's post.
  standalonePost: { realPageA: 0, realPageB: 0, feed: 0, postComments: 1, dialog: 2, edgeCases: 0, loggedOut: 0 },
  // postComments: 3 comments + 1 reply + 1 hidden duplicate.
  commentArticle: { realPageA: 0, realPageB: 0, feed: 1, postComments: 5, dialog: 1, edgeCases: 1, loggedOut: 0 },
  dialog: { realPageA: 0, realPageB: 0, feed: 0, postComments: 0, dialog: 1, edgeCases: 0, loggedOut: 0 },
  // Two nested hooks per body (story_message > comet-preview/preview); the photo-only post has none.
  storyMessage: { realPageA: 0, realPageB: 0, feed: 6, postComments: 2, dialog: 4, edgeCases: 8, loggedOut: 4 },
  // Paragraphs: feed 2+3+1 post paragraphs + 1 comment; postComments 2 + 5 comments.
  textBlock: { realPageA: 0, realPageB: 0, feed: 7, postComments: 7, dialog: 3, edgeCases: 6, loggedOut: 2 },
  // One per post header, plus the group name link in feed post 2's header.
  authorLink: { realPageA: 0, realPageB: 0, feed: 4, postComments: 1, dialog: 2, edgeCases: 5, loggedOut: 2 },
  // Timestamps with real hrefs, comment links (they contain /posts/), body links, the pcb photo link.
  postLinkCandidate: { realPageA: 0, realPageB: 0, feed: 4, postComments: 6, dialog: 3, edgeCases: 6, loggedOut: 1 },
  // postComments: 5 timestamp links + 6 commenter profile links carrying a tracking comment_id.
  commentLink: { realPageA: 0, realPageB: 0, feed: 1, postComments: 11, dialog: 1, edgeCases: 1, loggedOut: 0 },
  timeElement: { realPageA: 0, realPageB: 0, feed: 0, postComments: 0, dialog: 0, edgeCases: 1, loggedOut: 0 },
  inlineButton: { realPageA: 0, realPageB: 0, feed: 29, postComments: 23, dialog: 22, edgeCases: 29, loggedOut: 9 },
  commentButton: { realPageA: 0, realPageB: 0, feed: 3, postComments: 1, dialog: 2, edgeCases: 5, loggedOut: 2 },
  composer: { realPageA: 0, realPageB: 0, feed: 1, postComments: 1, dialog: 1, edgeCases: 0, loggedOut: 0 },
  commentReactions: { realPageA: 0, realPageB: 0, feed: 1, postComments: 3, dialog: 1, edgeCases: 0, loggedOut: 0 },
};

const fixtures = Object.keys(FACEBOOK_FIXTURES) as FacebookFixture[];

describe('Facebook selectors against saved pages', () => {
  const documents = Object.fromEntries(fixtures.map((fixture) => [fixture, loadFacebookFixture(fixture)])) as Record<
    FacebookFixture,
    Document
  >;

  for (const [name, selector] of Object.entries(FB_SELECTORS) as [FacebookSelectorName, string][]) {
    for (const fixture of fixtures) {
      it(`${name} finds ${EXPECTED[name][fixture]} on ${fixture}`, () => {
        expect(documents[fixture].querySelectorAll(selector)).toHaveLength(EXPECTED[name][fixture]);
      });
    }
  }

  it('has a row for every selector', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(FB_SELECTORS).sort());
  });

  it('uses no class names (Comet classes are hashed and change with every deploy)', () => {
    for (const selector of Object.values(FB_SELECTORS)) {
      const withoutValues = selector.replace(/"[^"]*"/g, '""');
      expect(withoutValues).not.toMatch(/\.[A-Za-z_-]|\[class/);
    }
  });
});
