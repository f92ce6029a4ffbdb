import { browser } from 'wxt/browser';
import type { DeletedData } from '../messaging/protocol';
import { SETTINGS_STORAGE_KEY } from '../settings/schema';
import { AGENT_PROFILE_STORAGE_KEY } from '../settings/agent-profile';
import { SIDEBAR_LAYOUT_KEY, SIDEBAR_WIDTH_KEY } from '../settings/sidebar-layout';
import { SIDEBAR_POSITION_KEY } from '../settings/sidebar-position';
import { DISMISSED_POSTS_KEY } from '../settings/dismissed-posts';
import { DRAFTS_KEY } from '../replies/drafts';
import type { CaseStore } from './case-store';
import { parseNotificationId } from './notifications';
import { CHECKED_AT_KEY } from './reminders';
import { SPIRAL_STATE_KEY, type SpiralService } from './spirals';
import type { LearningService } from './learning';
import type { TeamService } from './team';

export interface DeleteAllDeps {
  store: CaseStore;
  spirals: Pick<SpiralService, 'reset'>;
  /** The team's corrections live in the case database too. */
  learning: Pick<LearningService, 'reset'>;
  /** Disconnected first, so nothing deleted here is synced and the credentials go; the server keeps the team's data. */
  team?: Pick<TeamService, 'status' | 'disconnect'> | undefined;
}

/**
 * Delete everything CareSide keeps: the case database (all stores), the session state (the
 * spiral window), the reminder bookkeeping, CareSide's alarms and open notifications, and the
 * settings only when asked; a team connection is ended (never the team's server data). Every
 * area is attempted; the first failure is thrown at the end.
 */
export async function deleteAllData(
  { store, spirals, learning, team }: DeleteAllDeps,
  { settings }: { settings: boolean },
): Promise<DeletedData> {
  const failures: unknown[] = [];
  const attempt = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      failures.push(error);
      return fallback;
    }
  };
  const connected = team?.status();
  const teamDb = connected?.configured ? await attempt(async () => (await team!.disconnect(), connected.database), undefined) : undefined;
  const cases = await attempt(() => store.use((repository) => repository.deleteAll()), 0);
  await attempt(() => learning.reset(), 0);
  await attempt(() => spirals.reset(), undefined);
  await attempt(clearSessionState, undefined);
  await attempt(
    () =>
      browser.storage.local.remove([
        CHECKED_AT_KEY,
        SPIRAL_STATE_KEY,
        DRAFTS_KEY,
        // Post keys the user dismissed name posts, like cases do: they go with the data.
        DISMISSED_POSTS_KEY,
        ...(settings ? [SETTINGS_STORAGE_KEY, AGENT_PROFILE_STORAGE_KEY, SIDEBAR_LAYOUT_KEY, SIDEBAR_WIDTH_KEY, SIDEBAR_POSITION_KEY] : []),
      ]),
    undefined,
  );
  const alarms = await attempt(clearAlarms, 0);
  const notifications = await attempt(clearNotifications, 0);
  if (failures.length > 0) throw failures[0];
  return { cases, notifications, alarms, settings, ...(teamDb ? { team: teamDb } : {}) };
}

/** storage.session where the browser has it; without it the spiral window lived in storage.local (removed above). */
async function clearSessionState(): Promise<void> {
  const session = (browser.storage as { session?: typeof browser.storage.local }).session;
  await session?.clear();
}

/** Every alarm of this extension is CareSide's (reminders and the tick); the next pass re-creates the tick. */
async function clearAlarms(): Promise<number> {
  const count = (await browser.alarms.getAll()).length;
  await browser.alarms.clearAll();
  return count;
}

async function clearNotifications(): Promise<number> {
  const ids = Object.keys(await browser.notifications.getAll());
  await Promise.all(ids.map((id) => browser.notifications.clear(id)));
  return ids.length;
}

/** Close the reminders still shown for these (deleted) cases; never throws. */
export async function clearCaseNotifications(caseIds: readonly string[]): Promise<void> {
  try {
    const gone = new Set(caseIds);
    const ids = Object.keys(await browser.notifications.getAll()).filter((id) => {
      const target = parseNotificationId(id);
      return target?.kind === 'case' && gone.has(target.caseId);
    });
    await Promise.all(ids.map((id) => browser.notifications.clear(id)));
  } catch (error) {
    console.warn('CareSide: could not close the reminders of deleted cases', error);
  }
}
