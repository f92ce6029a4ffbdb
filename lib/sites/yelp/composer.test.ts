import { afterEach, describe, expect, it } from 'vitest';
import { loadYelpFixture, readYelpFixture } from '../../../tests/fixtures/yelp/load';
import { describeSelectorTable } from '../selector-table';
import { findYelpReplyComposer } from './composer';
import { YELP_COMPOSER_SELECTORS, YELP_SELECTORS } from './selectors';

/** biz.yelp.com reviews (owner view); the fixture shows no open comment box. */
function mount(): HTMLElement[] {
  const parsed = new DOMParser().parseFromString(readYelpFixture('ownerReviews'), 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.adoptNode(node)));
  return [...document.querySelectorAll<HTMLElement>(YELP_SELECTORS.reviewCard)].filter(
    (card) => !card.parentElement?.closest(YELP_SELECTORS.reviewCard),
  );
}

function textarea(parent: Element, label: string): HTMLTextAreaElement {
  const area = document.createElement('textarea');
  area.setAttribute('aria-label', label);
  parent.append(area);
  return area;
}

afterEach(() => document.body.replaceChildren());

// No comment box is open on the saved pages; the finder tests below add one.
describeSelectorTable('Yelp composer selectors against saved pages', {
  selectors: YELP_COMPOSER_SELECTORS,
  fixtures: ['ownerReviews', 'bizReviews'],
  load: loadYelpFixture,
  expected: {
    textarea: { ownerReviews: 0, bizReviews: 0 },
    dialog: { ownerReviews: 0, bizReviews: 0 },
  },
});

describe('findYelpReplyComposer', () => {
  it('finds nothing while no comment box is open', () => {
    const [card] = mount();
    expect(card).toBeDefined();
    expect(findYelpReplyComposer(document, card!)).toBeNull();
  });

  it("finds the box opened in the review's own card, not another card's", () => {
    const cards = mount();
    expect(cards.length).toBeGreaterThan(1);
    const first = textarea(cards[0]!, 'first');
    const second = textarea(cards[1]!, 'second');
    expect(findYelpReplyComposer(document, cards[0]!)).toBe(first);
    expect(findYelpReplyComposer(document, cards[1]!)).toBe(second);
  });

  it('finds the box in a dialog opened over the page', () => {
    const [card] = mount();
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    const area = textarea(dialog, 'dialog');
    expect(findYelpReplyComposer(document, card!)).toBe(area);
  });
});
