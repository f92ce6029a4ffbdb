import type { Migration } from './types';

// Frozen at v4: never replace these names with imports from today's code.
const CORRECTIONS = 'corrections';

export const v4: Migration = {
  version: 4,
  description: 'corrections: the team’s own complaint calls, keyed by post, which the adaptive triage layer learns from',
  migrate(db) {
    const store = db.createObjectStore(CORRECTIONS, { keyPath: 'postKey' });
    // Oldest first: the layer is fitted in this order and the oldest go past the limit.
    store.createIndex('at', 'at');
  },
};
