import type { ReactNode } from 'react';
import { OptionsLink } from '../common/OptionsLink';
import { SidebarPreview } from './SidebarPreview';

export type WelcomeStep = 'brand' | 'sidebar' | 'done';

const STEPS: { step: WelcomeStep; label: string }[] = [
  { step: 'brand', label: 'Your brand' },
  { step: 'sidebar', label: 'Where CareSide appears' },
  { step: 'done', label: "You're set" },
];

/** "1 Your brand · 2 Where CareSide appears · 3 You're set", the current one marked. */
export function StepList({ current }: { current: WelcomeStep }) {
  const at = STEPS.findIndex(({ step }) => step === current);
  return (
    <ol className="welcome-steps" aria-label="Setup steps">
      {STEPS.map(({ step, label }, index) => (
        <li
          key={step}
          className={index < at ? 'welcome-step-done' : index === at ? 'welcome-step-current' : undefined}
          aria-current={index === at ? 'step' : undefined}
        >
          <span className="welcome-step-number">{index + 1}</span>
          {label}
        </li>
      ))}
    </ol>
  );
}

const SITES = 'x.com, facebook.com or yelp.com';

/** Step 2: where the sidebar shows up. */
export function SidebarStep({ brandName, onContinue }: { brandName: string; onContinue: () => void }) {
  return (
    <section className="welcome-card" aria-labelledby="welcome-sidebar-heading" data-testid="welcome-sidebar-step">
      <h2 id="welcome-sidebar-heading">Where CareSide appears</h2>
      <div className="welcome-split">
        <SidebarPreview />
        <div>
          <p>
            Open <strong>{SITES}</strong>; the CareSide panel docks at the right edge of the page and the page makes room for it.
          </p>
          <ul className="welcome-list">
            <li>It lists the posts, comments and reviews on the page that mention {brandName}, most urgent first.</li>
            <li>
              <strong>Log case</strong> on a row, or on the small control beside the post, keeps it as a case with a reference such as
              CS-7F3K.
            </li>
            <li>The toolbar icon shows how many cases are open; its popup lists them.</li>
            <li>The panel can float or collapse to a tab at the edge; Alt+Shift+C moves the keyboard focus into it.</li>
          </ul>
          <button type="button" className="primary" onClick={onContinue} data-testid="welcome-continue">
            Continue
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
      <h2 id="welcome-done-heading">You&apos;re set</h2>
      <p>CareSide now watches for {brandName}. Open a site and the panel lists what it finds.</p>
      <div className="welcome-links">
        <a className="primary" href={xSearch.url} data-testid="welcome-open-x">
          Open X: posts about {xSearch.query}
        </a>
        <OptionsLink>Open CareSide settings</OptionsLink>
      </div>
      <p className="welcome-hint welcome-after-links">
        In settings: more brands, other spellings, hashtags, private channels (DM, Messenger, email), reply templates and response targets.
      </p>
    </section>
  );
}

/** Brands are already there (settings imported, or set up before): nothing to set up here. */
export function AlreadySetUp({ brandNames, children }: { brandNames: readonly string[]; children?: ReactNode }) {
  const count = brandNames.length;
  return (
    <section className="welcome-card" aria-labelledby="welcome-configured-heading" data-testid="welcome-configured">
      <h2 id="welcome-configured-heading">CareSide is already set up</h2>
      <p>
        It watches for {count === 1 ? 'one brand' : `${count} brands`}: {brandNames.join(', ')}. Add or change brands on the settings page.
      </p>
      <div className="welcome-links">
        <OptionsLink className="primary">Open CareSide settings</OptionsLink>
      </div>
      {children}
    </section>
  );
}
