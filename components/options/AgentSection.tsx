import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import type { AgentDetails } from '../../lib/domain/agent';
import { plainErrorMessage } from '../../lib/domain/errors';
import { t } from '../../lib/i18n/t';
import { meQuery, saveMeMutation } from '../../lib/queries/agents';
import { agentFieldErrors, hasAgentErrors } from '../common/agent-form';
import { TextField } from './TextField';

type Outcome = { kind: 'success' | 'error'; text: string } | null;

/**
 * Options → You as an agent: the name teammates see ("Priya is replying", the roster, an
 * assignee) and an email. This browser's own, like the team connection: its own form, saved at
 * once, never in the settings export.
 */
export function AgentSection() {
  const id = useId();
  const me = useQuery(meQuery());
  if (me.isError) {
    return (
      <AgentSectionFrame id={id}>
        <p className="options-warning" data-testid="options-agent-unreadable">
          {t('agents.profileUnreadable', { error: plainErrorMessage(me.error) })}
        </p>
      </AgentSectionFrame>
    );
  }
  if (!me.data) return null;
  const { agent } = me.data;
  // A name left empty is stored empty: the agent id stands in for it.
  const stored: AgentDetails = { name: agent.name === agent.id ? '' : agent.name, email: agent.email ?? '' };
  return (
    <AgentSectionFrame id={id}>
      <AgentForm key={agent.id} agentId={agent.id} stored={stored} />
    </AgentSectionFrame>
  );
}

function AgentSectionFrame({ id, children }: { id: string; children: ReactNode }) {
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`} data-testid="options-agent">
      <h2 id={`${id}-heading`}>{t('agents.profileHeading')}</h2>
      <p className="options-hint">{t('agents.profileHint')}</p>
      {children}
    </section>
  );
}

function AgentForm({ agentId, stored }: { agentId: string; stored: AgentDetails }) {
  const queryClient = useQueryClient();
  const save = useMutation(saveMeMutation(queryClient));
  const [fields, setFields] = useState<AgentDetails>(stored);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [showProblems, setShowProblems] = useState(false);
  const problems = agentFieldErrors(fields);
  const shown = showProblems ? problems : { name: [], email: [] };
  const edit = (patch: Partial<AgentDetails>) => {
    setFields({ ...fields, ...patch });
    setOutcome(null);
  };
  const onSave = () => {
    setShowProblems(true);
    setOutcome(null);
    if (hasAgentErrors(problems)) return;
    save.mutate(fields, {
      onSuccess: () => setOutcome({ kind: 'success', text: t('agents.profileSaved') }),
      onError: (error) => setOutcome({ kind: 'error', text: t('agents.profileNotSaved', { error: plainErrorMessage(error) }) }),
    });
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <TextField
        label={t('agents.name')}
        name="agent-name"
        value={fields.name}
        autoComplete="name"
        hint={t('agents.nameHint')}
        errors={shown.name}
        onChange={(name) => edit({ name })}
      />
      <TextField
        label={t('agents.email')}
        name="agent-email"
        value={fields.email}
        inputMode="email"
        autoComplete="email"
        errors={shown.email}
        onChange={(email) => edit({ email })}
      />
      <p className="options-hint" data-testid="options-agent-id">
        {t('agents.agentId', { id: agentId })}
      </p>
      <div className="options-row">
        <button type="submit" className="primary" disabled={save.isPending} data-testid="options-agent-save">
          {t('agents.saveProfile')}
        </button>
      </div>
      {outcome && (
        <p
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          className={`options-team-result options-message-${outcome.kind}`}
          data-testid="options-agent-result"
        >
          {outcome.text}
        </p>
      )}
    </form>
  );
}
