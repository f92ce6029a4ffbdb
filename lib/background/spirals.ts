import { browser } from 'wxt/browser';
import { isOpenStatus } from '../domain/case';
import type { PostKey } from '../domain/post';
import { ProtocolError } from '../messaging/errors';
import type { MessageHandlers } from '../messaging/server';
import { DEFAULT_SPIRAL_SETTINGS } from '../settings/schema';
import type { SettingsSource } from '../settings/source';
import { SpiralDetector, SpiralStateSchema, type Spiral, type SpiralComplaint, type SpiralState } from '../spirals';
import type { CaseStore } from './case-store';

/** Where the window survives a service-worker restart (storage.session: cleared when the browser closes). */
export const SPIRAL_STATE_KEY = 'careside:spirals';

export interface SpiralServiceDeps {
  /** Cases decide which complaints are still open. */
  store: Pick<CaseStore, 'use'>;
  /** The worker's settings (the spiral rules). */
  settings: SettingsSource;
  now: () => number;
  /** The active spirals changed: tell every view. */
  onChanged: () => void;
}

export interface SpiralService {
  /** Settled once the saved window and the settings are loaded. */
  readonly ready: Promise<void>;
  observe(complaints: readonly SpiralComplaint[]): Promise<{ accepted: number }>;
  active(): Promise<Spiral[]>;
  /** Re-check after something outside the window changed (a case was resolved). */
  refresh(): Promise<void>;
  /** Forget every complaint seen (all data deleted) and the saved window. */
  reset(): Promise<void>;
  /** Stop following settings changes. */
  stop(): void;
}

/** storage.session where the browser has it (Chrome MV3, Firefox 115+), else storage.local. */
function stateArea() {
  return (browser.storage as { session?: typeof browser.storage.local }).session ?? browser.storage.local;
}

async function readSavedState(): Promise<SpiralState | undefined> {
  try {
    const saved = (await stateArea().get(SPIRAL_STATE_KEY))[SPIRAL_STATE_KEY];
    if (saved === undefined || saved === null) return undefined;
    const parsed = SpiralStateSchema.safeParse(saved);
    if (parsed.success) return parsed.data;
    console.warn('CareSide: saved spiral window is not valid; starting a new one');
  } catch (error) {
    console.warn('CareSide: could not read the saved spiral window', error);
  }
  return undefined;
}

/** What a view shows of the spirals: when this changes, views must re-read. */
function signatureOf(spirals: readonly Spiral[]): string {
  return JSON.stringify(spirals.map((spiral) => [spiral.id, spiral.size, spiral.label, spiral.lastAt]));
}

/**
 * The background's one spiral detector: complaints from every tab go into one window, so a
 * spiral shows up whichever tabs its complaints were seen in. Work is serialised (one window,
 * many senders), the window is saved after each change, and settings changes apply at once.
 */
export function createSpiralService({ store, settings, now, onChanged }: SpiralServiceDeps): SpiralService {
  let detector = new SpiralDetector(DEFAULT_SPIRAL_SETTINGS);
  let shown = signatureOf([]);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const ready = serial(async () => {
    const [saved, loaded] = await Promise.all([readSavedState(), settings.current()]);
    detector = new SpiralDetector(loaded.settings.spirals, saved);
    // What views showed before the restart: no broadcast unless it changes.
    shown = signatureOf(detector.active(now()));
  });

  const closedAmong = async (postKeys: PostKey[]): Promise<Set<PostKey>> => {
    const cases = await store.use((repository) => repository.byPostKeys(postKeys));
    return new Set(cases.filter((found) => !isOpenStatus(found.status)).map((found) => found.postKey));
  };

  const save = async () => {
    try {
      await stateArea().set({ [SPIRAL_STATE_KEY]: detector.state() });
    } catch (error) {
      console.warn('CareSide: could not save the spiral window', error);
    }
  };

  /** Current spirals without closed cases; saves and notifies when what views show changed. */
  const current = async (): Promise<Spiral[]> => {
    const at = now();
    let spirals = detector.active(at);
    if (spirals.length > 0) {
      const closed = await closedAmong(spirals.flatMap((spiral) => spiral.postKeys));
      if (closed.size > 0) spirals = detector.active(at, (postKey) => !closed.has(postKey));
    }
    const signature = signatureOf(spirals);
    if (signature !== shown) {
      shown = signature;
      await save();
      onChanged();
    }
    return spirals;
  };

  const stopWatching = settings.subscribe((loaded) => {
    void serial(async () => {
      detector.setRules(loaded.settings.spirals);
      await current();
    }).catch((error: unknown) => console.warn('CareSide: could not apply new spiral settings', error));
  });

  return {
    ready,
    observe: (complaints) =>
      serial(async () => {
        const accepted = detector.observe(complaints, now());
        if (accepted > 0) {
          await save();
          await current();
        }
        return { accepted };
      }),
    active: () => serial(current),
    refresh: () => serial(async () => void (await current())),
    reset: () =>
      serial(async () => {
        detector = new SpiralDetector((await settings.current()).settings.spirals);
        await stateArea().remove(SPIRAL_STATE_KEY);
        // Views showing a spiral re-read (and find none).
        await current();
      }),
    stop: stopWatching,
  };
}

/** The protocol's spiral messages. A content script reports complaints from its own site only. */
export function createSpiralHandlers(spirals: SpiralService): Pick<MessageHandlers, 'spirals/observe' | 'spirals/active'> {
  return {
    'spirals/observe': async ({ complaints }, { sitePlatform }) => {
      const foreign = sitePlatform ? complaints.find((complaint) => complaint.platform !== sitePlatform) : undefined;
      if (foreign) throw new ProtocolError('forbidden_sender', `A ${sitePlatform} tab cannot report ${foreign.platform} posts`);
      return spirals.observe(complaints);
    },
    'spirals/active': async () => ({ spirals: await spirals.active() }),
  };
}
