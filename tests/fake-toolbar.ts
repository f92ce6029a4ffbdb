// A toolbar button of its own for every unit test. fake-browser keeps one badge in module state for the whole
// file, and a worker started by an earlier test can still be finishing a pass that writes it; the background
// resolves its badge once at start (lib/background/index.ts), so each test's workers write only this one.
import type { fakeBrowser } from 'wxt/testing/fake-browser';

const DEFAULT_COLOR = [0, 0, 0, 255];

/** '#RRGGBB' (what the badge sets) as the [r, g, b, a] a browser answers. */
function rgba(color: string): number[] {
  const hex = color.replace('#', '');
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)).concat(hex.length === 8 ? parseInt(hex.slice(6), 16) : 255);
}

export function fakeToolbar(): typeof fakeBrowser.action {
  let text = '';
  let color = DEFAULT_COLOR;
  let title = '';
  const toolbar = {
    setBadgeText: (details: { text?: string | null }) => Promise.resolve(void (text = details.text ?? '')),
    getBadgeText: () => Promise.resolve(text),
    setBadgeBackgroundColor: (details: { color: string }) => Promise.resolve(void (color = rgba(details.color))),
    getBadgeBackgroundColor: () => Promise.resolve([...color]),
    setTitle: (details: { title: string }) => Promise.resolve(void (title = details.title)),
    getTitle: () => Promise.resolve(title),
  };
  return toolbar as unknown as typeof fakeBrowser.action;
}
