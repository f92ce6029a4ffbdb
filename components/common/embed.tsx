import { Fragment, type ReactNode } from 'react';

/** Stands in for an element inside a translated sentence; never typed by anyone. */
const MARK = '\u0001';

/**
 * A translated sentence with elements (bold words, links) at its placeholders, so translators keep
 * the word order: embed((m) => t('key', { sites: m.sites }), { sites: <strong>…</strong> }).
 */
export function embed<K extends string>(message: (marks: Record<K, string>) => string, parts: Record<K, ReactNode>): ReactNode {
  const names = Object.keys(parts) as K[];
  const marks = Object.fromEntries(names.map((name, index) => [name, `${MARK}${index}${MARK}`])) as Record<K, string>;
  const pieces = message(marks).split(MARK);
  // Odd pieces are the index of a part; even pieces are text.
  return pieces.map((piece, index) => (index % 2 === 0 ? piece : <Fragment key={index}>{parts[names[Number(piece)] as K]}</Fragment>));
}
