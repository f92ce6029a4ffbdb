import type { AgentDetails } from '../../lib/domain/agent';
import { t } from '../../lib/i18n/t';
import type { AgentField } from '../common/agent-form';
import { Field } from './BrandStep';

/** Step 1, about the agent: the name teammates see and an optional email (Options → You as an agent edits them later). */
export function YouFields({
  you,
  errors,
  onChange,
}: {
  you: AgentDetails;
  errors: Partial<Record<AgentField, string[]>>;
  onChange: (patch: Partial<AgentDetails>) => void;
}) {
  return (
    <>
      <h3>{t('welcome.youTitle')}</h3>
      <div className="welcome-grid">
        <Field label={t('welcome.yourName')} name="agentName" errors={errors.name} hint={t('welcome.yourNameHint')}>
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="name"
              value={you.name}
              onChange={(event) => onChange({ name: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('welcome.yourEmail')} name="agentEmail" errors={errors.email} hint={t('welcome.yourEmailHint')}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="email"
              value={you.email}
              onChange={(event) => onChange({ email: event.target.value })}
            />
          )}
        </Field>
      </div>
    </>
  );
}
