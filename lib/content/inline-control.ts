import type { PostKey } from '../domain/post';

/**
 * The per-post "Log case" control: a plain custom-named element with an open shadow root.
 * No framework per post (there can be hundreds) and no customElements.define (content
 * scripts' isolated worlds have no custom element registry in Chrome). Page-derived text only
 * ever goes in through textContent.
 */
export const INLINE_TAG = 'careside-inline';
export const POST_KEY_ATTRIBUTE = 'data-careside-post-key';

export type InlineView =
  | { kind: 'log' }
  | { kind: 'pending' }
  | { kind: 'case'; ref: string; statusLabel: string }
  | { kind: 'error'; message: string };

const STYLE = `
:host { all: initial; display: block; margin: 6px 0 2px; font: 13px/1.4 system-ui, sans-serif; }
.row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
button { font: inherit; cursor: pointer; border: 1px solid #1d9bf0; color: #1d9bf0; background: transparent;
  border-radius: 999px; padding: 2px 10px; }
button:disabled { opacity: 0.6; cursor: progress; }
.badge { border-radius: 999px; padding: 2px 10px; background: #e8f5fd; color: #0f5c8c; font-weight: 600; }
.error { color: #b42318; }
`;

const views = new WeakMap<Element, string>();

/** Create a host for one post; `onLog` gets the post key the host shows at click time. */
export function createInlineHost(doc: Document, postKey: PostKey, onLog: (postKey: PostKey) => void): HTMLElement {
  const host = doc.createElement(INLINE_TAG);
  host.setAttribute(POST_KEY_ATTRIBUTE, postKey);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const row = doc.createElement('div');
  row.className = 'row';
  shadow.append(style, row);
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

/** Show `view` in `host` for `postKey`; does nothing when both are unchanged. */
export function renderInline(host: HTMLElement, postKey: PostKey, view: InlineView): void {
  const signature = `${postKey}\u0000${JSON.stringify(view)}`;
  if (views.get(host) === signature) return;
  views.set(host, signature);
  if (host.getAttribute(POST_KEY_ATTRIBUTE) !== postKey) host.setAttribute(POST_KEY_ATTRIBUTE, postKey);
  const row = host.shadowRoot?.querySelector('.row');
  if (!row) return;
  const doc = host.ownerDocument;
  const parts: Element[] = [];
  if (view.kind === 'case') {
    const badge = doc.createElement('span');
    badge.className = 'badge';
    badge.dataset.testid = 'careside-case-badge';
    badge.textContent = `${view.ref} · ${view.statusLabel}`;
    parts.push(badge);
  } else {
    const button = doc.createElement('button');
    button.type = 'button';
    button.dataset.action = 'log';
    button.dataset.testid = 'careside-log-case';
    button.disabled = view.kind === 'pending';
    button.textContent = view.kind === 'pending' ? 'Logging…' : 'Log case';
    parts.push(button);
    if (view.kind === 'error') {
      const error = doc.createElement('span');
      error.className = 'error';
      error.setAttribute('role', 'alert');
      error.textContent = view.message;
      parts.push(error);
    }
  }
  row.replaceChildren(...parts);
}
