import { t } from '../../lib/i18n/t';

/** An address, the same in every language. */
const EXAMPLE_URL = 'x.com/search?q=AcmeAir';

/** A drawing of a site with the CareSide panel docked at its right edge (decorative; the text beside it says the same). */
export function SidebarPreview() {
  return (
    <div className="welcome-preview" aria-hidden="true">
      <div className="welcome-preview-bar">
        <span className="welcome-preview-dot" />
        <span className="welcome-preview-dot" />
        <span className="welcome-preview-dot" />
        <span className="welcome-preview-url">{EXAMPLE_URL}</span>
      </div>
      <div className="welcome-preview-body">
        <div className="welcome-preview-feed">
          {[0, 1, 2, 3].map((row) => (
            <div key={row} className="welcome-preview-post">
              <span className="welcome-preview-avatar" />
              <span className="welcome-preview-lines">
                <span />
                <span />
                {row === 0 && <em className="welcome-preview-inline">{t('welcome.sidebarLog')}</em>}
              </span>
            </div>
          ))}
        </div>
        <div className="welcome-preview-panel">
          <strong>CareSide</strong>
          <span className="welcome-preview-row">
            <b className="welcome-preview-p1">P1</b> {t('welcome.previewComplaintDelay')}
          </span>
          <span className="welcome-preview-row">
            <b className="welcome-preview-p2">P2</b> {t('welcome.previewComplaintRefund')}
          </span>
          <span className="welcome-preview-row">
            <b className="welcome-preview-p4">P4</b> {t('welcome.previewMention')}
          </span>
        </div>
      </div>
    </div>
  );
}
