// PouchDB's packages ship no types; these say only what CareSide calls. lib/sync/pouch.ts
// types the database handle itself.
interface PouchConstructor {
  new (name: string, options?: Record<string, unknown>): unknown;
  plugin(plugin: unknown): PouchConstructor;
  defaults(options: Record<string, unknown>): PouchConstructor;
}

declare module 'pouchdb-core' {
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-browser' {
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  const expressPouchDB: (pouch: PouchConstructor, options?: Record<string, unknown>) => RequestListener;
  export default expressPouchDB;
}
