import { FACEBOOK_FIXTURES, loadFacebookFixture, type FacebookFixture } from '../../../tests/fixtures/facebook/load';
import { describeSelectorTable, type SelectorCounts } from '../selector-table';
import { FB_SELECTORS, type FacebookSelectorName } from './selectors';

/**
 * How many elements each selector must find on each fixture, read off the files (see
 * tests/fixtures/facebook/SOURCES.md). The two real pages are server HTML without rendered posts:
 * every post selector must find nothing there (their posts come from embedded JSON, in scripts).
 * Generic selectors (link, textLeaf, reactionsLabel, script) were counted with the test parser.
 */
const EXPECTED: SelectorCounts<FacebookSelectorName, FacebookFixture> = {
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
  headerHeading: { realPageA: 0, realPageB: 0, feed: 4, postComments: 1, dialog: 4, edgeCases: 5, loggedOut: 2 },
  link: { realPageA: 0, realPageB: 0, feed: 16, postComments: 19, dialog: 9, edgeCases: 21, loggedOut: 6 },
  // Timestamps with real hrefs, comment links (they contain /posts/), body links, the pcb photo link.
  postLinkCandidate: { realPageA: 0, realPageB: 0, feed: 4, postComments: 6, dialog: 3, edgeCases: 6, loggedOut: 1 },
  // postComments: 5 timestamp links + 6 commenter profile links carrying a tracking comment_id.
  commentLink: { realPageA: 0, realPageB: 0, feed: 1, postComments: 11, dialog: 1, edgeCases: 1, loggedOut: 0 },
  commentActionRow: { realPageA: 0, realPageB: 0, feed: 2, postComments: 8, dialog: 2, edgeCases: 2, loggedOut: 0 },
  commentListItem: { realPageA: 0, realPageB: 0, feed: 4, postComments: 20, dialog: 4, edgeCases: 4, loggedOut: 0 },
  textLeaf: { realPageA: 1, realPageB: 11, feed: 279, postComments: 217, dialog: 191, edgeCases: 343, loggedOut: 115 },
  reactionsLabel: { realPageA: 0, realPageB: 0, feed: 124, postComments: 88, dialog: 85, edgeCases: 174, loggedOut: 60 },
  // The real pages carry their posts as Relay JSON; the logged-out page has one such block.
  relayJsonScript: { realPageA: 63, realPageB: 76, feed: 0, postComments: 0, dialog: 0, edgeCases: 0, loggedOut: 1 },
  script: { realPageA: 166, realPageB: 104, feed: 0, postComments: 0, dialog: 0, edgeCases: 0, loggedOut: 1 },
  timeElement: { realPageA: 0, realPageB: 0, feed: 0, postComments: 0, dialog: 0, edgeCases: 1, loggedOut: 0 },
  inlineButton: { realPageA: 0, realPageB: 0, feed: 29, postComments: 23, dialog: 22, edgeCases: 29, loggedOut: 9 },
  commentButton: { realPageA: 0, realPageB: 0, feed: 3, postComments: 1, dialog: 2, edgeCases: 5, loggedOut: 2 },
  composer: { realPageA: 0, realPageB: 0, feed: 1, postComments: 1, dialog: 1, edgeCases: 0, loggedOut: 0 },
  commentReactions: { realPageA: 0, realPageB: 0, feed: 1, postComments: 3, dialog: 1, edgeCases: 0, loggedOut: 0 },
};

describeSelectorTable('Facebook selectors against saved pages', {
  selectors: FB_SELECTORS,
  fixtures: Object.keys(FACEBOOK_FIXTURES) as FacebookFixture[],
  load: loadFacebookFixture,
  expected: EXPECTED,
});
