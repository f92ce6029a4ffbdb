/**
 * Text of a Facebook body as the user reads it: emoji are <img alt>, paragraphs are block
 * elements, and inline controls ("See more", "See translation") are skipped. Read with
 * textContent-style walking only: page text is hostile and never parsed as HTML.
 */
const BLOCK_TAGS: ReadonlySet<string> = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

export interface RichTextOptions {
  /** Subtrees to leave out (controls, nested posts). */
  skip?: (element: Element) => boolean;
}

export function readRichText(root: Element, options: RichTextOptions = {}): string {
  const parts: string[] = [];
  const newline = () => {
    if (parts.length > 0 && parts[parts.length - 1] !== '\n') parts.push('\n');
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (options.skip?.(element)) continue;
        const tag = element.tagName;
        if (tag === 'IMG') parts.push(element.getAttribute('alt') ?? '');
        else if (tag === 'BR') parts.push('\n');
        else if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
        else if (BLOCK_TAGS.has(tag)) {
          newline();
          walk(element);
          newline();
        } else walk(element);
      }
    }
  };
  walk(root);
  return tidy(parts.join(''));
}

/**
 * Collapse runs of spaces inside lines, trim each line and drop empty lines: Comet renders each
 * paragraph as its own block, so block boundaries (not blank lines) separate paragraphs.
 */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
