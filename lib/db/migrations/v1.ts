import type { Migration } from './types';

// Frozen at v1: never replace these with imports from today's schema.
const STORE = 'cases';
const INDEXES: readonly { name: string; keyPath: string | string[]; unique: boolean }[] = [
  { name: 'status', keyPath: 'status', unique: false },
  { name: 'platform', keyPath: 'platform', unique: false },
  { name: 'updatedAt', keyPath: 'updatedAt', unique: false },
  { name: 'createdAt', keyPath: 'createdAt', unique: false },
  { name: 'postKey', keyPath: 'postKey', unique: true },
  { name: 'ref', keyPath: 'ref', unique: true },
  { name: 'platform_status', keyPath: ['platform', 'status'], unique: false },
  { name: 'status_createdAt', keyPath: ['status', 'createdAt'], unique: false },
];

export const v1: Migration = {
  version: 1,
  description: 'cases store keyed by id, with status/platform/time indexes and unique postKey and ref',
  migrate(db) {
    const store = db.createObjectStore(STORE, { keyPath: 'id' });
    for (const index of INDEXES) store.createIndex(index.name, index.keyPath, { unique: index.unique });
  },
};
