import { browser } from 'wxt/browser';
import { caseClock } from '../cases/case-clock';
import { UNNAMED_AGENT } from '../merge/hlc';
import type { PostKey } from '../domain/post';
import {
  MAX_REFUSED_LISTED,
  TEAM_CONNECTION_STORAGE_KEY,
  teamConnectionFromStorage,
  type ConnectionCheck,
  type RefusedChange,
  type TeamConnection,
  type TeamStatus,
  type TeamSyncStatus,
} from '../domain/team-connection';
import { checkTeamConnection } from '../sync/connection-check';
import { describeRefusals } from '../sync/refused-changes';
import { postKeyOfDocId } from '../sync/docs';
import type { PouchLike } from '../sync/pouch';
import { TeamSync, plainReason } from '../sync/team-sync';
import type { CaseStore } from './case-store';

/** How the service reaches PouchDB: pouchdb-browser in the extension, the memory adapter in tests. */
export interface TeamPouchFactory {
  /** Make PouchDB ready before the first replica or remote is opened (pouchdb-browser is evaluated only then). */
  load?: () => Promise<void>;
  replica(connection: TeamConnection): PouchLike;
  remote(connection: TeamConnection): PouchLike;
}

export interface TeamServiceDeps {
  store: CaseStore;
  pouch: TeamPouchFactory;
  now: () => number;
  /** Cases the team changed were merged into the store: tell the views, re-plan reminders. */
  onCasesChanged: (postKeys: PostKey[]) => void;
  /** The status the views show changed (popup, options). */
  onStatus: (status: TeamStatus) => void;
  check?: (connection: TeamConnection) => Promise<ConnectionCheck>;
  /** Sync started (the team user and this install's replica) or stopped (undefined): agents and presence follow. */
  onRunning?: (running: { user: string; replica: PouchLike } | undefined) => void;
  /** browser.alarms by default. */
  alarms?: Pick<typeof browser.alarms, 'create' | 'clear'>;
}

/**
 * Set while local changes wait to reach the team (re-set at each status change, so it fires only
 * once the worker has gone quiet): Chrome stops an idle worker, or one is killed mid-push, and
 * nothing else would wake it to finish; this wakes it, and every start resumes the sync, which
 * pushes every case. 30 s is the shortest alarm Chrome allows.
 */
export const TEAM_PUSH_ALARM = 'careside:team-push';
const TEAM_PUSH_ALARM_MINUTES = 0.5;

export interface TeamService {
  status(): TeamStatus;
  /** Start syncing if a team is configured (every worker start). Never rejects. */
  resume(): Promise<void>;
  test(connection: TeamConnection): Promise<ConnectionCheck>;
  /** Check, then store the connection and start syncing; a failed check stores nothing. */
  connect(connection: TeamConnection): Promise<{ check: ConnectionCheck; status: TeamStatus }>;
  /** Stop syncing and forget the credentials; the cases stay in this browser. */
  disconnect(): Promise<TeamStatus>;
  /** Local writes to these posts' cases: copy them to the replica. Never waits on the network. */
  pushChanged(postKeys: readonly PostKey[]): void;
  /** The changes the server refused, with the case refs they belong to (empty without a team). */
  refused(): Promise<RefusedChange[]>;
  /** Stop listing and counting these refused changes pending; the cases keep them. */
  discardRefused(ids: readonly string[]): Promise<TeamStatus>;
}

interface Running {
  connection: TeamConnection;
  sync: TeamSync;
  replica: PouchLike;
  remote: PouchLike;
}

/**
 * The background's team sync lifecycle. Without a stored connection nothing is constructed
 * (no PouchDB at all); with one, TeamSync replicates live between the case store and the team
 * database until Disconnect, and starts again on every worker start.
 */
export function createTeamService(deps: TeamServiceDeps): TeamService {
  const check = deps.check ?? ((connection: TeamConnection) => checkTeamConnection(connection));
  let running: Running | undefined;
  let syncStatus: TeamSyncStatus = { state: 'starting', pending: 0 };
  // Start, connect and disconnect one at a time: a worker start racing a Connect must not build two syncs.
  let lifecycle: Promise<unknown> = Promise.resolve();
  const watchUnsent = unsentChangesAlarm(deps.alarms ?? browser.alarms);
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = lifecycle.then(work, work);
    lifecycle = next.catch(() => undefined);
    return next;
  };

  const status = (): TeamStatus => {
    if (!running) return { configured: false };
    const { serverUrl, database, user } = running.connection;
    return { configured: true, serverUrl, database, user, sync: syncStatus };
  };

  const start = (connection: TeamConnection) => {
    caseClock.setAgent(connection.user);
    const replica = deps.pouch.replica(connection);
    const remote = deps.pouch.remote(connection);
    syncStatus = { state: 'starting', pending: 0 };
    const sync = new TeamSync({
      db: () => deps.store.db(),
      local: replica,
      remote,
      agent: connection.user,
      now: deps.now,
      onCasesChanged: deps.onCasesChanged,
      onStatus: (next) => {
        if (running?.sync !== sync) return;
        syncStatus = next;
        watchUnsent(next);
        deps.onStatus(status());
      },
    });
    running = { connection, sync, replica, remote };
    sync.start();
    deps.onRunning?.({ user: connection.user, replica });
    deps.onStatus(status());
  };

  const stop = async () => {
    const current = running;
    running = undefined;
    if (!current) return;
    await current.sync.stop();
    await Promise.all([current.replica.close(), current.remote.close()]).catch(() => undefined);
    watchUnsent(undefined);
    caseClock.setAgent(UNNAMED_AGENT);
    deps.onRunning?.(undefined);
  };

  return {
    status,
    resume: () =>
      serially(async () => {
        if (running) return;
        try {
          const stored = await browser.storage.local.get(TEAM_CONNECTION_STORAGE_KEY);
          const connection = teamConnectionFromStorage(stored[TEAM_CONNECTION_STORAGE_KEY]);
          if (!connection) return;
          await deps.pouch.load?.();
          start(connection);
        } catch (error) {
          // Never the connection itself: it holds the password.
          console.warn('CareSide: could not start team sync', plainReason(error));
        }
      }),
    test: (connection) => check(connection),
    connect: (connection) =>
      serially(async () => {
        const result = await check(connection);
        if (!result.ok) return { check: result, status: status() };
        await stop();
        await deps.pouch.load?.();
        await browser.storage.local.set({ [TEAM_CONNECTION_STORAGE_KEY]: connection });
        start(connection);
        return { check: result, status: status() };
      }),
    disconnect: () =>
      serially(async () => {
        // Refused on this connection: after it, nobody would ever clear them (the replica is kept).
        await running?.sync
          .clearRefused()
          .catch((error: unknown) => console.warn('CareSide: could not clear refused changes', plainReason(error)));
        await stop();
        await browser.storage.local.remove(TEAM_CONNECTION_STORAGE_KEY);
        deps.onStatus(status());
        return status();
      }),
    refused: async () => {
      const refusals = running?.sync.refusedChanges().slice(0, MAX_REFUSED_LISTED) ?? [];
      return describeRefusals(refusals, await refsOf(deps.store, refusals));
    },
    discardRefused: (ids) =>
      serially(async () => {
        await running?.sync.discardRefused(ids);
        return status();
      }),
    pushChanged: (postKeys) => {
      if (!running || postKeys.length === 0) return;
      const { sync } = running;
      void sync
        .push(postKeys)
        .catch((error: unknown) => console.warn('CareSide: could not queue changes for the team', plainReason(error)));
    },
  };
}

/** The refs of the cases these refused documents belong to, by post key (one read). */
async function refsOf(store: CaseStore, refusals: readonly { id: string }[]): Promise<Map<PostKey, string>> {
  const postKeys = [...new Set(refusals.map((refusal) => postKeyOfDocId(refusal.id)).filter((key) => key !== undefined))];
  if (postKeys.length === 0) return new Map();
  const cases = await store.use((repository) => repository.byPostKeys(postKeys));
  return new Map(cases.map((item) => [item.postKey, item.ref]));
}

/** Keeps TEAM_PUSH_ALARM set while the status has changes to send (refused ones never go: not those). */
function unsentChangesAlarm(alarms: Pick<typeof browser.alarms, 'create' | 'clear'>): (sync: TeamSyncStatus | undefined) => void {
  let armed = false;
  const warn = (error: unknown) => console.warn('CareSide: could not set the team sync alarm', plainReason(error));
  return (sync) => {
    const unsent = !!sync && sync.pending > 0 && sync.state !== 'error';
    if (unsent) void Promise.resolve(alarms.create(TEAM_PUSH_ALARM, { delayInMinutes: TEAM_PUSH_ALARM_MINUTES })).catch(warn);
    else if (armed) void Promise.resolve(alarms.clear(TEAM_PUSH_ALARM)).catch(warn);
    armed = unsent;
  };
}
