import type { PostKey } from '../domain/post';

/**
 * The per-post "Log case" control: a plain custom-named element with an open shadow root.
 * No framework per post (there can be hundreds) and no customElements.define (content
 * scripts' isolated worlds have no custom element registry in Chrome). Page-derived text only
 * ever goes in through textContent.
 */
export const INLINE_TAG = 'careside-inline';
export const POST_KEY_ATTRIBUTE = 'data-careside-post-key';

export type InlineView = (
  | { kind: 'log' }
  | { kind: 'pending' }
  | { kind: 'case'; ref: string; statusLabel: string }
  | { kind: 'error'; message: string }
) & {
  /** "P1 · Delivery / delay" and the one-line reason (shown on hover). */
  triage?: { label: string; explanation: string };
};

const STYLE = `
:host { all: initial; display: block; margin: 6px 0 2px; font: 13px/1.4 system-ui, sans-serif; }
.row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
button { font: inherit; cursor: pointer; border: 1px solid #1d9bf0; color: #1d9bf0; background: transparent;
  border-radius: 999px; padding: 2px 10px; }
button:disabled { opacity: 0.6; cursor: progress; }
.badge { border-radius: 999px; padding: 2px 10px; background: #e8f5fd; color: #0f5c8c; font-weight: 600; }
.error { color: #b42318; }
.triage { font-weight: 600; color: #536471; }
`;

const views = new WeakMap<Element, string>();
const rows = new WeakMap<Element, Element>();

/**
 * Per-document pieces every control shares: one constructed stylesheet (adopted by each shadow
 * root instead of parsing a <style> per post) and prototype elements cloned per render, which is
 * cheaper than createElement plus attribute writes for hundreds of posts.
 */
interface ControlKit {
  sheet: CSSStyleSheet | undefined;
  triage: Element;
  badge: Element;
  button: HTMLButtonElement;
  error: Element;
}
const kits = new WeakMap<Document, ControlKit>();

function sharedSheet(doc: Document): CSSStyleSheet | undefined {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (!Sheet || !('replaceSync' in Sheet.prototype)) return undefined;
    const sheet = new Sheet();
    sheet.replaceSync(STYLE);
    return sheet;
  } catch {
    return undefined; // No constructable stylesheets here: each control gets its own <style>.
  }
}

function kitFor(doc: Document): ControlKit {
  let kit = kits.get(doc);
  if (kit) return kit;
  const span = (className: string, testid?: string) => {
    const element = doc.createElement('span');
    element.className = className;
    if (testid) element.dataset.testid = testid;
    return element;
  };
  const button = doc.createElement('button');
  button.type = 'button';
  button.dataset.action = 'log';
  button.dataset.testid = 'careside-log-case';
  const error = span('error');
  error.setAttribute('role', 'alert');
  kit = { sheet: sharedSheet(doc), triage: span('triage', 'careside-triage'), badge: span('badge', 'careside-case-badge'), button, error };
  kits.set(doc, kit);
  return kit;
}

function adoptStyle(shadow: ShadowRoot, doc: Document, sheet: CSSStyleSheet | undefined): void {
  if (sheet && 'adoptedStyleSheets' in shadow) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      // Firefox content scripts (Xray wrappers) may refuse or drop the assignment.
      if (shadow.adoptedStyleSheets.length === 1) return;
    } catch {
      // Fall through: e.g. a sheet from another realm.
    }
  }
  const style = doc.createElement('style');
  style.textContent = STYLE;
  shadow.append(style);
}

/** Create a host for one post; `onLog` gets the post key the host shows at click time. */
export function createInlineHost(doc: Document, postKey: PostKey, onLog: (postKey: PostKey) => void): HTMLElement {
  const host = doc.createElement(INLINE_TAG);
  host.setAttribute(POST_KEY_ATTRIBUTE, postKey);
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyle(shadow, doc, kitFor(doc).sheet);
  const row = doc.createElement('div');
  row.className = 'row';
  shadow.append(row);
  rows.set(host, row);
  shadow.addEventListener('click', (event) => {
    // Keep the click from reaching the page: on X a click in a post opens the post.
    event.stopPropagation();
    const target = event.target as Element | null;
    if (target?.closest('button[data-action="log"]')) {
      const key = host.getAttribute(POST_KEY_ATTRIBUTE);
      if (key) onLog(key);
    }
  });
  return host;
}

function viewSignature(postKey: PostKey, view: InlineView): string {
  const triage = view.triage ? `${view.triage.label}\u0000${view.triage.explanation}` : '';
  const detail = view.kind === 'case' ? `${view.ref}\u0000${view.statusLabel}` : view.kind === 'error' ? view.message : '';
  return `${postKey}\u0000${view.kind}\u0000${detail}\u0000${triage}`;
}

function cloneOf<T extends Element>(prototype: T): T {
  return prototype.cloneNode(false) as T;
}

/** Show `view` in `host` for `postKey`; does nothing when both are unchanged. */
export function renderInline(host: HTMLElement, postKey: PostKey, view: InlineView): void {
  const signature = viewSignature(postKey, view);
  if (views.get(host) === signature) return;
  views.set(host, signature);
  if (host.getAttribute(POST_KEY_ATTRIBUTE) !== postKey) host.setAttribute(POST_KEY_ATTRIBUTE, postKey);
  const row = rows.get(host) ?? host.shadowRoot?.querySelector('.row');
  if (!row) return;
  const kit = kitFor(host.ownerDocument);
  const parts: Element[] = [];
  if (view.triage) {
    const triage = cloneOf(kit.triage) as HTMLElement;
    triage.title = view.triage.explanation;
    triage.textContent = view.triage.label;
    parts.push(triage);
  }
  if (view.kind === 'case') {
    const badge = cloneOf(kit.badge);
    badge.textContent = `${view.ref} · ${view.statusLabel}`;
    parts.push(badge);
  } else {
    const button = cloneOf(kit.button);
    button.disabled = view.kind === 'pending';
    button.textContent = view.kind === 'pending' ? 'Logging…' : 'Log case';
    parts.push(button);
    if (view.kind === 'error') {
      const error = cloneOf(kit.error);
      error.textContent = view.message;
      parts.push(error);
    }
  }
  row.replaceChildren(...parts);
}
