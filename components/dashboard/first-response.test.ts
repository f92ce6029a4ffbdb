import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installLocaleMessages } from '../../lib/i18n/testing';
import { makeCase, T0 } from '../../lib/workflow/testing';
import { targetState } from '../../lib/workflow/targets';
import { timeToFirstResponseMs } from '../../lib/workflow/transitions';
import { firstResponseText } from './CaseDetail';

const MIN = 60_000;

function text(overrides: Parameters<typeof makeCase>[1], now: number): string {
  const item = makeCase(1, overrides);
  return firstResponseText(item, targetState(item, now), timeToFirstResponseMs(item));
}

describe('case view: first response line', () => {
  it('says a case resolved or closed without any response was never answered, instead of "none yet"', () => {
    expect(text({ priority: 'P2', status: 'resolved', resolvedAt: T0 + 150 * MIN }, T0 + 200 * MIN)).toBe(
      'none (resolved without a response)',
    );
    expect(text({ status: 'closed', outcome: 'spam', closedAt: T0 + MIN }, T0 + 5 * MIN)).toBe('none (closed as spam without a response)');
  });

  it('counts down or up while the customer waits, and says whether an answer met the target', () => {
    expect(text({ priority: 'P2' }, T0 + 20 * MIN)).toBe('none yet (40 min left of the P2 target)');
    expect(text({ priority: 'P2' }, T0 + 90 * MIN)).toBe('none yet (30 min past the P2 target)');
    expect(text({ priority: 'P1', status: 'responded', firstResponseAt: T0 + 20 * MIN }, T0 + 90 * MIN)).toBe(
      'after 20 min (target missed)',
    );
    expect(text({ priority: 'P1', status: 'responded', firstResponseAt: T0 + 10 * MIN }, T0 + 90 * MIN)).toBe('after 10 min (target met)');
  });
});

describe('case view: first response line in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('words every case in the browser UI language', () => {
    expect(text({ priority: 'P2' }, T0 + 20 * MIN)).toBe('aún ninguna (quedan 40 min del objetivo de P2)');
    expect(text({ status: 'closed', outcome: 'spam', closedAt: T0 + MIN }, T0 + 5 * MIN)).toBe('ninguna (cerrado como spam sin respuesta)');
    expect(text({ priority: 'P1', status: 'responded', firstResponseAt: T0 + 10 * MIN }, T0 + 90 * MIN)).toBe(
      'tras 10 min (objetivo cumplido)',
    );
  });
});
