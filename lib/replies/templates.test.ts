import { describe, expect, it } from 'vitest';
import {
  canRender,
  renderTemplate,
  ReplyTemplateListSchema,
  ReplyTemplateSchema,
  TemplateError,
  templateVariables,
  type TemplateValues,
} from './templates';

const values: TemplateValues = {
  firstName: 'Dana',
  brand: 'Acme',
  signature: '^Dana',
  caseRef: 'CS-7F3K',
  handoffLink: 'https://m.me/acme?ref=CS-7F3K',
  channel: 'Messenger',
};

const template = {
  id: 'billing_refund.x.warm.invite',
  category: 'billing_refund',
  platform: 'x',
  tone: 'warm',
  kind: 'public',
  body: 'Hi {firstName}, case {caseRef}. {signature}',
};

describe('ReplyTemplateSchema', () => {
  it('accepts a well-formed template', () => {
    expect(ReplyTemplateSchema.parse(template)).toEqual(template);
    expect(ReplyTemplateSchema.parse({ ...template, category: 'any', platform: 'any' }).category).toBe('any');
  });

  it('rejects unknown variables with a message that names them and lists the known ones', () => {
    const result = ReplyTemplateSchema.safeParse({ ...template, body: 'Hi {firstname} {orderNo}' });
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? '';
    expect(message).toContain('{firstname}, {orderNo}');
    expect(message).toContain('{firstName}');
  });

  it('rejects empty bodies, unknown categories/platforms/tones, bad ids and extra fields', () => {
    expect(ReplyTemplateSchema.safeParse({ ...template, body: '  \n' }).success).toBe(false);
    expect(ReplyTemplateSchema.safeParse({ ...template, category: 'refunds' }).success).toBe(false);
    expect(ReplyTemplateSchema.safeParse({ ...template, platform: 'instagram' }).success).toBe(false);
    expect(ReplyTemplateSchema.safeParse({ ...template, tone: 'angry' }).success).toBe(false);
    expect(ReplyTemplateSchema.safeParse({ ...template, id: 'Has Spaces' }).success).toBe(false);
    expect(ReplyTemplateSchema.safeParse({ ...template, extra: true }).success).toBe(false);
    expect(ReplyTemplateSchema.safeParse({ ...template, body: 'x'.repeat(8001) }).success).toBe(false);
  });

  it('rejects duplicate ids in a list', () => {
    expect(ReplyTemplateListSchema.safeParse([template, template]).success).toBe(false);
    expect(ReplyTemplateListSchema.safeParse([template, { ...template, id: 'other' }]).success).toBe(true);
  });
});

describe('renderTemplate', () => {
  it('fills every variable, including repeats', () => {
    expect(renderTemplate('{firstName}: {brand} {caseRef} via {channel} {handoffLink} {caseRef} {signature}', values)).toBe(
      'Dana: Acme CS-7F3K via Messenger https://m.me/acme?ref=CS-7F3K CS-7F3K ^Dana',
    );
  });

  it('refuses unknown variables with a clear TemplateError', () => {
    expect(() => renderTemplate('Hi {firstname}', values)).toThrow(TemplateError);
    try {
      renderTemplate('Hi {firstname} {x}', values);
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).code).toBe('unknown_variable');
      expect((error as TemplateError).variables).toEqual(['firstname', 'x']);
      expect((error as TemplateError).message).toMatch(/Unknown template variables \{firstname\}, \{x\}/);
    }
  });

  it('refuses variables without a value', () => {
    const { handoffLink: _omitted, ...withoutLink } = values;
    expect(() => renderTemplate('at {handoffLink}', withoutLink)).toThrow(/No value for template variable \{handoffLink\}/);
    expect(canRender('at {handoffLink}', withoutLink)).toBe(false);
    expect(canRender('at {caseRef}', withoutLink)).toBe(true);
  });

  it('leaves braces that are not variables alone', () => {
    expect(renderTemplate('{ not a var } {} {1x} {caseRef}', values)).toBe('{ not a var } {} {1x} CS-7F3K');
    expect(templateVariables('{a} {b} {a}')).toEqual(['a', 'b']);
  });

  it('is single-pass: a value containing "{caseRef}" is not expanded', () => {
    const out = renderTemplate('Hi {firstName}, ref {caseRef}', { ...values, firstName: '{caseRef}' });
    expect(out).toBe('Hi caseRef, ref CS-7F3K');
    const brandOut = renderTemplate('{brand}', { ...values, brand: 'Acme {signature}' });
    expect(brandOut).toBe('Acme {signature}');
  });

  it('escapes nothing but strips control and bidi characters from names', () => {
    const hostile = 'Dana\u202E\u2066 "<b>&amp;</b>"\n\nDROP #? ';
    const out = renderTemplate('Hi {firstName}!', { ...values, firstName: hostile });
    expect(out).toBe('Hi Dana "<b>&amp;</b>" DROP #?!');
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069\n]/);
  });

  it('falls back to "there" when a name is only invisible characters', () => {
    expect(renderTemplate('Hi {firstName},', { ...values, firstName: '\u202E\u200B\n' })).toBe('Hi there,');
  });

  it('keeps emoji and RTL names intact and caps oversized names', () => {
    expect(renderTemplate('{firstName}', { ...values, firstName: 'דנה 👩🏽‍💻' })).toBe('דנה 👩🏽‍💻');
    expect(renderTemplate('{firstName}', { ...values, firstName: 'n'.repeat(10_000) })).toHaveLength(40);
  });
});
