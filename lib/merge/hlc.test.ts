import { describe, expect, it } from 'vitest';
import { compareStamps, formatStamp, HybridClock, parseStamp, ZERO_STAMP } from './hlc';

describe('HybridClock', () => {
  it('stamps later than everything it issued or saw, even when the wall clock stands still or runs behind', () => {
    let wall = 1_000;
    const clock = new HybridClock('priya', () => wall);
    const first = clock.tick();
    const second = clock.tick();
    expect(compareStamps(second, first)).toBe(1);
    const ahead = formatStamp({ wall: 9_000, counter: 3, agent: 'sam' });
    clock.observe(ahead);
    wall = 2_000;
    const third = clock.tick();
    expect(third > ahead).toBe(true);
    expect(parseStamp(third)).toEqual({ wall: 9_000, counter: 4, agent: 'priya' });
    wall = 10_000;
    expect(parseStamp(clock.tick())).toEqual({ wall: 10_000, counter: 0, agent: 'priya' });
  });

  it('orders stamps by time, then counter, then agent, as plain strings', () => {
    const stamps = [
      formatStamp({ wall: 2, counter: 0, agent: 'a' }),
      formatStamp({ wall: 1, counter: 5, agent: 'z' }),
      formatStamp({ wall: 1, counter: 5, agent: 'b' }),
      ZERO_STAMP,
    ];
    expect([...stamps].sort().map(parseStamp)).toEqual([
      { wall: 0, counter: 0, agent: '0' },
      { wall: 1, counter: 5, agent: 'b' },
      { wall: 1, counter: 5, agent: 'z' },
      { wall: 2, counter: 0, agent: 'a' },
    ]);
  });

  it('refuses a bad agent id or stamp with a clear error', () => {
    expect(() => new HybridClock('has space')).toThrow(/Bad agent id/);
    expect(() => parseStamp('yesterday')).toThrow(/Not a clock stamp/);
  });
});
