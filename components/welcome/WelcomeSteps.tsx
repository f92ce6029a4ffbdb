import type { ReactNode } from 'react';
import { formatNumber } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { embed } from '../common/embed';
import { OptionsLink } from '../common/OptionsLink';
import { SidebarPreview } from './SidebarPreview';

export type WelcomeStep = 'brand' | 'sidebar' | 'done';

const STEPS = [
  { step: 'brand', label: 'welcome.stepBrand' },
  { step: 'sidebar', label: 'welcome.stepSidebar' },
  { step: 'done', label: 'welcome.stepDone' },
] as const satisfies readonly { step: WelcomeStep; label: string }[];

/** "1 Your brand · 2 Where CareSide appears · 3 You're set", the current one marked. */
export function StepList({ current }: { current: WelcomeStep }) {
  const at = STEPS.findIndex(({ step }) => step === current);
  return (
    <ol className="welcome-steps" aria-label={t('welcome.stepsLabel')}>
      {STEPS.map(({ step, label }, index) => (
        <li
          key={step}
          className={index < at ? 'welcome-step-done' : index === at ? 'welcome-step-current' : undefined}
          aria-current={index === at ? 'step' : undefined}
        >
          <span className="welcome-step-number">{index + 1}</span>
          {t(label)}
        </li>
      ))}
    </ol>
  );
}

/** Step 2: where the sidebar shows up. */
export function SidebarStep({ brandName, onContinue }: { brandName: string; onContinue: () => void }) {
  return (
    <section className="welcome-card" aria-labelledby="welcome-sidebar-heading" data-testid="welcome-sidebar-step">
      <h2 id="welcome-sidebar-heading">{t('welcome.stepSidebar')}</h2>
      <div className="welcome-split">
        <SidebarPreview />
        <div>
          <p>{embed((m) => t('welcome.sidebarOpen', m), { sites: <strong>{t('welcome.sites')}</strong> })}</p>
          <ul className="welcome-list">
            <li>{t('welcome.sidebarLists', { brand: brandName })}</li>
            <li>{embed((m) => t('welcome.sidebarLogRest', m), { logCase: <strong>{t('welcome.sidebarLog')}</strong> })}</li>
            <li>{t('welcome.sidebarToolbar')}</li>
            <li>{t('welcome.sidebarFloat')}</li>
          </ul>
          <button type="button" className="primary" onClick={onContinue} data-testid="welcome-continue">
            {t('welcome.continue')}
          </button>
        </div>
      </div>
    </section>
  );
}

/** Step 3: done, with the ways on. */
export function DoneStep({ brandName, xSearch }: { brandName: string; xSearch: { url: string; query: string } }) {
  return (
    <section className="welcome-card welcome-done" aria-labelledby="welcome-done-heading" data-testid="welcome-done">
      <h2 id="welcome-done-heading">{t('welcome.stepDone')}</h2>
      <p>{t('welcome.doneWatches', { brand: brandName })}</p>
      <div className="welcome-links">
        <a className="primary" href={xSearch.url} data-testid="welcome-open-x">
          {t('welcome.openX', { query: xSearch.query })}
        </a>
        <OptionsLink>{t('welcome.openSettings')}</OptionsLink>
      </div>
      <p className="welcome-hint welcome-after-links">{t('welcome.doneSettingsHint')}</p>
    </section>
  );
}

/** Brands are already there (settings imported, or set up before): nothing to set up here. */
export function AlreadySetUp({ brandNames, children }: { brandNames: readonly string[]; children?: ReactNode }) {
  const count = brandNames.length;
  return (
    <section className="welcome-card" aria-labelledby="welcome-configured-heading" data-testid="welcome-configured">
      <h2 id="welcome-configured-heading">{t('welcome.alreadyTitle')}</h2>
      <p>{t('welcome.alreadyWatches', count, { count: formatNumber(count), names: brandNames.join(', ') })}</p>
      <div className="welcome-links">
        <OptionsLink className="primary">{t('welcome.openSettings')}</OptionsLink>
      </div>
      {children}
    </section>
  );
}
