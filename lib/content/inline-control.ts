import type { PostKey } from '../domain/post';
import { sameItems } from '../util/arrays';
import { t } from '../i18n/t';

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
  | { kind: 'case'; ref: string; statusLabel: string; /** The first-response countdown, while the case waits for one. */ due?: InlineDue }
  | { kind: 'error'; message: string }
) & {
  /** "P1 · Delivery / delay" and the one-line reason (shown on hover). */
  triage?: InlineTriage;
  /** "Priya is replying": a teammate has this post's reply panel open. */
  replying?: string;
};

export interface InlineTriage {
  label: string;
  /**
   * The one-line reason, the label's tooltip. Worked out when the pointer first comes over the
   * control: a page shows hundreds of controls and few are ever hovered (building the line cost
   * every triage answer a tenth of a timeline's time). The same function for the same answer.
   */
  explain: () => string;
  /** Still being triaged: shown muted. */
  pending?: boolean;
}

/** "due in 12 min" (state ok or nearing) or "overdue by 1 h" (breached). */
export interface InlineDue {
  text: string;
  state: 'ok' | 'nearing' | 'breached';
}

/** What a control shows while the background triages its post: the state every new control starts in. */
const TRIAGING_TITLE = t('sidebar.triagingTitle');
export const TRIAGE_PENDING: InlineTriage = { label: t('sidebar.triaging'), explain: () => TRIAGING_TITLE, pending: true };

const STYLE = `
:host { all: initial; display: block; margin: 6px 0 2px; font: 13px/1.4 system-ui, sans-serif; }
.row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
button { font: inherit; cursor: pointer; border: 1px solid #1d9bf0; color: #1d9bf0; background: transparent;
  border-radius: 999px; padding: 2px 10px; }
button:disabled { opacity: 0.6; cursor: progress; }
.badge { border-radius: 999px; padding: 2px 10px; background: #e8f5fd; color: #0f5c8c; font-weight: 600; }
.error { color: #b42318; }
.due { border-radius: 999px; padding: 2px 8px; background: #eef1f3; color: #3b4650; }
.due[data-state='nearing'] { background: #fff4e5; color: #93370d; font-weight: 600; }
.due[data-state='breached'] { background: #fdecee; color: #b42318; font-weight: 600; }
.triage { font-weight: 600; color: #536471; }
.triage.pending { font-weight: 400; font-style: italic; }
.replying { color: #8a4b00; font-weight: 600; }
`;

/** The elements of a host's first state (see kitFor). */
interface RowParts {
  row: Element;
  triage: HTMLElement;
  /** The triage label's text node: writing its data is cheaper than replacing it via textContent. */
  triageText: Text;
  button: HTMLButtonElement;
}

/**
 * What each host shows now: its parts and the values last written (so unchanged ones are not
 * written again). The row's parts are looked up on the first change: each element a content
 * script touches costs it a wrapper of its own, and a control whose post leaves before its
 * triage arrives never changes.
 */
interface HostParts {
  shadow: ShadowRoot;
  postKey: PostKey;
  onLog: (postKey: PostKey, click: Event) => void;
  rowParts: RowParts | undefined;
  badge: HTMLElement | undefined;
  due: HTMLElement | undefined;
  error: HTMLElement | undefined;
  replying: HTMLElement | undefined;
  /** The triage reason the label's tooltip should show, and the one it shows (none until first hovered). */
  explain: () => string;
  titleOf: (() => string) | undefined;
  /** The parts in the row, once rearranged (undefined: still the first [button, triage]). */
  attached: Element[] | undefined;
  /** Values written since the first state (FIRST_WRITES holds the rest). */
  written: Map<string, string | boolean> | undefined;
  signature: string;
}
const partsOf = new WeakMap<Element, HostParts>();

const LOG_LABEL = t('sidebar.logCase');
const triageClass = (pending: boolean) => (pending ? 'triage pending' : 'triage');

/** The state every host is built in (FIRST_WRITES are its values). */
const FIRST_VIEW: InlineView = { kind: 'log', triage: TRIAGE_PENDING };

/** The values a new host already shows (kitFor builds its parts so), as renderInline's writes name them. */
const FIRST_WRITES: ReadonlyMap<string, string | boolean> = new Map<string, string | boolean>([
  ['disabled', false],
  ['button', LOG_LABEL],
  ['triage', TRIAGE_PENDING.label],
  ['triageClass', triageClass(true)],
]);

/**
 * Per-document pieces every control shares: one constructed stylesheet (adopted by each shadow
 * root instead of parsing a <style> per post), and prototypes cloned per control, which costs
 * the page fewer calls than building each part (hundreds of posts can arrive in a second).
 */
interface ControlKit {
  /** The shared sheet, as the list each shadow root adopts. */
  sheets: CSSStyleSheet[] | undefined;
  /** Whether adopting works here (undefined until the first control tried). */
  adopts: boolean | undefined;
  /** A host with a clonable shadow root (row: button, triage), where the browser clones shadow roots. */
  host: HTMLElement | undefined;
  triage: HTMLElement;
  badge: HTMLElement;
  due: HTMLElement;
  button: HTMLButtonElement;
  error: HTMLElement;
  replying: HTMLElement;
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
  button.textContent = LOG_LABEL;
  const error = span('error');
  error.setAttribute('role', 'alert');
  // Controls start as a new post's do: "Log case" next to "Triaging…", so the first render writes nothing.
  const triage = span(triageClass(true), 'careside-triage');
  triage.textContent = TRIAGE_PENDING.label;
  const due = span('due', 'careside-case-due');
  const replying = span('replying', 'careside-inline-replying');
  const sheet = sharedSheet(doc);
  kit = {
    sheets: sheet ? [sheet] : undefined,
    adopts: undefined,
    host: undefined,
    triage,
    badge: span('badge', 'careside-case-badge'),
    due,
    button,
    error,
    replying,
  };
  kit.host = clonableHost(doc, kit);
  kits.set(doc, kit);
  // One listener per event for every control (events reach the document retargeted to the host).
  doc.addEventListener('click', onControlClick, { capture: true });
  doc.addEventListener('pointerover', onPointerOrFocus, { capture: true, passive: true });
  doc.addEventListener('focusin', onPointerOrFocus, { capture: true, passive: true });
  return kit;
}

/** A host in its first state: a shadow root holding one row of the triage label and the button. */
function newHost(doc: Document, kit: ControlKit, init: ShadowRootInit): HTMLElement {
  const host = doc.createElement(INLINE_TAG);
  const shadow = host.attachShadow(init);
  const row = doc.createElement('div');
  row.className = 'row';
  row.append(kit.button.cloneNode(true), kit.triage.cloneNode(true));
  shadow.append(row);
  return host;
}

/** The prototype host, or undefined where cloning a host does not clone its shadow root. */
function clonableHost(doc: Document, kit: ControlKit): HTMLElement | undefined {
  try {
    const host = newHost(doc, kit, { mode: 'open', clonable: true });
    return (host.cloneNode(true) as HTMLElement).shadowRoot ? host : undefined;
  } catch {
    return undefined;
  }
}

function adoptStyle(shadow: ShadowRoot, doc: Document, kit: ControlKit): void {
  const { sheets } = kit;
  if (sheets && kit.adopts !== false && 'adoptedStyleSheets' in shadow) {
    try {
      shadow.adoptedStyleSheets = sheets;
      // Firefox content scripts (Xray wrappers) may refuse or drop the assignment: checked on the
      // first control only (reading the list back costs every control an array).
      kit.adopts ??= shadow.adoptedStyleSheets.length === 1;
      if (kit.adopts) return;
    } catch {
      kit.adopts = false; // e.g. a sheet from another realm
    }
  }
  const style = doc.createElement('style');
  style.textContent = STYLE;
  shadow.prepend(style);
}

/**
 * One click handler for every control, on the document in the capture phase: it runs before any
 * of the page's listeners below the document. Clicks come at a person's pace, so the host is
 * looked for along the event's path (what was clicked inside it comes first).
 */
function onControlClick(event: Event): void {
  const parts = partsOfEvent(event);
  if (!parts) return;
  // Keep the click from reaching the page: on X a click in a post opens the post.
  event.stopPropagation();
  const clicked = event.composedPath()[0] as Element;
  if (clicked.closest?.('button[data-action="log"]')) parts.onLog(parts.postKey, event);
}

/**
 * The control an event happened in: its target at the document is the host (retargeted out of
 * the shadow root); else a host on its path (a control inside another shadow root).
 */
function partsOfEvent(event: Event): HostParts | undefined {
  const direct = partsOf.get(event.target as Element);
  if (direct) return direct;
  for (const node of event.composedPath()) {
    const parts = partsOf.get(node as Element);
    if (parts) return parts;
  }
  return undefined;
}

/** The pointer over a control, or focus in it (keyboard users): its tooltip gets the reason. */
function onPointerOrFocus(event: Event): void {
  const parts = partsOfEvent(event);
  if (parts) showTitle(parts);
}

/** Give the triage label its reason as a tooltip, once hovered, and keep it current from then on. */
function showTitle(parts: HostParts): void {
  if (parts.titleOf === parts.explain) return;
  parts.titleOf = parts.explain;
  rowPartsOf(parts).triage.title = parts.explain();
}

/**
 * Create a host for one post; `onLog` gets the post key the host shows at click time and the
 * click itself (the caller decides whether an untrusted one counts: see trusted-events.ts).
 */
export function createInlineHost(doc: Document, postKey: PostKey, onLog: (postKey: PostKey, click: Event) => void): HTMLElement {
  const kit = kitFor(doc);
  const cloned = kit.host?.cloneNode(true) as HTMLElement | undefined;
  const host = cloned?.shadowRoot ? cloned : newHost(doc, kit, { mode: 'open' });
  const shadow = host.shadowRoot as ShadowRoot;
  adoptStyle(shadow, doc, kit);
  host.setAttribute(POST_KEY_ATTRIBUTE, postKey);
  partsOf.set(host, {
    shadow,
    postKey,
    onLog,
    rowParts: undefined,
    badge: undefined,
    due: undefined,
    error: undefined,
    replying: undefined,
    explain: TRIAGE_PENDING.explain,
    titleOf: undefined,
    attached: undefined,
    written: undefined,
    // A new post's first render (log, "Triaging…") finds the host already showing it.
    signature: viewSignature(postKey, FIRST_VIEW),
  });
  return host;
}

/** The row and its first parts (the row is the shadow root's last child: a fallback <style> comes first). */
function rowPartsOf(parts: HostParts): RowParts {
  if (!parts.rowParts) {
    const row = parts.shadow.lastElementChild as Element;
    const triage = row.lastElementChild as HTMLElement;
    parts.rowParts = { row, triage, triageText: triage.firstChild as Text, button: row.firstElementChild as HTMLButtonElement };
  }
  return parts.rowParts;
}

/** A number per reason function, so a signature tells a new reason from the last without building it. */
const reasonIds = new WeakMap<() => string, number>();
let nextReasonId = 0;

function reasonId(explain: () => string): number {
  let id = reasonIds.get(explain);
  if (id === undefined) {
    id = nextReasonId++;
    reasonIds.set(explain, id);
  }
  return id;
}

function viewSignature(postKey: PostKey, view: InlineView): string {
  const triage = view.triage ? `${view.triage.label}\u0000${reasonId(view.triage.explain)}\u0000${view.triage.pending ? 1 : 0}` : '';
  const detail =
    view.kind === 'case'
      ? `${view.ref}\u0000${view.statusLabel}\u0000${view.due?.text ?? ''}\u0000${view.due?.state ?? ''}`
      : view.kind === 'error'
        ? view.message
        : '';
  return `${postKey}\u0000${view.kind}\u0000${detail}\u0000${triage}\u0000${view.replying ?? ''}`;
}

/** Write a text (as text, never markup), attribute or flag only when it differs from the last write. */
function write(parts: HostParts, key: string, value: string | boolean, apply: () => void): void {
  const last = parts.written?.has(key) ? parts.written.get(key) : FIRST_WRITES.get(key);
  if (last === value) return;
  (parts.written ??= new Map()).set(key, value);
  apply();
}

/** Show `view` in `host` for `postKey`; does nothing when both are unchanged. */
export function renderInline(host: HTMLElement, postKey: PostKey, view: InlineView): void {
  const parts = partsOf.get(host);
  if (!parts) return;
  const signature = viewSignature(postKey, view);
  if (parts.signature === signature) return;
  parts.signature = signature;
  if (parts.postKey !== postKey) {
    parts.postKey = postKey;
    host.setAttribute(POST_KEY_ATTRIBUTE, postKey);
  }
  const { row, triage, button } = rowPartsOf(parts);
  // The action comes first so it stays put under the pointer while the triage label next to it changes width.
  const wanted: Element[] = [actionPart(parts, view)];
  if (view.kind === 'case' && view.due) wanted.push(duePart(parts, view.due));
  if (view.triage) wanted.push(triagePart(parts, view.triage));
  if (view.kind === 'error') wanted.push(errorPart(parts, view.message));
  if (view.replying) wanted.push(replyingPart(parts, view.replying));
  // Rearrange only when which parts show changed (rare: logging, errors, triage shown or hidden).
  if (!sameItems(wanted, parts.attached ?? [button, triage])) {
    row.replaceChildren(...wanted);
    parts.attached = wanted;
  }
}

/** The case badge once logged, else the "Log case" button (disabled while logging). */
function actionPart(parts: HostParts, view: InlineView): Element {
  if (view.kind === 'case') {
    const badge = (parts.badge ??= kitFor(parts.shadow.ownerDocument).badge.cloneNode(true) as HTMLElement);
    const text = `${view.ref} · ${view.statusLabel}`;
    write(parts, 'badge', text, () => (badge.textContent = text));
    return badge;
  }
  const { button } = rowPartsOf(parts);
  const pending = view.kind === 'pending';
  write(parts, 'disabled', pending, () => (button.disabled = pending));
  const label = pending ? t('sidebar.logging') : LOG_LABEL;
  write(parts, 'button', label, () => (button.textContent = label));
  return button;
}

function triagePart(parts: HostParts, { label, explain, pending }: InlineTriage): Element {
  const { triage, triageText } = rowPartsOf(parts);
  write(parts, 'triage', label, () => (triageText.data = label));
  parts.explain = explain;
  if (parts.titleOf !== undefined) showTitle(parts);
  const className = triageClass(pending === true);
  write(parts, 'triageClass', className, () => (triage.className = className));
  return triage;
}

function duePart(parts: HostParts, { text, state }: InlineDue): Element {
  const due = (parts.due ??= kitFor(parts.shadow.ownerDocument).due.cloneNode(true) as HTMLElement);
  write(parts, 'due', text, () => (due.textContent = text));
  write(parts, 'dueState', state, () => (due.dataset.state = state));
  return due;
}

function errorPart(parts: HostParts, message: string): Element {
  const error = (parts.error ??= kitFor(parts.shadow.ownerDocument).error.cloneNode(true) as HTMLElement);
  write(parts, 'error', message, () => (error.textContent = message));
  return error;
}

function replyingPart(parts: HostParts, label: string): Element {
  const replying = (parts.replying ??= kitFor(parts.shadow.ownerDocument).replying.cloneNode(true) as HTMLElement);
  write(parts, 'replying', label, () => (replying.textContent = label));
  return replying;
}
