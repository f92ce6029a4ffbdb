/**
 * Text of an element as the user reads it: emoji are <img alt>, line breaks are <br>.
 * Walks text nodes only (page text is hostile and never parsed as HTML). Elements matching
 * `skip` (e.g. "Read more" buttons) are left out with everything inside them.
 */
export function readRichText(root: Node, skip?: string): string {
  // Most posts have no emoji, line break or skipped part: then the browser's own textContent
  // is the same text at a fraction of the cost of walking the nodes from script.
  if (isParent(root) && root.querySelector(skip ? `img, br, ${skip}` : 'img, br') === null) return root.textContent ?? '';
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (skip && element.matches(skip)) continue;
        if (element.tagName === 'IMG') text += element.getAttribute('alt') ?? '';
        else if (element.tagName === 'BR') text += '\n';
        else walk(element);
      }
    }
  };
  walk(root);
  return text;
}

function isParent(node: Node): node is Element | DocumentFragment {
  return typeof (node as Partial<ParentNode>).querySelector === 'function';
}
