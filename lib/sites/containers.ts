/** The elements matching `selector` under root that sit inside no other match (a quoted article is part of its post). */
export function outermostMatches(root: ParentNode, selector: string): Element[] {
  const outer: Element[] = [];
  const found = root.querySelectorAll(selector);
  for (let index = 0; index < found.length; index++) {
    const element = found[index] as Element;
    // Document order: a nested match follows the outer one that contains it.
    if (!outer[outer.length - 1]?.contains(element)) outer.push(element);
  }
  return outer;
}
