// Test-only: a real PouchDB Server (express-pouchdb) in this process, on 127.0.0.1 and a random port.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import mapreduce from 'pouchdb-mapreduce';
import expressPouchDB from 'express-pouchdb';
import type { PouchLike } from './pouch';
import { installCouchValidation, type DbWrapperHost } from './test-couch-validation';

// PouchDB plugins extend the one PouchDB class, so server and replicas share it (memory adapter).
const MemoryPouch = PouchDB.plugin(memory).plugin(http).plugin(replication).plugin(mapreduce);
let replicaCount = 0;

export interface TestCouch {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Stop answering (connections dropped); the databases stay for restart(). */
  stop(): Promise<void>;
  /** Answer again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Start express-pouchdb in full CouchDB mode (validate_doc_update, _security, _users) on an
 * in-memory PouchDB; validate_doc_update runs as in CouchDB 3 (test-couch-validation.ts). With `admin`, the server has that admin (pouchdb-server#374: an
 * anonymous PUT then crashes it, so tests always send credentials when an admin is set).
 */
export async function startTestCouch(
  options: {
    admin?: { name: string; password: string };
    /**
     * Browser origins allowed to call it (CORS, as CouchDB's [cors] section), read on every
     * request so a test can add the extension's origin once it knows its id. Others get no
     * CORS headers, so the browser refuses their answers.
     */
    corsOrigins?: ReadonlySet<string>;
    /**
     * 'express-pouchdb': its own validate_doc_update handling, which drops replicated updates
     * (pouchdb-server#419); only to show that bug. Default: as CouchDB 3 (test-couch-validation.ts).
     */
    validation?: 'couchdb' | 'express-pouchdb';
  } = {},
): Promise<TestCouch> {
  const prefix = `couch-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}-`;
  const ServerPouch = MemoryPouch.defaults({ adapter: 'memory', prefix });
  const asCouchDb = options.validation !== 'express-pouchdb';
  const couchApp = expressPouchDB(ServerPouch, {
    inMemoryConfig: true,
    mode: 'fullCouchDB',
    overrideMode: { exclude: asCouchDb ? ['validation'] : [] },
    logPath: `/tmp/${prefix}log.txt`,
  });
  if (asCouchDb) installCouchValidation(couchApp as unknown as DbWrapperHost);
  const app = options.corsOrigins ? withCors(couchApp, options.corsOrigins) : couchApp;
  let server: Server = createServer(app);
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  if (options.admin) {
    const response = await fetch(`${origin}/_config/admins/${options.admin.name}`, {
      method: 'PUT',
      body: JSON.stringify(options.admin.password),
    });
    if (!response.ok) throw new Error(`Could not set the test admin: HTTP ${response.status}`);
  }
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    origin,
    stop,
    restart: async () => {
      server = createServer(app);
      await listen(server, port);
    },
    close: stop,
  };
}

/**
 * express-pouchdb has no CORS (pouchdb-server adds it in front); this does what CouchDB's
 * `[cors] credentials = true` does. Preflights are answered here, before the auth layer
 * (pouchdb-server#374: an anonymous request can crash it once an admin is set).
 */
function withCors(app: RequestListener, origins: ReadonlySet<string>): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const origin = request.headers.origin;
    if (origin && origins.has(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Credentials', 'true');
      response.setHeader('Vary', 'Origin');
      if (request.method === 'OPTIONS') {
        response.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
        response.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
        response.setHeader('Access-Control-Max-Age', '600');
        response.writeHead(204).end();
        return;
      }
    } else if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    app(request, response);
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** A fresh in-memory replica (what pouchdb-browser is in the extension). */
export function memoryReplica(name = 'replica'): PouchLike {
  replicaCount += 1;
  return new MemoryPouch(`${name}-${process.pid}-${replicaCount}-${Date.now()}`, { adapter: 'memory' }) as PouchLike;
}

/** A handle on a server database with credentials (PouchDB's http adapter). */
export function remoteDb(url: string, auth?: { username: string; password: string }): PouchLike {
  return new MemoryPouch(url, auth ? { auth } : {}) as PouchLike;
}

/** Create a CouchDB user on the test server as its admin; the password is `<name>-pw`. */
export async function createTestUser(
  couch: TestCouch,
  admin: { name: string; password: string },
  name: string,
  roles: readonly string[],
): Promise<void> {
  const response = await fetch(`${couch.origin}/_users/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { Authorization: `Basic ${btoa(`${admin.name}:${admin.password}`)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ _id: `org.couchdb.user:${name}`, name, password: `${name}-pw`, roles, type: 'user' }),
  });
  if (response.status !== 201) throw new Error(`Could not create the test user ${name}: HTTP ${response.status}`);
}

/**
 * The same database handle with some methods replaced (to count reads, or to keep it open):
 * every other property is the handle's own, its methods bound to it, so PouchDB sees itself.
 */
export function withOverrides(db: PouchLike, overrides: Partial<PouchLike>): PouchLike {
  return new Proxy(db, {
    get: (target, property) => {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof PouchLike];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
