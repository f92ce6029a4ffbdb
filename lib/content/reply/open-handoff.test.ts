import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../../i18n/testing';
import { openHandoffUrl } from './open-handoff';

function fakeWindow() {
  const open = vi.fn(() => null);
  return { win: { open } as unknown as Window, open };
}

describe('openHandoffUrl', () => {
  it.each([
    'https://x.com/messages/compose?recipient_id=783214&text=Hi%20%F0%9F%91%8B',
    'mailto:support@acme.example?subject=Case%20CS-7F3K&body=Hello%0D%0A',
    'https://m.me/acme.support?ref=CS-7F3K',
  ])('opens %s in a new tab without an opener, unchanged', (url) => {
    const { win, open } = fakeWindow();
    expect(openHandoffUrl(url, win)).toEqual({ ok: true });
    expect(open).toHaveBeenCalledWith(url, '_blank', 'noopener');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://acme.example/contact?case=CS-7F3K',
    'chrome://settings',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    const { win, open } = fakeWindow();
    expect(openHandoffUrl(url, win)).toMatchObject({ ok: false });
    expect(open).not.toHaveBeenCalled();
  });

  it('reports a browser that throws on open', () => {
    const win = {
      open: () => {
        throw new Error('blocked');
      },
    } as unknown as Window;
    expect(openHandoffUrl('https://acme.example/contact', win)).toEqual({
      ok: false,
      reason: 'The browser refused to open the link: blocked',
    });
  });

  it('words every refusal in Spanish for a Spanish reader (the case panel shows it as it is)', () => {
    installLocaleMessages(fakeBrowser.i18n, 'es', 'es');
    const throwing = {
      open: () => {
        throw new Error('blocked');
      },
    } as unknown as Window;
    const reasons = [
      openHandoffUrl('not a url', fakeWindow().win),
      openHandoffUrl('javascript:alert(1)', fakeWindow().win),
      openHandoffUrl('https://acme.example', throwing),
    ].map((result) => (result.ok ? 'opened' : result.reason));
    expect(reasons).toEqual([
      'El enlace de derivación no es una URL válida.',
      'CareSide solo abre enlaces https y mailto, no javascript:',
      'El navegador no quiso abrir el enlace: blocked',
    ]);
    expect(englishLeaks(reasons.join('\n'))).toEqual([]);
  });
});
