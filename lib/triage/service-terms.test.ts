import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG } from './features';
import { brandMatcherFor, prepareText } from './prepare';
import { complaintFeatureCues, findServiceTerm } from './service-terms';

const ids = (text: string, contextCues: 'none' | 'flag' | 'conjunctions') =>
  complaintFeatureCues(prepareText(text, brandMatcherFor(['Acme'])), { ...DEFAULT_FEATURE_CONFIG, contextCues }).map((cue) => cue.id);

describe('product or service in view', () => {
  it.each([
    ['my order never arrived', 'order'],
    ['the app logs me out every hour', 'app'],
    ['two hours with customer service today', 'customer service'],
    ['our flight was moved again', 'flight'],
    ['I was charged for a return I never made', 'charged'],
    ['the wifi on the train is down', 'wifi'],
    ["DM'd you my order number", 'dmd'],
  ])('finds a term in %j', (text, term) => {
    expect(findServiceTerm(prepareText(text, brandMatcherFor([])).tokens)).toBe(term);
  });

  it.each([
    'The Browns are the worst, every single week',
    "I don't know, it seems a lil wild over on your end",
    'All this politics is giving me anxiety',
    // The brand's name alone is not a product or service: every post CareSide triages names it.
    'Acme Pizza, you are the worst',
  ])('finds none in general venting: %j', (text) => {
    expect(findServiceTerm(prepareText(text, brandMatcherFor(['Acme Pizza'])).tokens)).toBeUndefined();
  });

  it('matches whole tokens only', () => {
    expect(findServiceTerm(['a', 'disorder', 'of', 'the', 'mind'])).toBeUndefined();
    expect(findServiceTerm(['my', 'wi', 'fi', 'is', 'out'])).toBe('wi fi');
  });
});

describe('complaint feature cues', () => {
  it('are the complaint cues alone for a model trained without context', () => {
    const prepared = prepareText('worst app ever', brandMatcherFor([]));
    expect(complaintFeatureCues(prepared, DEFAULT_FEATURE_CONFIG)).toBe(prepared.cues);
    expect(ids('worst app ever', 'none')).toEqual(['strong_negative']);
  });

  it('add the context flag', () => {
    expect(ids('worst app ever', 'flag')).toEqual(['strong_negative', 'ctx:service']);
    expect(ids('worst week ever', 'flag')).toEqual(['strong_negative', 'ctx:no_service']);
  });

  it('tag every complaint cue with the context for conjunctions', () => {
    expect(ids("the refs are the worst, can't watch", 'conjunctions')).toEqual([
      'negation',
      'strong_negative',
      'ctx:no_service',
      'negation|no_service',
      'strong_negative|no_service',
    ]);
    expect(ids('Acme, worst delivery ever', 'conjunctions')).toEqual(['strong_negative', 'ctx:service', 'strong_negative|service']);
  });
});
