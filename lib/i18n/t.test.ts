import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '@wxt-dev/i18n';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { uiLocale } from './format';
import { t } from './t';
import { messageGetter } from './testing';

const i18n = fakeBrowser.i18n as unknown as {
  getMessage: (name: string, substitutions?: string | string[]) => string;
  getUILanguage: () => string;
};
const english = { getMessage: i18n.getMessage, getUILanguage: i18n.getUILanguage };

/** English messages that count the calls reaching the browser. */
function countingGetter(answer = messageGetter('en')): { calls: string[]; getMessage: typeof i18n.getMessage } {
  const calls: string[] = [];
  return {
    calls,
    getMessage: (name, substitutions) => {
      calls.push(name);
      return answer(name, substitutions);
    },
  };
}

afterEach(() => {
  i18n.getMessage = english.getMessage;
  i18n.getUILanguage = english.getUILanguage;
});

describe('t remembers the messages it built', () => {
  it('asks the browser once per key, whatever the counts and names put in it', () => {
    const counting = countingGetter();
    i18n.getMessage = counting.getMessage;
    expect(t('sidebar.logCase')).toBe('Log case');
    expect(t('sidebar.logCase')).toBe('Log case');
    expect(t('duration.minutes', { minutes: '5' })).toBe('5 min');
    expect(t('duration.minutes', { minutes: '5' })).toBe('5 min');
    expect(t('duration.minutes', { minutes: '6' })).toBe('6 min');
    expect(t('popup.openCases', 1)).toBe('open case');
    expect(t('popup.openCases', 3)).toBe('open cases');
    expect(counting.calls).toEqual(['sidebar_logCase', 'duration_minutes', 'popup_openCases']);
  });

  it('builds plural forms and named placeholders as @wxt-dev/i18n does, in both languages', () => {
    for (const locale of ['en', 'es']) {
      const direct = createI18n().t as (...args: unknown[]) => string;
      i18n.getMessage = messageGetter(locale);
      for (const count of [0, 1, 2, 1_234]) {
        const args = ['reason.views', count, { count: String(count) }] as const;
        expect(t(...args)).toBe(direct(...args));
        expect(t('reason.posted', count, { days: String(count) })).toBe(direct('reason.posted', count, { days: String(count) }));
      }
      expect(t('reason.line', { priority: 'P1', parts: 'x' })).toBe(direct('reason.line', { priority: 'P1', parts: 'x' }));
      expect(t('backlog.mark', { duration: '3 d' })).toContain('3 d');
    }
    expect(t('reason.views', 2, { count: '2' })).not.toBe(t('reason.views', 1, { count: '1' }));
  });

  it("leaves a message with the browser's own $1 substitution to the browser", () => {
    const counting = countingGetter();
    i18n.getMessage = counting.getMessage;
    const direct = createI18n().t as (...args: unknown[]) => string;
    expect(t('badge.openCases', 3)).toBe(direct('badge.openCases', 3));
    expect(t('badge.openCases', 3)).toContain('3');
  });

  it('follows a swapped getMessage (another language) at once', () => {
    expect(t('status.waiting_on_customer')).toBe('Waiting on customer');
    i18n.getMessage = messageGetter('es');
    expect(t('status.waiting_on_customer')).toBe('Esperando al cliente');
  });

  it('does not remember an empty answer (messages not loaded yet)', () => {
    const messages = messageGetter('en');
    let loaded = false;
    i18n.getMessage = (name, substitutions) => (loaded ? messages(name, substitutions) : '');
    expect(t('sidebar.logCase')).toBe('');
    loaded = true;
    expect(t('sidebar.logCase')).toBe('Log case');
  });
});

describe('uiLocale', () => {
  it('asks the browser once per getUILanguage function', () => {
    let calls = 0;
    i18n.getUILanguage = () => {
      calls++;
      return 'es_MX';
    };
    expect([uiLocale(), uiLocale()]).toEqual(['es-MX', 'es-MX']);
    expect(calls).toBe(1);
    i18n.getUILanguage = () => 'en-GB';
    expect(uiLocale()).toBe('en-GB');
  });
});
