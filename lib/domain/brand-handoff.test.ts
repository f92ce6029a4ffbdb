import { describe, expect, it } from 'vitest';
import { DEFAULT_HANDOFF_CONFIG, HandoffChannelConfigSchema, isHttpsUrl } from './brand-handoff';

describe('HandoffChannelConfigSchema', () => {
  it('defaults to X DMs on and nothing else configured', () => {
    expect(DEFAULT_HANDOFF_CONFIG).toEqual({ x: { dm: true }, facebook: {} });
    expect(HandoffChannelConfigSchema.parse({})).toEqual(DEFAULT_HANDOFF_CONFIG);
  });

  it('accepts a full config and normalizes the page, param and subject prefix', () => {
    const parsed = HandoffChannelConfigSchema.parse({
      x: { dm: false },
      facebook: { messengerPage: ' @acme.support ' },
      email: { address: 'support@acme.com', subjectPrefix: '[Acme]\n\u202ECare' },
      contactForm: { url: 'https://acme.com/help?lang=en#form' },
    });
    expect(parsed).toEqual({
      x: { dm: false },
      facebook: { messengerPage: 'acme.support' },
      email: { address: 'support@acme.com', subjectPrefix: '[Acme] Care' },
      contactForm: { url: 'https://acme.com/help?lang=en#form', param: 'case' },
    });
  });

  it.each([
    'http://acme.com/help',
    'javascript:alert(1)',
    'data:text/html,hi',
    'ftp://acme.com',
    'https://user:pass@acme.com/help',
    'acme.com/help',
    '',
  ])('rejects the non-https contact form URL %s with a clear message', (url) => {
    const result = HandoffChannelConfigSchema.safeParse({ contactForm: { url } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/https/);
  });

  it('rejects bad page names, addresses, params and unknown keys', () => {
    expect(HandoffChannelConfigSchema.safeParse({ facebook: { messengerPage: 'ac' } }).success).toBe(false);
    expect(HandoffChannelConfigSchema.safeParse({ facebook: { messengerPage: 'acme/../evil' } }).success).toBe(false);
    expect(HandoffChannelConfigSchema.safeParse({ email: { address: 'not-an-email' } }).success).toBe(false);
    expect(HandoffChannelConfigSchema.safeParse({ email: { address: 'a@b.com\r\nBcc: x@y.com' } }).success).toBe(false);
    expect(HandoffChannelConfigSchema.safeParse({ contactForm: { url: 'https://acme.com', param: 'a&b=c' } }).success).toBe(false);
    expect(HandoffChannelConfigSchema.safeParse({ instagram: {} }).success).toBe(false);
  });

  it('isHttpsUrl accepts only https with a host', () => {
    expect(isHttpsUrl('https://acme.com')).toBe(true);
    expect(isHttpsUrl('HTTPS://ACME.COM/x')).toBe(true);
    expect(isHttpsUrl('https://')).toBe(false);
    expect(isHttpsUrl('http://acme.com')).toBe(false);
    expect(isHttpsUrl('not a url')).toBe(false);
  });
});
