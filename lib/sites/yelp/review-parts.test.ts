import { describe, expect, it } from 'vitest';
import { ownerCommentBlocks, ownerReplyText, parseCardDate, readBodyText, readOwnerName } from './review-parts';

function element(html: string): Element {
  const doc = new DOMParser().parseFromString(`<ul>${html}</ul>`, 'text/html');
  return doc.querySelector('ul')!.firstElementChild!;
}

describe('parseCardDate', () => {
  it.each([
    ['Nov 2, 2025', '2025-11-02'],
    ['Sep 30, 2025', '2025-09-30'],
    ['11/2/2025', '2025-11-02'],
    ['7/21/25', '2025-07-21'],
  ])('reads %j', (text, expected) => {
    expect(parseCardDate(text)).toBe(expected);
  });

  it.each(['Feb 30, 2025', '13/1/2025', '2 Nov 2025', 'Updated review', '', '68/4/23', '7/13/235'])('rejects %j', (text) => {
    expect(parseCardDate(text)).toBeUndefined();
  });
});

describe('readBodyText', () => {
  it('keeps line breaks and emoji, skips "Read more"', () => {
    const body = element(
      '<li><p><span lang="en">Cold  burger 😡<br><br>Never again <img alt="👎"></span> <button>Read more</button></p></li>',
    );
    expect(readBodyText(body)).toBe('Cold burger 😡\n\nNever again 👎');
  });
});

describe('ownerCommentBlocks', () => {
  it('ignores owner words typed inside the review text', () => {
    const card = element('<li><p><span lang="en">Business Owner</span></p><p>Comment from Me of Here</p></li>');
    expect(ownerCommentBlocks(card)).toEqual([]);
  });
});

describe('ownerCommentBlocks on the owner passport (real www.yelp.com structure)', () => {
  const passport = (name: string) =>
    `<div><div><div data-testid="business-owner-passport"><div role="region" aria-labelledby="o1"><p id="o1">Business owner information</p>` +
    `<div><div><img alt="Photo of ${name}"></div><div><p>${name}</p><p>Business Employee</p></div></div></div></div></div></div>`;
  const reply = (name: string, text: string) =>
    `<div>${passport(name)}<div><div><p>Sep 22, 2025</p></div><p><span>${text}</span></p></div></div>`;
  const review =
    '<div role="region" aria-label="Dana R."></div><div role="img" aria-label="1 star rating"></div><span>Sep 20, 2025</span>' +
    '<div><p><span lang="en">Lost booking</span></p></div>';

  it('finds the reply block without a [lang] body, and stops below the review', () => {
    const card = element(`<li><div>${review}${reply('Maria G.', 'So sorry, Dana.')}</div></li>`);
    const [block, ...more] = ownerCommentBlocks(card);
    expect(more).toEqual([]);
    expect(ownerReplyText(block!)).toBe('So sorry, Dana.');
    expect(readOwnerName(block!)).toBe('Maria G.');
    expect(block!.textContent).not.toContain('Lost booking');
  });

  it('stops below the review body even where the review and the reply share a wrapper without the rating', () => {
    const card = element(
      `<li><div role="region" aria-label="Dana R."></div><div role="img" aria-label="1 star rating"></div>` +
        `<div><p><span lang="en">Lost booking</span></p>${reply('Maria G.', 'So sorry, Dana.')}</div></li>`,
    );
    const [block] = ownerCommentBlocks(card);
    expect(block!.textContent).not.toContain('Lost booking');
    expect(ownerReplyText(block!)).toBe('So sorry, Dana.');
  });

  it('keeps two replies in one card apart', () => {
    const card = element(`<li><div>${review}<div>${reply('Maria G.', 'First.')}${reply('Ken T.', 'Second.')}</div></div></li>`);
    expect(ownerCommentBlocks(card).map((block) => [readOwnerName(block), ownerReplyText(block)])).toEqual([
      ['Maria G.', 'First.'],
      ['Ken T.', 'Second.'],
    ]);
  });

  it('ignores a passport with no reply text', () => {
    const card = element(`<li><div>${review}<div>${passport('Maria G.')}</div></div></li>`);
    expect(ownerCommentBlocks(card)).toEqual([]);
  });
});
