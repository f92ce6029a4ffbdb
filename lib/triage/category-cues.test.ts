import { describe, expect, it } from 'vitest';
import { findCategoryCues } from './category-cues';
import { normalizeText } from './text';

const ids = (text: string) => findCategoryCues(normalizeText(text)).map((cue) => cue.id);

describe('category cues', () => {
  it('names the lexicon each word belongs to, one cue per hit', () => {
    expect(ids('I was charged for a refund that never came')).toEqual(expect.arrayContaining(['kw:billing_refund']));
    expect(ids('no power and no internet on our street')).toContain('kwneg:outage');
    expect(ids('the wifi keeps dropping')).toContain('kw:outage');
    expect(ids('my password reset does nothing')).toContain('kw:account_login');
  });

  it('counts at most two hits of one lexicon', () => {
    expect(ids('bill bill bill bill bill').filter((id) => id === 'kw:billing_refund')).toHaveLength(2);
  });

  it('marks a keyword right after a negation apart from a plain one', () => {
    expect(ids('my order has not been delivered')).toContain('kwneg:delivery_delay');
    expect(ids('my order has been delivered late')).not.toContain('kwneg:delivery_delay');
  });

  it('adds a cue for each phrase rule that matches, not only the first', () => {
    const cues = ids('the website is down and I was double charged');
    expect(cues).toContain('rule:outage');
    expect(cues).toContain('rule:billing_refund');
  });

  it('finds nothing in text without a category word', () => {
    expect(ids('what are you playing at?')).toEqual([]);
  });
});
