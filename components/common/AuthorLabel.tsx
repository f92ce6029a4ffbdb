import type { Post } from '../../lib/domain/post';
import { t } from '../../lib/i18n/t';

/**
 * "Jane Doe (@jane)", "@jane" or "Jane Doe", whichever the page gave us. Each part the author
 * wrote sits in its own <bdi>, so a right-to-left name, or an override character hidden in it,
 * cannot reorder the text around it.
 */
export function AuthorLabel({ post }: { post: Pick<Post, 'authorName' | 'authorHandle'> }) {
  const name = post.authorName.trim();
  const handle = post.authorHandle ? <bdi>@{post.authorHandle}</bdi> : null;
  if (handle && name) {
    return (
      <>
        <bdi>{name}</bdi> ({handle})
      </>
    );
  }
  return handle ?? (name ? <bdi>{name}</bdi> : <>{t('common.unknownAuthor')}</>);
}
