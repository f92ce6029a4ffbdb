import { describe, expect, it } from 'vitest';
import { isHeldOutOrdinary, isOrdinary, loadComplaintTweets } from './corpora';
import { loadHeldOutOrdinaryAudit, loadOrdinaryAudit } from './ordinary-audit';

const HEADER = 'row,label,reason\n';
const tweets = loadComplaintTweets();
const poolOrdinary = tweets.find((t) => isOrdinary(t) && !isHeldOutOrdinary(t));
const heldOut = tweets.find(isHeldOutOrdinary);
const industry = tweets.find((t) => !isOrdinary(t));

describe('loadOrdinaryAudit', () => {
  it('reads the committed audit: training-pool ordinary tweets, each relabelled once', () => {
    const audit = loadOrdinaryAudit();
    expect(audit.size).toBeGreaterThan(0);
    for (const [row, label] of audit) {
      const tweet = tweets[row - 1];
      expect(tweet && isOrdinary(tweet) && !isHeldOutOrdinary(tweet)).toBe(true);
      expect(label === 0 || label === 1).toBe(true);
    }
    // A plain complaint to a business among the ordinary tweets: the reason the audit exists.
    expect(tweets[1124 - 1]?.text).toMatch(/^@USPSHelp My package is stuck/);
    expect(audit.get(1124)).toBe(1);
  });

  it('reads a row and its label', () => {
    expect([...loadOrdinaryAudit(`${HEADER}${poolOrdinary?.row},1,"a complaint"\n`)]).toEqual([[poolOrdinary?.row, 1]]);
  });

  it('refuses a held-out row, a non-ordinary row, a bad label, a repeat and a wrong header, naming the line', () => {
    expect(() => loadOrdinaryAudit(`${HEADER}${heldOut?.row},1,x\n`)).toThrow(/ordinary-audit.csv line 2: row \d+ is held out/);
    expect(() => loadOrdinaryAudit(`${HEADER}${industry?.row},1,x\n`)).toThrow(/line 2: row \d+ is not an ordinary tweet/);
    expect(() => loadOrdinaryAudit(`${HEADER}99999,1,x\n`)).toThrow(/line 2: row 99999 is not an ordinary tweet/);
    expect(() => loadOrdinaryAudit(`${HEADER}${poolOrdinary?.row},yes,x\n`)).toThrow(/line 2: label must be 0 or 1/);
    expect(() => loadOrdinaryAudit(`${HEADER}${poolOrdinary?.row},1,x\n${poolOrdinary?.row},0,y\n`)).toThrow(
      /line 3: row \d+ listed twice/,
    );
    expect(() => loadOrdinaryAudit('row,label\n1,1\n')).toThrow(/unexpected header/);
  });
});

describe('loadHeldOutOrdinaryAudit', () => {
  it('reads the committed held-out audit and refuses a training row', () => {
    const audit = loadHeldOutOrdinaryAudit();
    expect(audit.size).toBeGreaterThan(0);
    for (const row of audit.keys()) expect(isHeldOutOrdinary(tweets[row - 1] as (typeof tweets)[number])).toBe(true);
    expect(() => loadHeldOutOrdinaryAudit(`${HEADER}${poolOrdinary?.row},1,x\n`)).toThrow(
      /ordinary-heldout-audit.csv line 2: row \d+ is a training row/,
    );
  });
});
