// Test-only: validate_doc_update in the in-process PouchDB Server, run as CouchDB 3 runs it.
//
// express-pouchdb's own validation (pouchdb-validation 4.2.0) sets every incoming document's
// `_revisions` to the stored document's before validating (pouchdb-server#419, fix #420 never
// merged). For a replicated write (`_bulk_docs` with new_edits=false) `_revisions` IS the
// revision being written, so an update of an existing document becomes "the revision you already
// have" and is silently dropped: no error, no `denied`, the server keeps the old revision.
// CouchDB validates a replicated revision unchanged, against its nearest stored ancestor
// (couch_db.erl prep_and_validate_replicated_updates), and skips revisions it already has. This
// wrapper does that, with the same function evaluator, so tests run the design document that
// `npm run team:setup` installs in production.
import { createRequire } from 'node:module';
import type { PouchDoc } from './pouch';

interface RevisionsDoc extends PouchDoc {
  _revisions?: { start: number; ids: string[] };
}

interface UserCtx {
  db?: string;
  name: string | null;
  roles: string[];
}

interface BulkArgs {
  base: ServerDb;
  docs: RevisionsDoc[];
  options: { new_edits?: boolean; userCtx?: UserCtx; secObj?: unknown };
}

interface ServerDb {
  get(id: string, options?: { rev?: string; revs?: boolean }): Promise<RevisionsDoc>;
  allDocs(options: { startkey: string; endkey: string; include_docs: true }): Promise<{ rows: { doc?: DesignDoc }[] }>;
  revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing?: string[] }>>;
  info(): Promise<{ db_name: string }>;
}

interface DesignDoc extends PouchDoc {
  validate_doc_update?: string;
}

type ValidateFunction = (newDoc: unknown, oldDoc: unknown, userCtx: UserCtx, secObj: unknown) => void;

interface WriteError {
  error: true;
  id: string;
  status: number;
  name: string;
  message: string;
}

/** The modules express-pouchdb itself validates with, resolved as it resolves them. */
const fromExpressPouch = createRequire(createRequire(import.meta.url).resolve('express-pouchdb'));
const fromValidation = createRequire(fromExpressPouch.resolve('pouchdb-validation'));
const wrappers = fromExpressPouch('pouchdb-wrappers') as {
  installWrapperMethods(db: unknown, handlers: { bulkDocs: (orig: () => Promise<unknown[]>, args: BulkArgs) => Promise<unknown[]> }): void;
};
const couchEval = fromValidation('couchdb-eval') as {
  evaluate(designDoc: unknown, extraVars: object, code: string): ValidateFunction;
};

/** What `app.dbWrapper` of express-pouchdb offers: a hook on every database it opens. */
export interface DbWrapperHost {
  dbWrapper: { registerWrapper(wrapper: (name: string, db: unknown, next: () => unknown) => unknown): void };
}

/**
 * Validate every write to every database of `app` as CouchDB does. Use with
 * `overrideMode: { exclude: ['validation'] }`, so pouchdb-validation does not run too.
 */
export function installCouchValidation(app: DbWrapperHost): void {
  app.dbWrapper.registerWrapper((_name, db, next) => {
    wrappers.installWrapperMethods(db, { bulkDocs: validatingBulkDocs });
    return next();
  });
}

async function validatingBulkDocs(orig: () => Promise<unknown[]>, args: BulkArgs): Promise<unknown[]> {
  const functions = await validationFunctions(args.base);
  if (functions.length === 0) return orig();
  const replicated = args.options.new_edits === false;
  const userCtx = args.options.userCtx ?? { db: (await args.base.info()).db_name, name: null, roles: ['_admin'] };
  const secObj = args.options.secObj ?? {};
  const refused = new Map<RevisionsDoc, WriteError>();
  for (const doc of args.docs) {
    if (doc._id.startsWith('_local/')) continue;
    const oldDoc = replicated ? await replicatedOldDoc(args.base, doc) : await interactiveOldDoc(args.base, doc);
    if (oldDoc === 'stored') continue; // CouchDB: a revision it already has is a success, unvalidated
    const error = runValidation(functions, doc, oldDoc, userCtx, secObj);
    if (error) refused.set(doc, error);
  }
  if (refused.size === 0) return orig();
  const docs = args.docs;
  args.docs = docs.filter((doc) => !refused.has(doc));
  const written = args.docs.length > 0 ? await orig() : [];
  // Replicated writes answer only their errors; interactive ones one result per document, in order.
  if (replicated) return [...refused.values(), ...written];
  let next = 0;
  return docs.map((doc) => refused.get(doc) ?? written[next++]);
}

async function validationFunctions(db: ServerDb): Promise<{ designDoc: DesignDoc; func: ValidateFunction }[]> {
  const { rows } = await db.allDocs({ startkey: '_design/', endkey: '_design0', include_docs: true });
  return rows
    .map((row) => row.doc)
    .filter((doc): doc is DesignDoc & { validate_doc_update: string } => typeof doc?.validate_doc_update === 'string')
    .map((designDoc) => ({ designDoc, func: couchEval.evaluate(designDoc, {}, designDoc.validate_doc_update) }));
}

/**
 * A replicated revision is checked against the nearest revision of its own history that is
 * stored (not the current winner), or null: what CouchDB passes as oldDoc. 'stored' when the
 * revision itself is already there.
 */
async function replicatedOldDoc(db: ServerDb, doc: RevisionsDoc): Promise<RevisionsDoc | null | 'stored'> {
  if (!doc._rev) return null;
  const diff = await db.revsDiff({ [doc._id]: [doc._rev] });
  if (!diff[doc._id]?.missing?.includes(doc._rev)) return 'stored';
  const { start, ids } = doc._revisions ?? { start: 0, ids: [] };
  for (let back = 1; back < ids.length; back += 1) {
    const ancestor = await db.get(doc._id, { rev: `${start - back}-${ids[back]}`, revs: true }).catch(() => undefined);
    if (ancestor) return ancestor;
  }
  return null;
}

/** An edit is checked against the revision it replaces (the current one when it names none). */
function interactiveOldDoc(db: ServerDb, doc: RevisionsDoc): Promise<RevisionsDoc | null> {
  const options = doc._rev ? { rev: doc._rev, revs: true } : { revs: true };
  return db.get(doc._id, options).catch(() => null);
}

function runValidation(
  functions: readonly { designDoc: DesignDoc; func: ValidateFunction }[],
  doc: RevisionsDoc,
  oldDoc: RevisionsDoc | null,
  userCtx: UserCtx,
  secObj: unknown,
): WriteError | undefined {
  try {
    // Copies, as CouchDB hands the function JSON: a function cannot change what is stored.
    for (const { designDoc, func } of functions) func.call(designDoc, structuredClone(doc), structuredClone(oldDoc), userCtx, secObj);
    return undefined;
  } catch (thrown) {
    const { forbidden, unauthorized } = (thrown ?? {}) as { forbidden?: unknown; unauthorized?: unknown };
    if (unauthorized !== undefined) return { error: true, id: doc._id, status: 401, name: 'unauthorized', message: asText(unauthorized) };
    if (forbidden !== undefined) return { error: true, id: doc._id, status: 403, name: 'forbidden', message: asText(forbidden) };
    return { error: true, id: doc._id, status: 500, name: 'exception', message: String(thrown) };
  }
}

function asText(reason: unknown): string {
  return typeof reason === 'string' ? reason : JSON.stringify(reason);
}
