import { describe, expect, it } from 'vitest';
import { findReviewProblem } from './review-problems';
import { normalizeText } from './text';

const problem = (text: string) => findReviewProblem(normalizeText(text));

describe('problem reports in a review', () => {
  it.each([
    ['The food was great but the service was painfully slow.', 'service was painfully slow'],
    ['Our waitress forgot about us twice.', 'waitress forgot'],
    ['I sent the soup back, it tasted like enchilada sauce.', 'sent the soup back'],
    ['Both burgers were overcooked.', 'overcooked'],
    ['They screwed up our orders both times.', 'screwed up'],
    ['The hostesses are incredibly rude.', 'hostesses are incredibly rude'],
    ['We waited entirely too long to get menus.', 'waited entirely too long'],
    ['They brought us a dirty glass.', 'dirty glass'],
  ])('finds one in %j', (text, snippet) => {
    expect(problem(text)).toBe(snippet);
  });

  it.each([
    'The food was just OK, nothing special. Service was fine.',
    'Prices are a bit high for the area but the view is lovely.',
    'Great happy hour, friendly staff, I will be back!',
    'Not my kind of pizza, too many toppings, but the crust was good.',
  ])('finds none in %j', (text) => {
    expect(problem(text)).toBeUndefined();
  });
});
