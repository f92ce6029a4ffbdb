import { changedPosts, whoIsReplying } from '../agents/presence';
import type { PostKey } from '../domain/post';
import { PRESENCE_TTL_MS, type Presence, type Replying } from '../domain/presence';
import type { AgentSource } from './agents';

/**
 * Where presence records live. Without a team: this worker's memory (only this agent, so nobody
 * is ever shown). With a team: lib/sync/team-presence.ts `TeamPresence` on the replica, which
 * the team sync hands over with `PresenceService.switchChannel`.
 */
export interface PresenceChannel {
  publishPresence(presence: Omit<Presence, 'expiresAt'>): Promise<unknown>;
  clearPresence(agentId: string, postKey: PostKey): Promise<void>;
  onPresence(listener: (records: Presence[]) => void): () => void;
  purgeExpired?(): Promise<number>;
}

export interface PresenceService {
  /** This agent opened (again, to refresh) or closed a post's reply panel. */
  setReplying(postKey: PostKey, replying: boolean): Promise<void>;
  /** Other agents replying now. */
  replying(): Promise<Replying[]>;
  /** Switch to another channel (the team's when it connects, the local one when it stops). */
  switchChannel(channel: PresenceChannel): void;
}

/** In-memory presence for an install without a team. */
export function createLocalPresenceChannel(now: () => number, ttlMs = PRESENCE_TTL_MS): PresenceChannel {
  const records = new Map<string, Presence>();
  const listeners = new Set<(records: Presence[]) => void>();
  const report = () => listeners.forEach((listener) => listener([...records.values()]));
  const key = (agentId: string, postKey: PostKey) => `${agentId}\u0000${postKey}`;
  return {
    publishPresence(presence) {
      records.set(key(presence.agentId, presence.postKey), { ...presence, expiresAt: now() + ttlMs });
      report();
      return Promise.resolve();
    },
    clearPresence(agentId, postKey) {
      if (records.delete(key(agentId, postKey))) report();
      return Promise.resolve();
    },
    onPresence(listener) {
      listeners.add(listener);
      listener([...records.values()]);
      return () => listeners.delete(listener);
    },
  };
}

export function createPresenceService(deps: {
  agents: AgentSource;
  now: () => number;
  /**
   * Who is replying to these posts changed (a teammate opened or closed a panel, or it expired):
   * views showing them read it again. A refresh that changes nothing shown is not reported.
   */
  onChanged: (postKeys: PostKey[]) => void;
  channel?: PresenceChannel;
}): PresenceService {
  const { agents, now, onChanged } = deps;
  let records: Presence[] = [];
  // What views were last told, so only the posts whose replying agents changed are named.
  let shown: Replying[] = [];
  let stop: (() => void) | undefined;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  const opened = new Map<PostKey, number>();

  const report = async () => {
    // Nobody recorded and nobody shown: nothing can change, and a worker start reads no agent profile for it.
    if (records.length === 0 && shown.length === 0) return;
    const me = await agents.current();
    const next = whoIsReplying(records, now(), me.id);
    const changed = changedPosts(shown, next);
    shown = next;
    if (changed.length > 0) onChanged(changed);
  };
  const reportSoon = () => void report().catch((error: unknown) => console.warn('CareSide: could not report presence', error));
  // A shown presence that expires changes what views show without any write: report it then.
  const planExpiry = () => {
    clearTimeout(expiryTimer);
    const next = Math.min(...records.map((record) => record.expiresAt).filter((at) => at > now()));
    if (Number.isFinite(next)) expiryTimer = setTimeout(reportSoon, next - now() + 50);
  };
  const switchChannel = (channel: PresenceChannel) => {
    stop?.();
    records = [];
    stop = channel.onPresence((next) => {
      records = next;
      planExpiry();
      reportSoon();
      void channel.purgeExpired?.().catch(() => undefined);
    });
    current = channel;
    // The records of the channel left behind are gone: whoever they showed stops showing.
    reportSoon();
  };
  let current: PresenceChannel = deps.channel ?? createLocalPresenceChannel(now);
  switchChannel(current);

  return {
    async setReplying(postKey, replying) {
      const me = await agents.current();
      if (!replying) {
        opened.delete(postKey);
        return current.clearPresence(me.id, postKey);
      }
      const since = opened.get(postKey) ?? now();
      opened.set(postKey, since);
      await current.publishPresence({ agentId: me.id, name: me.name, postKey, since });
    },
    async replying() {
      const me = await agents.current();
      return whoIsReplying(records, now(), me.id);
    },
    switchChannel,
  };
}
