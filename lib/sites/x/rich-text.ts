/** Text of an element as the user reads it: emoji are <img alt>, line breaks are <br>. */
export function readRichText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.tagName === 'IMG') text += element.getAttribute('alt') ?? '';
        else if (element.tagName === 'BR') text += '\n';
        else walk(element);
      }
    }
  };
  walk(root);
  return text;
}
