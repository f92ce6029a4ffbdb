import { browser } from 'wxt/browser';
import { DRAFTS_KEY, readDrafts, withDraft } from '../../replies/drafts';

/** Where the case panel keeps the agent's unsent reply per case (lib/replies/drafts.ts). */
export interface DraftStore {
  load(caseId: string): Promise<string | undefined>;
  /** Keep `text` as the case's draft; an empty text removes it. */
  save(caseId: string, text: string): Promise<void>;
}

export function createDraftStore(now: () => number = Date.now): DraftStore {
  const read = async () => readDrafts((await browser.storage.local.get(DRAFTS_KEY))[DRAFTS_KEY]);
  // One write at a time: two quick saves must not read the same old map and lose one.
  let writes: Promise<void> = Promise.resolve();
  return {
    async load(caseId) {
      try {
        return (await read())[caseId]?.text;
      } catch {
        return undefined; // No draft is better than no panel.
      }
    },
    save(caseId, text) {
      writes = writes
        .then(async () => browser.storage.local.set({ [DRAFTS_KEY]: withDraft(await read(), caseId, text, now()) }))
        .catch((error: unknown) => console.warn('[CareSide] could not keep the reply draft:', error));
      return writes;
    },
  };
}
