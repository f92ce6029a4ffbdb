import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../domain/triage';
import { categorizeComplaint, categoryByRule, categoryModel, NEGATIVE_REASON_CATEGORY } from './category';
import { categoryByKeywords } from './category-keywords';
import { normalizeText } from './text';

const acme = { brandTerms: ['Acme', '@AcmeHelp'] };

describe('category rules', () => {
  it.each<[string, CategoryId]>([
    ['Acme charged me twice this month', 'billing_refund'],
    ['you charged me $75 twice for the same seat upgrade', 'billing_refund'],
    ['charged £12.50 again after I cancelled', 'billing_refund'],
    ['Still waiting on my refund', 'billing_refund'],
    ["can't log in, password reset never arrives", 'account_login'],
    ['my account was hacked', 'account_login'],
    ['is the site down? app not loading', 'outage'],
    ['you lost my luggage', 'lost_damaged'],
    ['the vase arrived broken', 'lost_damaged'],
    ['they cancelled my order with no email', 'cancellation'],
    ['where is my order??', 'delivery_delay'],
    ['my package has still not arrived after ten days', 'delivery_delay'],
    ['the app keeps crashing on login screen', 'account_login'], // first matching rule wins: login beats defect
    ['the phone stopped working after a week', 'product_defect'],
    ['the app keeps crashing since the last update', 'app_bug'],
    ['your website is broken, checkout just spins', 'app_bug'],
    ['error code 4002 every time I press play', 'app_bug'],
  ])('%j → %s', (text, category) => {
    const result = categoryByRule(normalizeText(text));
    expect(result?.category).toBe(category);
    expect(result?.source).toBe('rule');
    expect(result?.evidence).toBeTruthy();
  });

  it('leaves text without a rule phrase to the model', () => {
    expect(categoryByRule(normalizeText('the crew was rude to my mother'))).toBeUndefined();
  });
});

describe('category keywords (any industry)', () => {
  it.each<[string, CategoryId]>([
    ['no power on our street since 6am', 'outage'],
    ['network at my area is pathetic, 4g works worse than 2g', 'outage'],
    ['my bill is wrong again, extra fees on it', 'billing_refund'],
    ['ordered a pizza last night, still waiting', 'delivery_delay'],
    ['chicken was all pink and the fries were cold', 'product_defect'],
    ['hold time for customer service is 40 minutes', 'staff_service'],
    ['my subscription account keeps logging me out', 'account_login'],
    ['the report button gives an error and the page layout is a mess', 'app_bug'],
  ])('%j → %s', (text, category) => {
    expect(categoryByKeywords(normalizeText(text))?.category).toBe(category);
    expect(categorizeComplaint(text, acme).category).toBe(category);
  });

  it('votes booking for a booked visit that never happened (the full categoriser weighs it; MODEL_CARD.md)', () => {
    const text = 'the engineer was booked for Tuesday 8 to 12, never showed up and nobody called';
    expect(categoryByKeywords(normalizeText(text))?.category).toBe('booking');
  });

  it('leaves text without a category word alone', () => {
    expect(categoryByKeywords(normalizeText('what are you playing at?'))).toBeUndefined();
  });
});

describe('category model', () => {
  it('covers every CareSide category, the airline reasons included', () => {
    expect(categoryModel().classes).toEqual([...CATEGORY_IDS]);
    for (const category of Object.values(NEGATIVE_REASON_CATEGORY)) expect(categoryModel().classes).toContain(category);
  });

  it.each<[string, CategoryId]>([
    ['the crew was rude to my mother and the agent ignored us', 'staff_service'],
    ['sitting on the runway, 3 hour delay and no updates', 'delivery_delay'],
    ['they canceled the 6pm and rebooked me for tomorrow night', 'cancellation'],
    ['seat would not recline and the tv screen was broken the whole trip', 'product_defect'],
  ])('%j → %s', (text, category) => {
    const result = categorizeComplaint(text, acme);
    expect(result.source).toBe('model');
    expect(result.category).toBe(category);
    expect(result.confidence).toBeGreaterThan(1 / CATEGORY_IDS.length);
  });

  it('labels every category', () => {
    for (const id of CATEGORY_IDS) expect(CATEGORY_LABELS[id]).toMatch(/^[A-Z]/);
  });
});

describe('Spanish complaints', () => {
  it('get their category from the Spanish phrase rules', () => {
    const cases: [string, string][] = [
      ['Hice un pedido hace tres semanas y todavía no ha llegado', 'delivery_delay'],
      ['Me cancelaron el vuelo de Madrid sin avisar. Sigo esperando el reembolso.', 'cancellation'],
      ['Me han cobrado dos veces la misma chaqueta', 'billing_refund'],
      ['Perdieron mi maleta en el vuelo de Bogotá', 'lost_damaged'],
      ['No puedo entrar en la app desde ayer', 'account_login'],
      ['La web está caída otra vez', 'outage'],
    ];
    for (const [text, category] of cases) expect(categorizeComplaint(text).category, text).toBe(category);
  });
});
