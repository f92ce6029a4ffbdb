import type { Case } from '../../lib/domain/case';
import { clockStartOf } from '../../lib/workflow/clock';
import { PLATFORM_LABELS } from '../common/labels';
import { formatWaited } from '../common/format';
import { AuthorLabel } from '../common/AuthorLabel';
import { PostAge } from '../common/PostAge';

/** The open case waiting longest for a first response, by the response clock (since it was logged). */
export function OldestWaiting({ item, now }: { item: Case | null; now: number }) {
  return (
    <section className="popup-section" aria-labelledby="popup-oldest-heading">
      <h2 id="popup-oldest-heading">Waiting longest</h2>
      <div data-testid="popup-oldest-waiting" className="popup-oldest">
        {item === null ? (
          <p className="popup-muted">Nobody is waiting for a first response.</p>
        ) : (
          <>
            <p>
              <strong className="popup-ref">{item.ref}</strong> · <AuthorLabel post={item.post} /> on {PLATFORM_LABELS[item.platform]}
            </p>
            <p>
              Waiting <strong>{formatWaited(now - clockStartOf(item))}</strong>
              <PostAge item={item} now={now} /> ·{' '}
              <a href={item.post.url} target="_blank" rel="noopener noreferrer">
                Open post<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            </p>
          </>
        )}
      </div>
    </section>
  );
}
