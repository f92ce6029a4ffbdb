import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AgentDetails } from '../../lib/domain/agent';
import { plainErrorMessage } from '../../lib/domain/errors';
import { saveMeMutation } from '../../lib/queries/agents';
import { agentFieldErrors, hasAgentErrors } from '../common/agent-form';
import { YouFields } from './YouFields';
import { t } from '../../lib/i18n/t';
import { saveSettingsMutation, settingsQuery } from '../../lib/queries/settings';
import { emptyBrandDraft, type BrandDraft } from '../../lib/settings/brand-form';
import { checkFirstBrand, firstBrandIndex } from '../../lib/settings/first-brand';
import { SettingsValidationError } from '../../lib/settings/store';
import { messagesAt, messagesUnder, type ValidationIssue } from '../../lib/validation/issues';
import { BrandStep, type BrandStepField } from './BrandStep';
import { AlreadySetUp, DoneStep, SidebarStep, StepList, type WelcomeStep } from './WelcomeSteps';

/** Where each field's problems sit below brands[index]. */
const FIELD_PATHS: Record<BrandStepField, readonly string[]> = {
  name: ['name'],
  handlesX: ['handles', 'x'],
  handlesFacebook: ['handles', 'facebook'],
  handlesYelp: ['handles', 'yelp'],
};

function fieldErrors(issues: readonly ValidationIssue[], index: number): Partial<Record<BrandStepField, string[]>> {
  const at = (field: BrandStepField) => {
    const path = ['brands', index, ...FIELD_PATHS[field]];
    return field === 'name' ? [...messagesAt(issues, path), ...messagesAt(issues, ['brands', index, 'id'])] : messagesUnder(issues, path);
  };
  return { name: at('name'), handlesX: at('handlesX'), handlesFacebook: at('handlesFacebook'), handlesYelp: at('handlesYelp') };
}

/** X's live search for the brand: its first handle as a mention, else its name. */
export function xSearch(name: string, firstHandle: string | undefined): { url: string; query: string } {
  const query = firstHandle ? `@${firstHandle}` : name;
  return { url: `https://x.com/search?q=${encodeURIComponent(query)}&f=live`, query };
}

/**
 * The page opened on install: set up the first brand (checked and stored exactly as the options
 * page does), see where the sidebar appears, done. When brands exist already it says so and
 * points to the options page instead.
 */
export function WelcomeApp() {
  const queryClient = useQueryClient();
  const loaded = useQuery(settingsQuery());
  const save = useMutation(saveSettingsMutation(queryClient));
  const saveMe = useMutation(saveMeMutation(queryClient));
  const [you, setYou] = useState<AgentDetails>({ name: '', email: '' });
  const [step, setStep] = useState<WelcomeStep>('brand');
  const [draft, setDraft] = useState<BrandDraft>(emptyBrandDraft);
  const [tried, setTried] = useState(false);
  // Why storing failed (rare: storage refused it); form problems come from the live check.
  const [saveErrors, setSaveErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<{ name: string; firstXHandle: string | undefined } | null>(null);
  const formArea = useRef<HTMLDivElement>(null);

  // A refused save moves the keyboard (and the view) to the first field with a problem.
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused === 0) return;
    const field = formArea.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.scrollIntoView?.({ block: 'center' });
    field?.focus({ preventScroll: true });
  }, [refused]);

  if (loaded.isError) {
    return (
      <Page>
        <p role="alert" className="welcome-warning">
          {t('welcome.readError', { error: loaded.error.message })}
        </p>
      </Page>
    );
  }
  if (!loaded.data) {
    return (
      <Page>
        <p role="status">{t('welcome.loading')}</p>
      </Page>
    );
  }
  const stored = loaded.data.settings;

  if (step === 'brand' && stored.brands.length > 0) {
    return (
      <Page>
        <AlreadySetUp brandNames={stored.brands.map((brand) => brand.name)} />
      </Page>
    );
  }

  const index = firstBrandIndex(stored);
  // Problems show once the user has tried to save, then follow every keystroke.
  const live = tried ? checkFirstBrand(stored, draft) : null;
  const errors = live && !live.ok ? fieldErrors(live.issues, index) : {};
  const youErrors = tried ? agentFieldErrors(you) : {};

  // The agent first: once the brand is stored this page says "already set up", so a failure
  // after it would leave the name unsaved with no form to retry it in.
  const saveBoth = async (settings: Parameters<typeof save.mutateAsync>[0]) => {
    try {
      if (you.name.trim() !== '' || you.email.trim() !== '') await saveMe.mutateAsync(you);
      const written = await save.mutateAsync(settings);
      const brand = written.brands[index];
      setSaved({ name: brand?.name ?? draft.name.trim(), firstXHandle: brand?.handles.x[0] });
      setStep('sidebar');
    } catch (error) {
      setSaveErrors(error instanceof SettingsValidationError ? error.errors : [plainErrorMessage(error)]);
    }
  };

  const onSubmit = () => {
    setTried(true);
    const checked = checkFirstBrand(stored, draft);
    if (!checked.ok || hasAgentErrors(agentFieldErrors(you))) {
      setRefused((count) => count + 1);
      return;
    }
    setSaveErrors([]);
    void saveBoth(checked.settings);
  };

  return (
    <Page step={step}>
      {loaded.data.error && (
        <p role="alert" className="welcome-warning">
          {loaded.data.error}
        </p>
      )}
      {step === 'brand' && (
        <div ref={formArea}>
          <BrandStep
            draft={draft}
            errors={errors}
            problems={live && !live.ok ? live.messages : saveErrors}
            saving={save.isPending || saveMe.isPending}
            onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))}
            onSubmit={onSubmit}
          >
            <YouFields you={you} errors={youErrors} onChange={(patch) => setYou((current) => ({ ...current, ...patch }))} />
          </BrandStep>
        </div>
      )}
      {step === 'sidebar' && saved && <SidebarStep brandName={saved.name} onContinue={() => setStep('done')} />}
      {step === 'done' && saved && <DoneStep brandName={saved.name} xSearch={xSearch(saved.name, saved.firstXHandle)} />}
    </Page>
  );
}

function Page({ step, children }: { step?: WelcomeStep; children: ReactNode }) {
  return (
    <main className="welcome">
      <header className="welcome-header">
        <p className="welcome-brand">CareSide</p>
        <h1>{t('welcome.title')}</h1>
        <p className="welcome-lead">{t('welcome.lead')}</p>
        {step && <StepList current={step} />}
      </header>
      {children}
    </main>
  );
}
