import { describe, expect, it, vi } from 'vitest';
import type { Presence } from '../domain/presence';
import type { AgentSource } from './agents';
import { createPresenceService, type PresenceChannel } from './presence';

const NOW = Date.UTC(2026, 0, 1);

function agentsSpy() {
  const current = vi.fn(() => Promise.resolve({ id: 'me', name: 'Me' }));
  const agents: AgentSource = {
    current,
    ids: () => Promise.resolve(['me']),
    setTeamUser: () => undefined,
    detailsChanged: () => undefined,
    onDetailsChanged: () => () => undefined,
  };
  return { agents, current };
}

function channelWith(initial: Presence[]): PresenceChannel & { push(records: Presence[]): void } {
  let listener: (records: Presence[]) => void = () => undefined;
  return {
    publishPresence: () => Promise.resolve(),
    clearPresence: () => Promise.resolve(),
    onPresence: (next) => ((listener = next), next(initial), () => undefined),
    push: (records) => listener(records),
  };
}

const priya: Presence = { agentId: 'priya', name: 'Priya', postKey: 'x:1', since: NOW, expiresAt: NOW + 60_000 };

describe('presence service', () => {
  it('a start with nobody replying asks for no agent (no profile read on a worker wake)', async () => {
    const { agents, current } = agentsSpy();
    const onChanged = vi.fn();
    createPresenceService({ agents, now: () => NOW, onChanged, channel: channelWith([]) });
    await new Promise((done) => setTimeout(done, 0));
    expect(current).not.toHaveBeenCalled();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('names the posts when a teammate starts and stops replying', async () => {
    const { agents } = agentsSpy();
    const onChanged = vi.fn();
    const channel = channelWith([]);
    createPresenceService({ agents, now: () => NOW, onChanged, channel });
    channel.push([priya]);
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledWith(['x:1']));
    channel.push([]);
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(onChanged).toHaveBeenLastCalledWith(['x:1']);
  });
});
