import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatEventTime,
  formatNumber,
  formatPercent,
  formatRelative,
  uiLocale,
} from './format';
import { t } from './t';
import { installLocaleMessages } from './testing';

const MIN = 60_000;
const AT = Date.UTC(2026, 10, 20, 9, 15, 2);

describe('UI formats in English', () => {
  it('takes the locale from browser.i18n', () => {
    expect(uiLocale()).toBe('en-US');
  });

  it('formats numbers, percentages, dates and durations', () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatDate(AT, undefined, 'UTC')).toBe('Nov 20, 2026');
    expect(formatDateTime(AT, undefined, 'UTC')).toBe('Nov 20, 2026, 9:15 AM');
    expect(formatEventTime(AT, undefined, 'UTC')).toBe('Nov 20, 09:15:02 AM');
    expect([0, 42 * MIN, 60 * MIN, 185 * MIN, 48 * 60 * MIN, 52 * 60 * MIN, -12 * MIN].map((ms) => formatDuration(ms))).toEqual([
      'under 1 min',
      '42 min',
      '1 h',
      '3 h 5 min',
      '2 d',
      '2 d 4 h',
      '12 min',
    ]);
    expect(formatRelative(AT - 5 * MIN, AT)).toBe('5 minutes ago');
    expect(formatRelative(AT - 26 * 60 * MIN, AT)).toBe('yesterday');
  });

  it('picks the plural form by count', () => {
    expect(t('popup.openCases', 1)).toBe('open case');
    expect(t('popup.openCases', 3)).toBe('open cases');
  });
});

describe('UI formats in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('follows the browser language', () => {
    expect(uiLocale()).toBe('es');
    expect(t('status.waiting_on_customer')).toBe('Esperando al cliente');
  });

  it('formats numbers, dates and durations the Spanish way', () => {
    expect(formatNumber(12345)).toBe('12.345');
    expect(formatPercent(0.25)).toBe('25\u00a0%');
    expect(formatDate(AT, undefined, 'UTC')).toBe('20 nov 2026');
    expect(formatDateTime(AT, undefined, 'UTC')).toBe('20 nov 2026, 9:15');
    expect(formatEventTime(AT, undefined, 'UTC')).toBe('20 nov, 09:15:02');
    expect([0, 185 * MIN, 52 * 60 * MIN].map((ms) => formatDuration(ms))).toEqual(['menos de 1 min', '3 h 5 min', '2 d 4 h']);
    expect(formatRelative(AT - 5 * MIN, AT)).toBe('hace 5 minutos');
    expect(formatRelative(AT - 26 * 60 * MIN, AT)).toBe('ayer');
  });

  it('picks the Spanish plural form', () => {
    expect(t('popup.openCases', 1)).toBe('caso abierto');
    expect(t('spiral.summary', 6, { count: '6', span: '40 min', label: 'maleta perdida' })).toBe(
      '6 quejas similares en 40 min — maleta perdida',
    );
  });
});
