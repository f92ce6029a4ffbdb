import type { SiteAdapter } from '../sites/types';

/** Our own elements in the page: their insertion must not make us re-read the post. */
export const OWN_ELEMENT_PREFIX = 'CARESIDE-';

export interface ScannerOptions {
  root: Node;
  adapter: Pick<SiteAdapter, 'findPosts'>;
  /** Is this element one the adapter returned as a post before (readable or not)? */
  isPostElement: (element: Element) => boolean;
  /** Post elements to (re-)read: new ones, and known ones whose content changed. */
  onPosts: (elements: Element[]) => void;
  /** Something left the document: prune what pointed at it. */
  onRemoved: () => void;
  /** Elements were added or removed, posts or not (the read-share health check counts containers). */
  onChanged?: () => void;
  /** Run the batch later: once per animation frame in the page, synchronously-controlled in tests. */
  schedule: (flush: () => void) => void;
}

export interface Scanner {
  /** Read every post under root now and start watching for changes. */
  start: () => void;
  /** Read every post under root again (after an in-app navigation). */
  rescan: () => void;
  /** Process pending mutations now instead of at the scheduled time. */
  flush: () => void;
  stop: () => void;
}

function isOwnElement(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName.startsWith(OWN_ELEMENT_PREFIX);
}

/**
 * Whether a removal may have taken a post with it: a post element, or an element holding other
 * elements. Pruning walks every known post, so the page's constant small removals (a text
 * replaced, a timestamp's or a counter's leaf span re-rendered) must not trigger it every frame.
 */
function anyMayHoldPost(nodes: NodeList, isPostElement: (element: Element) => boolean): boolean {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as Node;
    if (node.nodeType !== 1 || isOwnElement(node)) continue;
    const element = node as Element;
    if (element.firstElementChild !== null || isPostElement(element)) return true;
  }
  return false;
}

/**
 * One MutationObserver for the whole page. Mutations are collected and handled once per batch:
 * only added subtrees are searched for posts, and a known post is re-read when something inside
 * it changes (sites recycle post elements for other posts).
 */
export function createScanner(options: ScannerOptions): Scanner {
  const { root, adapter, isPostElement, onPosts, onRemoved, onChanged, schedule } = options;
  let added = new Set<Element>();
  /** Nodes the page changed; which post (if any) encloses each is worked out at flush time. */
  let targets = new Set<Node>();
  let removed = false;
  let scheduled = false;
  let running = false;

  const enclosingPost = (node: Node | null): Element | null => {
    for (let current = node; current; current = current.parentNode) {
      if (current.nodeType === 1 && isPostElement(current as Element)) return current as Element;
    }
    return null;
  };

  const flush = () => {
    scheduled = false;
    if (!running) return;
    const addedNow = added;
    const targetsNow = targets;
    const removedNow = removed;
    added = new Set();
    targets = new Set();
    removed = false;

    const posts = new Set<Element>();
    for (const target of targetsNow) {
      const post = enclosingPost(target);
      if (post) posts.add(post);
    }
    const parents = new Set<ParentNode>();
    for (const element of addedNow) {
      if (!element.isConnected) continue;
      const inside = adapter.findPosts(element);
      for (const post of inside) posts.add(post);
      if (inside.length === 0 && element.parentNode) parents.add(element.parentNode);
    }
    // An added element may itself be a post (findPosts only looks below its root).
    for (const parent of parents) {
      for (const post of adapter.findPosts(parent)) if (addedNow.has(post)) posts.add(post);
    }
    if (removedNow) onRemoved();
    const connected = [...posts].filter((post) => post.isConnected);
    if (connected.length > 0) onPosts(connected);
    if (addedNow.size > 0 || removedNow) onChanged?.();
  };

  // Runs inside the page's own task that changed the DOM: only collect and schedule here.
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        // Indexed, not spread: this runs for every control we insert, inside the page's task.
        const { addedNodes, removedNodes } = mutation;
        let ownOnly = removedNodes.length === 0;
        for (let index = 0; index < addedNodes.length; index++) {
          const node = addedNodes[index] as Node;
          if (isOwnElement(node)) continue;
          ownOnly = false;
          if (node.nodeType === 1) added.add(node as Element);
        }
        // Our own control being inserted is not news; the page removing it is (we put it back).
        if (ownOnly) continue;
        if (!removed) removed = anyMayHoldPost(removedNodes, isPostElement);
      }
      targets.add(mutation.target);
    }
    if (!scheduled && (added.size > 0 || targets.size > 0 || removed)) {
      scheduled = true;
      schedule(flush);
    }
  });

  const scanAll = () => {
    const posts = adapter.findPosts(root as ParentNode);
    if (posts.length > 0) onPosts(posts);
  };

  return {
    start() {
      if (running) return;
      running = true;
      scanAll();
      observer.observe(root, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['href', 'datetime'],
      });
    },
    rescan() {
      if (running) scanAll();
    },
    flush,
    stop() {
      running = false;
      observer.disconnect();
      added.clear();
      targets.clear();
    },
  };
}
