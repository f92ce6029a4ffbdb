import type { PostKey } from '../domain/post';
import type { SiteAdapter } from '../sites/types';
import { createInlineHost, renderInline, type InlineView } from './inline-control';

export interface InlineControls {
  /** Make sure `element` shows the control for `postKey` in state `view`, at the adapter's anchor. */
  place: (element: Element, postKey: PostKey, view: InlineView) => void;
  remove: (element: Element) => void;
  /** Re-render every control (case data or log state changed). */
  refresh: (viewFor: (postKey: PostKey) => InlineView) => void;
  /** Forget controls whose post element left the document. */
  prune: () => void;
  removeAll: () => void;
  readonly size: number;
}

export function createInlineControls(
  doc: Document,
  adapter: Pick<SiteAdapter, 'anchorFor'>,
  onLog: (postKey: PostKey, click: Event) => void,
): InlineControls {
  const hostOf = new Map<Element, { host: HTMLElement; postKey: PostKey }>();

  const insert = (element: Element, host: HTMLElement): boolean => {
    const anchor = adapter.anchorFor(element);
    if (!anchor) return false;
    anchor.element.insertAdjacentElement(anchor.position, host);
    return true;
  };

  return {
    place(element, postKey, view) {
      let entry = hostOf.get(element);
      const created = !entry;
      if (!entry) {
        entry = { host: createInlineHost(doc, postKey, onLog), postKey };
        hostOf.set(element, entry);
      }
      entry.postKey = postKey;
      renderInline(entry.host, postKey, view);
      // Insert a new host; re-insert one the page dropped or moved out of the post (re-render, recycling).
      if ((created || !element.contains(entry.host)) && !insert(element, entry.host)) {
        hostOf.delete(element);
      }
    },
    remove(element) {
      hostOf.get(element)?.host.remove();
      hostOf.delete(element);
    },
    refresh(viewFor) {
      for (const { host, postKey } of hostOf.values()) renderInline(host, postKey, viewFor(postKey));
    },
    prune() {
      for (const [element, { host }] of hostOf) {
        if (element.isConnected) continue;
        host.remove();
        hostOf.delete(element);
      }
    },
    removeAll() {
      for (const { host } of hostOf.values()) host.remove();
      hostOf.clear();
    },
    get size() {
      return hostOf.size;
    },
  };
}
