/**
 * What the sidebar needs to know about, and do to, the page around it: make room for a docked
 * panel, start below a fixed top bar, match a dark theme, and show a post.
 */

/**
 * Narrow the page by `widthPx` at its right edge, so a docked panel covers none of it. Set
 * through the CSSOM (a page's CSP may refuse a <style> element, never this); returns the undo,
 * which puts back what the page had.
 */
export function reservePageRoom(doc: Document, widthPx: number): () => void {
  const { style } = doc.documentElement;
  const before = { value: style.getPropertyValue('margin-right'), priority: style.getPropertyPriority('margin-right') };
  style.setProperty('margin-right', `${widthPx}px`, 'important');
  return () => {
    if (before.value) style.setProperty('margin-right', before.value, before.priority);
    else style.removeProperty('margin-right');
  };
}

/**
 * Where a docked panel starts: below a fixed bar across the top of the page (Facebook's
 * banner, which ignores the room made for us and would keep its menus under the panel), else 0.
 */
export function dockTopOf(doc: Document, ownHost: Element | null): number {
  const win = doc.defaultView;
  if (!win || typeof doc.elementsFromPoint !== 'function') return 0;
  for (const element of doc.elementsFromPoint(win.innerWidth - 8, 4)) {
    if (element === ownHost || ownHost?.contains(element)) continue;
    for (let node: Element | null = element; node && node !== doc.body; node = node.parentElement) {
      const position = win.getComputedStyle(node).position;
      if (position !== 'fixed' && position !== 'sticky') continue;
      const rect = node.getBoundingClientRect();
      // A bar, not a page-sized overlay: short and across most of the width.
      if (rect.top <= 1 && rect.height < 160 && rect.width > win.innerWidth / 2) return Math.round(rect.bottom);
    }
  }
  return 0;
}

/** "dark" when the page paints a dark background (X's Dim and Lights out, a site's dark mode). */
export function pageTheme(doc: Document): 'dark' | 'light' {
  const win = doc.defaultView;
  if (!win) return 'light';
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const rgb = parseRgb(win.getComputedStyle(element).backgroundColor);
    if (rgb && rgb.alpha > 0.5) return luminance(rgb) < 0.35 ? 'dark' : 'light';
  }
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function parseRgb(color: string): { r: number; g: number; b: number; alpha: number } | undefined {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!match) return undefined;
  const alphaText = match[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : parseFloat(alphaText);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), alpha };
}

/** Relative luminance, 0 (black) to 1 (white). */
function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

const HIGHLIGHT_MS = 2_000;

/**
 * Scroll a post into view and outline it for a moment, so the user sees which one a sidebar row
 * is about. The outline is the page element's own inline style, restored afterwards.
 */
export function showPost(element: Element, delay: (run: () => void, ms: number) => void): void {
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (!(element instanceof (element.ownerDocument.defaultView?.HTMLElement ?? HTMLElement))) return;
  const { style } = element;
  const before = { outline: style.getPropertyValue('outline'), offset: style.getPropertyValue('outline-offset') };
  style.setProperty('outline', '3px solid #1d9bf0', 'important');
  style.setProperty('outline-offset', '2px', 'important');
  delay(() => {
    restore(style, 'outline', before.outline);
    restore(style, 'outline-offset', before.offset);
  }, HIGHLIGHT_MS);
}

function restore(style: CSSStyleDeclaration, property: string, value: string): void {
  if (value) style.setProperty(property, value);
  else style.removeProperty(property);
}
