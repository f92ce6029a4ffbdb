import type { PostKey } from '../domain/post';
import type { Presence, Replying } from '../domain/presence';

/**
 * Who is replying, decided from a set of presence records and the time: a record counts until
 * its `expiresAt` (a panel closed without saying so, a browser that crashed, stops counting by
 * itself). This agent's own presence is never shown back to it. One entry per agent and post
 * (the latest expiry wins when a refresh and the old record are both held), earliest first.
 */
export function whoIsReplying(records: Iterable<Presence>, now: number, myAgentId: string): Replying[] {
  const latest = new Map<string, Presence>();
  for (const record of records) {
    if (record.expiresAt <= now || record.agentId === myAgentId) continue;
    const key = `${record.agentId}\u0000${record.postKey}`;
    const held = latest.get(key);
    if (!held || held.expiresAt < record.expiresAt) latest.set(key, record);
  }
  return [...latest.values()]
    .sort((a, b) => a.since - b.since || a.agentId.localeCompare(b.agentId))
    .map(({ agentId, name, postKey, since }) => ({ agentId, name, postKey, since }));
}

/** The records to purge: expired ones (anyone may delete them; they say nothing any more). */
export function expiredPresence<T extends Presence>(records: Iterable<T>, now: number): T[] {
  return [...records].filter((record) => record.expiresAt <= now);
}

/** The names replying to each post, for the rows that show them. */
export function replyingByPost(replying: readonly Replying[]): Map<PostKey, string[]> {
  const byPost = new Map<PostKey, string[]>();
  for (const entry of replying) {
    const names = byPost.get(entry.postKey) ?? [];
    if (!names.includes(entry.name)) names.push(entry.name);
    byPost.set(entry.postKey, names);
  }
  return byPost;
}

/**
 * The posts whose replying agents differ between two answers of whoIsReplying: the rows and
 * inline controls that must show something else.
 */
export function changedPosts(before: readonly Replying[], after: readonly Replying[]): PostKey[] {
  const agentsOf = (replying: readonly Replying[]) => {
    const byPost = new Map<PostKey, string>();
    for (const { postKey, agentId, name } of replying) byPost.set(postKey, `${byPost.get(postKey) ?? ''}${agentId}\u0000${name}\u0001`);
    return byPost;
  };
  const old = agentsOf(before);
  const next = agentsOf(after);
  return [...new Set([...old.keys(), ...next.keys()])].filter((postKey) => old.get(postKey) !== next.get(postKey));
}
