import { describe, expect, it } from 'vitest';
import { describeCue, findComplaintCues, type ComplaintCueId } from './cues';
import { normalizeText } from './text';

const cueIds = (text: string): ComplaintCueId[] => findComplaintCues(normalizeText(text)).map((cue) => cue.id);

describe('complaint cues', () => {
  it.each<[string, ComplaintCueId]>([
    ["It didn't work", 'negation'],
    ['Still waiting for a callback', 'still_waiting'],
    ['I will never order from them again', 'never_again'],
    ['third time this month #acmefail', 'fail_hashtag'],
    ['worst support I have dealt with', 'strong_negative'],
    ['on hold for 2 hours', 'wait_time'],
    ['3 weeks and counting', 'wait_time'],
    ['thanks for losing my bag', 'sarcasm'],
    ['great job cancelling my order', 'sarcasm'],
    ['Why is my parcel in another city?', 'why_question'],
    ['emailed twice, no response', 'no_response'],
    ['any update on the outage?', 'problem_report'],
    ['when will it be back in stock', 'problem_report'],
    ['my app keeps crashing when I open it', 'problem_report'],
    ['I got charged twice for one order', 'problem_report'],
    ['the milk was expired when it arrived', 'defect'],
    ['the strap came off after two days', 'defect'],
    ['they refused to honour the warranty', 'defect'],
    ["I can't say enough good things about this place", 'praise_idiom'],
    ['Never disappoints, five stars', 'praise_idiom'],
  ])('finds the cue in %j', (text, id) => {
    expect(cueIds(text)).toContain(id);
  });

  it.each([
    'Thanks for the quick help, you are great',
    'thanks for not charging me for the change', // negated: gratitude, not sarcasm
    'Fixed in 5 minutes, brilliant team', // "in 5 minutes" is speed, not a wait
  ])('finds no sarcasm or wait in %j', (text) => {
    const ids = cueIds(text);
    expect(ids).not.toContain('sarcasm');
    expect(ids).not.toContain('wait_time');
  });

  it('describes cues with the words that matched', () => {
    const [cue] = findComplaintCues(normalizeText('Been on hold for TWO HOURS'));
    expect(cue && describeCue(cue)).toBe('wait time: "two hours"');
  });

  it('handles adversarial 10k-character input (a backtracking blow-up would hit the test timeout)', () => {
    const hostile = `why ${'great '.repeat(1500)}`.slice(0, 10_000);
    expect(cueIds(hostile)).toEqual([]);
    expect(cueIds(`${'no '.repeat(3000)}response`)).toContain('no_response');
  });
});
