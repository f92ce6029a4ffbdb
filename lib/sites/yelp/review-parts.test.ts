import { describe, expect, it } from 'vitest';
import { ownerCommentBlocks, parseCardDate, readBodyText } from './review-parts';

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
