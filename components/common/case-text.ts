import type { Case } from '../../lib/domain/case';

/** "Jane Doe (@jane)", "@jane" or "Jane Doe", whichever the page gave us. */
export function authorLabel(item: Case): string {
  const { authorName, authorHandle } = item.post;
  const name = authorName.trim();
  if (authorHandle && name) return `${name} (@${authorHandle})`;
  if (authorHandle) return `@${authorHandle}`;
  return name || 'unknown author';
}
