import { toPageCase } from '../domain/page-case';
import type { Post, PostKey } from '../domain/post';
import { ProtocolError } from '../messaging/errors';
import type { MessageHandlers } from '../messaging/server';
import type { TargetsSource } from './targets';
import { createWorkflowHandlers, guardOf } from './workflow-handlers';
import type { CaseStore } from './case-store';
import { createSpiralHandlers, type SpiralService } from './spirals';
import { createDataHandlers } from './data-handlers';
import { brandTermsFor, createTriageHandlers, triageAtLogFor, type TriageStats } from './triage';
import { createLearningHandlers } from './learning-handlers';
import type { LearningService } from './learning';
import type { SettingsSource } from '../settings/source';
import { loadSettings } from '../settings/store';
import { loadTeamAgents } from '../settings/agent-store';
import { notLoggedMessage, postLinkProblem } from '../sites/origins';
import { createTeamHandlers } from './team-handlers';
import type { TeamService } from './team';
import { createAgentHandlers } from './agent-handlers';
import type { AgentSource } from './agents';
import type { PresenceService } from './presence';

export interface CaseHandlerDeps {
  /** Opens the extension's options page. */
  openOptionsPage: () => Promise<void>;
  store: CaseStore;
  /** Called after a change is committed, with the posts whose case changed. */
  onChanged: (postKeys: PostKey[]) => void;
  now: () => number;
  /** Configured first-response targets. */
  targets: TargetsSource;
  /** The cross-tab spiral window (spirals/observe, spirals/active). */
  spirals: SpiralService;
  /** Where posts/triage adds up its work (defaults to a private counter). */
  triageStats?: TriageStats;
  /** The worker's settings (the brands whose terms triage masks). */
  settings: SettingsSource;
  /** The team's corrections and the adaptive triage layer fitted on them. */
  learning: LearningService;
  /** The team workspace's connection and sync (options Team section, popup sync line). */
  team: TeamService;
  /** Who this install's agent is (the team user while connected). */
  agents: AgentSource;
  /** Who is replying to what. */
  presence: PresenceService;
}

/** A case is logged whether or not learning works: a failure to learn is only worth a warning. */
async function learnFromLogging(learning: LearningService, post: Post, brandTerms: readonly string[]): Promise<void> {
  try {
    await learning.correct(post, 'complaint', 'case', brandTerms);
  } catch (error) {
    console.warn('CareSide: could not learn from a logged case', error);
  }
}

/** The protocol's handlers over the case store. */
export function createCaseHandlers(deps: CaseHandlerDeps): MessageHandlers {
  const { store, onChanged, now, openOptionsPage, spirals, targets, learning } = deps;
  return {
    ...createSpiralHandlers(spirals),
    ...createTriageHandlers(now, deps.triageStats ?? { requests: 0, posts: 0, ms: 0 }, deps.settings, learning),
    ...createLearningHandlers(learning),
    ...createWorkflowHandlers({
      store,
      onChanged,
      now,
      targets,
      brands: async () => (await deps.settings.current()).settings.brands,
      teammates: async () => [await deps.agents.current(), ...(await loadTeamAgents())],
    }),
    ...createDataHandlers({ store, spirals, learning, team: deps.team, onChanged }),
    ...createTeamHandlers(deps.team),
    ...createAgentHandlers({ store, agents: deps.agents, presence: deps.presence, onChanged, now }),
    'cases/log': async ({ post, brandIds }, { sitePlatform }) => {
      if (sitePlatform && post.platform !== sitePlatform) {
        throw new ProtocolError('forbidden_sender', `A ${sitePlatform} tab cannot log a ${post.platform} post`);
      }
      const linkProblem = postLinkProblem(post);
      if (linkProblem) throw new ProtocolError('bad_request', notLoggedMessage(linkProblem));
      const atLog = triageAtLogFor(post, brandIds, (await deps.settings.current()).settings.brands, now());
      const result = await store.use((repository) => repository.logPost(post, brandIds, now(), atLog));
      // A case that took the whole text of a post logged cut ("Show more") changed for every tab too.
      if (result.created || result.refreshed) onChanged([result.case.postKey]);
      // Logging a post is the team calling it a complaint: the layer learns from that too.
      if (result.created) await learnFromLogging(learning, post, await brandTermsFor(deps.settings));
      return { case: toPageCase(result.case), created: result.created };
    },
    // A tab sees only cases of its own site: an x.com page never learns about a Facebook case.
    'cases/byPostKeys': async ({ postKeys }, { sitePlatform }) => {
      const asked = sitePlatform ? postKeys.filter((postKey) => postKey.startsWith(`${sitePlatform}:`)) : postKeys;
      return { cases: (await store.use((repository) => repository.byPostKeys(asked))).map(toPageCase) };
    },
    'cases/summary': () => store.use((repository) => repository.summary()),
    // Read afresh, not from the worker's settings source: a tab asks right after a storage change,
    // which the source may not have re-read yet.
    'settings/current': () => loadSettings(),
    'options/open': async () => {
      await openOptionsPage();
      return { opened: true };
    },
    'cases/setStatus': async ({ caseId, status }, ctx) => {
      const result = await store.use((repository) => repository.setStatus(caseId, status, now(), guardOf(ctx)));
      if (result.changed) onChanged([result.case.postKey]);
      return { case: toPageCase(result.case) };
    },
  };
}
