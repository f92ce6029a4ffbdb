import { describe, expect, it } from 'vitest';
import { contactFormUrl, HandoffError, isYelpUrl, mailtoUrl, messengerUrl, X_DM_MAX_TEXT, xDmComposeUrl, xProfileUrl } from './links';

const HOSTILE = 'Hi "Dana" & co #1? 100% \u202Eok\n👨‍👩‍👧‍👦 🇯🇵 שלום';

describe('xDmComposeUrl', () => {
  it('builds the composer link with the text encoded so it round-trips', () => {
    const url = new URL(xDmComposeUrl('783214', HOSTILE));
    expect(url.origin + url.pathname).toBe('https://x.com/messages/compose');
    expect(url.searchParams.get('recipient_id')).toBe('783214');
    expect(url.searchParams.get('text')).toBe(HOSTILE);
    expect([...url.searchParams.keys()]).toEqual(['recipient_id', 'text']);
  });

  it('rejects non-numeric ids (no parameter injection)', () => {
    expect(() => xDmComposeUrl('123&text=evil', 'hi')).toThrow(HandoffError);
    expect(() => xDmComposeUrl('', 'hi')).toThrow(HandoffError);
  });

  it('clips oversized text to the DM limit without splitting an emoji', () => {
    const text = `${'a'.repeat(X_DM_MAX_TEXT - 1)}😀tail`;
    const sent = new URL(xDmComposeUrl('1', text)).searchParams.get('text') ?? '';
    expect(sent).toBe('a'.repeat(X_DM_MAX_TEXT - 1));
  });
});

describe('xProfileUrl', () => {
  it('links to the profile, with or without "@"', () => {
    expect(xProfileUrl('dana_k')).toBe('https://x.com/dana_k');
    expect(xProfileUrl('@dana_k')).toBe('https://x.com/dana_k');
  });
  it.each(['dana/k', 'a'.repeat(16), '../settings', 'dana?x=1', ''])('rejects "%s"', (handle) => {
    expect(() => xProfileUrl(handle)).toThrow(HandoffError);
  });
});

describe('messengerUrl', () => {
  it('builds m.me links with the case ref as the ref parameter', () => {
    expect(messengerUrl('acme.support')).toBe('https://m.me/acme.support');
    expect(messengerUrl('acme.support', 'CS-7F3K')).toBe('https://m.me/acme.support?ref=CS-7F3K');
    expect(new URL(messengerUrl('acmesupport', 'a&b #c')).searchParams.get('ref')).toBe('a&b #c');
  });
  it('rejects page names that would change the path', () => {
    expect(() => messengerUrl('acme/../x', 'CS-7F3K')).toThrow(HandoffError);
  });
});

describe('mailtoUrl (RFC 6068)', () => {
  it('encodes subject and body with encodeURIComponent and CRLF line breaks', () => {
    const url = mailtoUrl({
      address: 'support@acme.com',
      subject: '[Acme] Case CS-7F3K & more?',
      body: 'Line 1\nLine 2\r\nLine 3\rLine 4 #5 100%',
    });
    expect(url).toBe(
      'mailto:support@acme.com?subject=%5BAcme%5D%20Case%20CS-7F3K%20%26%20more%3F&body=Line%201%0D%0ALine%202%0D%0ALine%203%0D%0ALine%204%20%235%20100%25',
    );
    expect(url).not.toContain('+');
  });

  it('keeps the subject on one line (no header injection) and encodes special address characters', () => {
    const url = mailtoUrl({ address: 'care+x%y@acme.com', subject: 'Case\r\nBcc: evil@x.com', body: '' });
    expect(url.startsWith('mailto:care%2Bx%25y@acme.com?subject=Case%20Bcc%3A%20evil%40x.com&body=')).toBe(true);
    expect(url).not.toMatch(/%0D|%0A/);
  });

  it('round-trips emoji, RTL and quotes', () => {
    const url = mailtoUrl({ address: 'a@b.co', subject: HOSTILE.replace(/\n/g, ' '), body: HOSTILE });
    const query = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    expect(query.get('subject')).toBe(HOSTILE.replace(/\n/g, ' '));
    expect(query.get('body')).toBe(HOSTILE.replace('\n', '\r\n'));
  });

  it.each(['', 'no-at-sign', '@acme.com', 'support@', 'a b@c.com', '<a@b.com>'])('rejects address "%s"', (address) => {
    expect(() => mailtoUrl({ address, subject: 's', body: 'b' })).toThrow(HandoffError);
  });
});

describe('contactFormUrl', () => {
  it('adds the case ref as a query parameter', () => {
    expect(contactFormUrl('https://acme.com/help', 'case', 'CS-7F3K')).toBe('https://acme.com/help?case=CS-7F3K');
  });

  it('preserves existing parameters (even odd encodings) and the fragment', () => {
    expect(contactFormUrl('https://acme.com/help?lang=en&q=a+b%20c&flag#form', 'case', 'CS-7F3K')).toBe(
      'https://acme.com/help?lang=en&q=a+b%20c&flag&case=CS-7F3K#form',
    );
  });

  it('replaces an existing value of the same parameter', () => {
    expect(contactFormUrl('https://acme.com/help?case=OLD&x=1', 'case', 'CS-7F3K')).toBe('https://acme.com/help?x=1&case=CS-7F3K');
  });

  it('encodes hostile values and parameter names', () => {
    const url = new URL(contactFormUrl('https://acme.com/h?x=1', 'ref.id', 'a&b=c#d?e'));
    expect(url.searchParams.get('ref.id')).toBe('a&b=c#d?e');
    expect(url.searchParams.get('x')).toBe('1');
    expect(url.hash).toBe('');
  });

  it.each(['http://acme.com/help', 'javascript:alert(1)//', 'https://u:p@acme.com'])('rejects %s', (base) => {
    expect(() => contactFormUrl(base, 'case', 'CS-7F3K')).toThrow(HandoffError);
  });
});

describe('isYelpUrl', () => {
  it('accepts https yelp.com pages only', () => {
    expect(isYelpUrl('https://www.yelp.com/user_details?userid=abc')).toBe(true);
    expect(isYelpUrl('https://yelp.com/biz/x')).toBe(true);
    expect(isYelpUrl('http://www.yelp.com/user_details?userid=abc')).toBe(false);
    expect(isYelpUrl('https://www.yelp.com.evil.example/x')).toBe(false);
    expect(isYelpUrl('https://notyelp.com/x')).toBe(false);
  });
});
