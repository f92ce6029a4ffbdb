import type { Case } from '../../lib/domain/case';
import { clockStartOf } from '../../lib/workflow/clock';
import { PLATFORM_LABELS } from '../common/labels';
import { formatWaited } from '../common/format';
import { AuthorLabel } from '../common/AuthorLabel';
import { PostAge } from '../common/PostAge';
import { t } from '../../lib/i18n/t';

/** The open case waiting longest for a first response, by the response clock (since it was logged). */
export function OldestWaiting({ item, now }: { item: Case | null; now: number }) {
  return (
    <section className="popup-section" aria-labelledby="popup-oldest-heading">
      <h2 id="popup-oldest-heading">{t('popup.oldest')}</h2>
      <div data-testid="popup-oldest-waiting" className="popup-oldest">
        {item === null ? (
          <p className="popup-muted">{t('popup.nobodyWaiting')}</p>
        ) : (
          <>
            <p>
              <strong className="popup-ref">{item.ref}</strong> · <AuthorLabel post={item.post} />{' '}
              {t('popup.authorOn', { platform: PLATFORM_LABELS[item.platform] })}
            </p>
            <p>
              {t('popup.waiting')} <strong>{formatWaited(now - clockStartOf(item))}</strong>
              <PostAge item={item} now={now} /> ·{' '}
              <a href={item.post.url} target="_blank" rel="noopener noreferrer">
                {t('popup.openPost')}
                <span className="visually-hidden">{t('popup.newTab')}</span>
              </a>
            </p>
          </>
        )}
      </div>
    </section>
  );
}
