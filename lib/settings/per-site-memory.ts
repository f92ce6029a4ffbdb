import { browser } from 'wxt/browser';
import type { Platform } from '../domain/post';

/** A schema of the stored record (zod's safeParse shape), checked only when the record is read. */
interface RecordSchema<T> {
  safeParse(value: unknown): { success: true; data: Record<string, T> } | { success: false };
}

export interface PerSiteMemory<T> {
  /** The value last left on `platform`; the fallback when none was, or storage cannot be read. */
  load: (platform: Platform) => Promise<T>;
  /** Remember `value` for `platform`; a failure only costs the memory, never the page. */
  save: (platform: Platform, value: T) => Promise<void>;
}

/**
 * One value per site in storage.local under `key`, as the user left it (the sidebar's mode, width
 * and spot): a record keyed by platform, so one site's choice never moves another's. A malformed
 * record reads as empty; `normalise` makes any read or written value one the page can use.
 */
export function perSiteMemory<T>(options: {
  key: string;
  schema: RecordSchema<T>;
  fallback: T;
  /** Named in the console when a write fails ("width", "position", …). */
  what: string;
  normalise?: (value: T) => T;
}): PerSiteMemory<T> {
  const { key, schema, fallback, what, normalise = (value: T) => value } = options;
  const readAll = async (): Promise<Record<string, T>> => {
    const parsed = schema.safeParse((await browser.storage.local.get(key))[key]);
    return parsed.success ? parsed.data : {};
  };
  return {
    load: async (platform) => {
      try {
        const value = (await readAll())[platform];
        return value === undefined ? fallback : normalise(value);
      } catch {
        return fallback;
      }
    },
    save: async (platform, value) => {
      try {
        await browser.storage.local.set({ [key]: { ...(await readAll()), [platform]: normalise(value) } });
      } catch (error) {
        console.warn(`[CareSide] could not remember the sidebar ${what}:`, error);
      }
    },
  };
}
