import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installLocaleMessages } from '../i18n/testing';
import { triagePost } from './index';
import { reasonLine } from './reason-line';
import type { PriorityResult } from '../domain/triage';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const yearOld = {
  kind: 'post' as const,
  text: 'Still waiting on my refund, no response for 3 weeks. Absolutely unacceptable.',
  postedAt: '2025-11-20T12:00:00Z',
  reach: { views: 5_400 },
};

function triaged(extra: { answeredBy?: string; sponsored?: true; views?: number } = {}): PriorityResult {
  const { views, ...rest } = extra;
  return triagePost({ ...yearOld, ...rest, reach: { views: views ?? yearOld.reach.views } }, { now: NOW }).priority;
}

describe('reasonLine in English', () => {
  it('words the parts triage found, counts via Intl', () => {
    const result = triaged();
    expect(result.reason).toMatchObject({ verdict: 'complaint', reach: { count: 5_400, signal: 'views' }, ageDays: 381 });
    expect(reasonLine(result)).toBe(
      `${result.priority}: complaint, 5.4K views, "still waiting on my refund, no response for 3 weeks", posted 381 d ago`,
    );
  });

  it('says who answered and what an ad is, and singular counts', () => {
    expect(reasonLine(triaged({ answeredBy: '@AcmeHelp', views: 1 }))).toMatch(/, 1 view, .*answered by @AcmeHelp$/);
    expect(reasonLine(triaged({ sponsored: true }))).toBe('P4: sponsored post (an ad), not a complaint');
  });

  it('shows a stored English line as it is when the result has no parts', () => {
    expect(reasonLine({ priority: 'P2', explanation: 'P2: complaint, 25k views' })).toBe('P2: complaint, 25k views');
  });
});

describe('reasonLine in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  // Intl puts a no-break space between a number and "mil".
  it('words every part in Spanish with Spanish numbers', () => {
    const result = triaged();
    expect(reasonLine(result)).toBe(
      `${result.priority}: queja, 5,4\u00a0mil visualizaciones, «still waiting on my refund, no response for 3 weeks», publicado hace 381 d`,
    );
  });

  it('words an answered post, a single view, an ad and an unjudged language', () => {
    expect(reasonLine(triaged({ answeredBy: '@AcmeHelp', views: 1 }))).toMatch(/, 1 visualización, .*respondido por @AcmeHelp$/);
    expect(reasonLine(triaged({ sponsored: true }))).toBe('P4: publicación patrocinada (un anuncio), no es una queja');
    expect(
      reasonLine({
        priority: 'P3',
        explanation: '',
        reason: { verdict: 'not_judged', language: 'ko', reach: { count: 2_000, signal: 'likes' }, rating: 1, fresh: true },
      }),
    ).toBe('P3: ko: queja sin evaluar, ordenada por alcance, 2\u00a0mil me gusta, 1★, reciente');
  });
});
