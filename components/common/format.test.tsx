import { describe, expect, it } from 'vitest';
import { formatWaited, snippet } from './format';

const MINUTE = 60_000;

describe('formatWaited', () => {
  it('says how long in minutes, hours and days', () => {
    expect(formatWaited(30_000)).toBe('under 1 min');
    expect(formatWaited(-5 * MINUTE)).toBe('under 1 min');
    expect(formatWaited(42 * MINUTE + 59_000)).toBe('42 min');
    expect(formatWaited(192 * MINUTE)).toBe('3 h 12 min');
    expect(formatWaited(120 * MINUTE)).toBe('2 h');
    expect(formatWaited((2 * 24 + 5) * 60 * MINUTE + 30 * MINUTE)).toBe('2 d 5 h');
    expect(formatWaited(3 * 24 * 60 * MINUTE)).toBe('3 d');
  });
});

describe('snippet', () => {
  it('collapses whitespace and cuts long text with an ellipsis', () => {
    expect(snippet('  Flight   delayed\n\nagain  ')).toBe('Flight delayed again');
    const cut = snippet('word '.repeat(100), 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut.endsWith('…')).toBe(true);
  });
});
