import { AgentDetailsSchema, type AgentDetails } from '../../lib/domain/agent';
import { CASE_LIMITS } from '../../lib/domain/limits';
import { t } from '../../lib/i18n/t';

export type AgentField = keyof AgentDetails;

/** What is wrong with each field, worded for the agent; empty lists when the details can be saved. */
export function agentFieldErrors(fields: AgentDetails): Record<AgentField, string[]> {
  const errors: Record<AgentField, string[]> = { name: [], email: [] };
  const checked = AgentDetailsSchema.safeParse(fields);
  if (checked.success) return errors;
  for (const issue of checked.error.issues) {
    const field = issue.path[0];
    if (field === 'name') errors.name.push(t('agents.nameTooLong', { max: String(CASE_LIMITS.personName) }));
    else if (field === 'email') errors.email.push(t('agents.badEmail'));
  }
  return errors;
}

export const hasAgentErrors = (errors: Record<AgentField, string[]>): boolean => errors.name.length + errors.email.length > 0;
