import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadXFixture, readXFixture, X_FIXTURES, type XFixture } from '../../../tests/fixtures/x/load';
import { describeSelectorTable, type SelectorCounts } from '../selector-table';
import { X_SELECTORS, type XSelectorName } from './selectors';

/**
 * How many elements each selector must find on each fixture. Numbers come from reading the
 * files (see tests/fixtures/x/SOURCES.md and each authored file's header note); a change on
 * x.com shows up as one wrong row.
 */
const EXPECTED: SelectorCounts<XSelectorName, XFixture> = {
  //             real captures                         authored pages
  cell: { sample: 0, quote: 1, quoteVideo: 1, timeline: 10, localized: 7, home: 9, status: 9, broken: 3, statusPt: 2, longQuotes: 7 },
  tweet: { sample: 1, quote: 1, quoteVideo: 1, timeline: 9, localized: 7, home: 6, status: 7, broken: 0, statusPt: 1, longQuotes: 7 },
  userName: { sample: 1, quote: 2, quoteVideo: 2, timeline: 10, localized: 7, home: 7, status: 7, broken: 3, statusPt: 1, longQuotes: 11 },
  // Every link inside a userName block (name, handle, often the time); the adapter takes the first.
  displayNameLink: {
    sample: 2,
    quote: 3,
    quoteVideo: 3,
    timeline: 27,
    localized: 21,
    home: 20,
    status: 20,
    broken: 9,
    statusPt: 2,
    longQuotes: 21,
  },
  permalinkTime: {
    sample: 1,
    quote: 1,
    quoteVideo: 1,
    timeline: 9,
    localized: 7,
    home: 6,
    status: 7,
    broken: 3,
    statusPt: 1,
    longQuotes: 7,
  },
  time: { sample: 1, quote: 2, quoteVideo: 2, timeline: 10, localized: 7, home: 7, status: 7, broken: 3, statusPt: 1, longQuotes: 11 },
  tweetText: { sample: 1, quote: 2, quoteVideo: 2, timeline: 10, localized: 7, home: 7, status: 7, broken: 3, statusPt: 1, longQuotes: 11 },
  // X's "Show more" after a cut text: only the long-posts page has cut posts (two of them).
  showMore: { sample: 0, quote: 0, quoteVideo: 0, timeline: 0, localized: 0, home: 0, status: 0, broken: 0, statusPt: 0, longQuotes: 2 },
  quoteBlock: { sample: 0, quote: 1, quoteVideo: 1, timeline: 1, localized: 0, home: 1, status: 0, broken: 0, statusPt: 0, longQuotes: 4 },
  // The quote blocks, plus the sample capture's one link block that quotes nothing.
  linkBlock: { sample: 1, quote: 1, quoteVideo: 1, timeline: 1, localized: 0, home: 1, status: 0, broken: 0, statusPt: 0, longQuotes: 4 },
  actionBar: { sample: 1, quote: 1, quoteVideo: 1, timeline: 9, localized: 7, home: 6, status: 7, broken: 3, statusPt: 1, longQuotes: 7 },
  replyButton: { sample: 1, quote: 1, quoteVideo: 1, timeline: 9, localized: 7, home: 6, status: 7, broken: 3, statusPt: 1, longQuotes: 7 },
  repostButton: {
    sample: 1,
    quote: 1,
    quoteVideo: 1,
    timeline: 9,
    localized: 7,
    home: 6,
    status: 7,
    broken: 3,
    statusPt: 1,
    longQuotes: 7,
  },
  likeButton: { sample: 1, quote: 1, quoteVideo: 1, timeline: 9, localized: 7, home: 6, status: 7, broken: 3, statusPt: 1, longQuotes: 7 },
  // Shown once the viewer reposted / liked: none of these pages (the counts test covers them).
  undoRepostButton: {
    sample: 0,
    quote: 0,
    quoteVideo: 0,
    timeline: 0,
    localized: 0,
    home: 0,
    status: 0,
    broken: 0,
    statusPt: 0,
    longQuotes: 0,
  },
  // As above.
  unlikeButton: {
    sample: 0,
    quote: 0,
    quoteVideo: 0,
    timeline: 0,
    localized: 0,
    home: 0,
    status: 0,
    broken: 0,
    statusPt: 0,
    longQuotes: 0,
  },
  // One per action bar; its count holds a place in the bar summary.
  bookmarkButton: {
    sample: 1,
    quote: 1,
    quoteVideo: 1,
    timeline: 9,
    localized: 7,
    home: 6,
    status: 7,
    broken: 3,
    statusPt: 1,
    longQuotes: 7,
  },
  // The focused post on a status page shows its views as text, not as an analytics link.
  viewsLink: { sample: 0, quote: 1, quoteVideo: 1, timeline: 9, localized: 7, home: 6, status: 6, broken: 3, statusPt: 0, longQuotes: 7 },
  // The focused tweet's date line is also a div[dir=ltr] with a link: the label check rejects it.
  replyTarget: { sample: 1, quote: 0, quoteVideo: 0, timeline: 2, localized: 2, home: 0, status: 2, broken: 0, statusPt: 6, longQuotes: 0 },
  textLine: {
    sample: 14,
    quote: 18,
    quoteVideo: 18,
    timeline: 88,
    localized: 58,
    home: 52,
    status: 57,
    broken: 24,
    statusPt: 23,
    longQuotes: 69,
  },
  // Four reposts and one "liked" line; REPOSTED_LABELS tells them apart.
  socialContext: {
    sample: 0,
    quote: 0,
    quoteVideo: 0,
    timeline: 0,
    localized: 0,
    home: 5,
    status: 0,
    broken: 0,
    statusPt: 0,
    longQuotes: 0,
  },
  // Every link on the page (counted with the test parser): a change here means the fixture changed.
  link: { sample: 6, quote: 6, quoteVideo: 6, timeline: 51, localized: 38, home: 40, status: 38, broken: 15, statusPt: 14, longQuotes: 37 },
  // Only the authored status page shows a follow button (the focused post's author); the captures have none.
  followButton: {
    sample: 0,
    quote: 0,
    quoteVideo: 0,
    timeline: 0,
    localized: 0,
    home: 0,
    status: 1,
    broken: 0,
    statusPt: 0,
    longQuotes: 0,
  },
  sectionHeading: {
    sample: 0,
    quote: 0,
    quoteVideo: 0,
    timeline: 0,
    localized: 0,
    home: 0,
    status: 1,
    broken: 0,
    statusPt: 0,
    longQuotes: 0,
  },
};

const fixtures = Object.keys(X_FIXTURES) as XFixture[];
const AUTHORED: readonly XFixture[] = ['timeline', 'localized', 'home', 'status', 'broken', 'longQuotes'];
const here = dirname(fileURLToPath(import.meta.url));
const fixtureDir = join(here, '../../../tests/fixtures/x');

describeSelectorTable('X selectors against saved pages', { selectors: X_SELECTORS, fixtures, load: loadXFixture, expected: EXPECTED });

describe('X selector table', () => {
  it('has a column for every fixture', () => {
    for (const row of Object.values(EXPECTED)) expect(Object.keys(row).sort()).toEqual([...fixtures].sort());
  });
});

describe('X fixture notes', () => {
  it.each(AUTHORED)('%s starts with a note saying it is authored and what real structure it mirrors', (fixture) => {
    const head = readXFixture(fixture).slice(0, 2_000);
    expect(head).toMatch(/^<!doctype html>\s*<!--\s*AUTHORED FIXTURE \(not a capture\)\./);
    expect(head).toMatch(/Mirrors the (structure of the real captures|real captures' structure)/);
    expect(head).toMatch(/\bExpected\b/);
  });

  it('lists every fixture of the selector table in SOURCES.md', () => {
    const sources = readFileSync(join(fixtureDir, 'SOURCES.md'), 'utf8');
    const files = new Set(readdirSync(fixtureDir));
    for (const file of Object.values(X_FIXTURES)) {
      expect(files.has(file)).toBe(true);
      expect(sources).toContain(`\`${file}\``);
    }
  });
});
