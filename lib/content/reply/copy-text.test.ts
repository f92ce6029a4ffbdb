import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './copy-text';

function windowWith(clipboard: { writeText: (text: string) => Promise<void> } | undefined): Window {
  return { navigator: { clipboard }, document } as unknown as Window;
}

afterEach(() => {
  delete (document as { execCommand?: unknown }).execCommand;
  document.body.replaceChildren();
});

describe('copyText', () => {
  it('uses the async Clipboard API', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    expect(await copyText('Hi 👋 مرحبا', windowWith({ writeText }))).toBe(true);
    expect(writeText).toHaveBeenCalledWith('Hi 👋 مرحبا');
  });

  it("falls back to a temporary textarea and execCommand('copy') when the Clipboard API refuses", async () => {
    const copied: string[] = [];
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string) => {
        const active = document.activeElement as HTMLTextAreaElement | null;
        if (command === 'copy' && active?.tagName === 'TEXTAREA')
          copied.push(active.value.slice(active.selectionStart, active.selectionEnd));
        return command === 'copy';
      },
    });
    const container = document.createElement('div');
    document.body.append(container);
    const writeText = () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'));

    expect(await copyText('<b>not markup</b>', windowWith({ writeText }), container)).toBe(true);
    expect(copied).toEqual(['<b>not markup</b>']);
    expect(container.childElementCount).toBe(0);
  });

  it('returns false when neither way works', async () => {
    expect(await copyText('x', windowWith(undefined))).toBe(false);
  });
});
