import type { Case } from '../../lib/domain/case';
import { statusLabel } from '../../lib/domain/labels';
import { PLATFORM_LABELS } from '../common/labels';
import { snippet } from '../common/format';
import { AuthorLabel } from '../common/AuthorLabel';
import { t } from '../../lib/i18n/t';

export function NewestCases({ cases }: { cases: readonly Case[] }) {
  return (
    <section className="popup-section" aria-labelledby="popup-newest-heading">
      <h2 id="popup-newest-heading">{t('popup.newest')}</h2>
      <ul data-testid="popup-newest" className="popup-newest">
        {cases.map((item) => (
          <li key={item.id} className="popup-case">
            <p className="popup-case-meta">
              <a className="popup-ref" href={item.post.url} target="_blank" rel="noopener noreferrer">
                {item.ref}
              </a>
              <span className={`popup-status popup-status-${item.status}`}>{statusLabel(item.status)}</span>
              <span>{PLATFORM_LABELS[item.platform]}</span>
              <span className="popup-author">
                <AuthorLabel post={item.post} />
              </span>
            </p>
            {/* Post text is hostile page content: rendered as React text only. */}
            <p className="popup-snippet">
              <bdi>{snippet(item.post.text)}</bdi>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
