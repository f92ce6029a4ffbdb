import { describe, expect, it } from 'vitest';
import { searchWordVariants } from './teammate-search';

const PRIYA = { id: 'agent-7f3k9m2pqx', name: 'Priya Shah' };
const PRIYANKA = { id: 'agent-a1b2c3d4e5', name: 'Priyanka Rao' };

describe('searchWordVariants', () => {
  it('keeps the words as typed first and adds the id words of each teammate a word names', () => {
    expect(searchWordVariants(['refund', 'priya'], [PRIYA, PRIYANKA])).toEqual([
      ['refund', 'priya'],
      ['refund', 'agent', '7f3k9m2pqx'],
      ['refund', 'agent', 'a1b2c3d4e5'],
    ]);
    expect(searchWordVariants(['shah'], [PRIYA, PRIYANKA])).toEqual([['shah'], ['agent', '7f3k9m2pqx']]);
  });

  it('adds nothing for words that name nobody, or teammates whose id is their name', () => {
    expect(searchWordVariants(['refund'], [PRIYA])).toEqual([['refund']]);
    expect(searchWordVariants(['priya'], [{ id: 'priya', name: 'Priya Shah' }])).toEqual([['priya']]);
  });

  it('falls back to the words as typed when names would make too many combinations', () => {
    const team = Array.from({ length: 5 }, (_, i) => ({ id: `agent-x${i}`, name: `Pat ${i}` }));
    expect(searchWordVariants(['pat', 'pa'], team)).toEqual([['pat', 'pa']]);
  });
});
