// Test-only: a real PouchDB Server (express-pouchdb) in this process, on 127.0.0.1 and a random port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import mapreduce from 'pouchdb-mapreduce';
import expressPouchDB from 'express-pouchdb';
import type { PouchLike } from './pouch';

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
 * in-memory PouchDB. With `admin`, the server has that admin (pouchdb-server#374: an
 * anonymous PUT then crashes it, so tests always send credentials when an admin is set).
 */
export async function startTestCouch(options: { admin?: { name: string; password: string } } = {}): Promise<TestCouch> {
  const prefix = `couch-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}-`;
  const ServerPouch = MemoryPouch.defaults({ adapter: 'memory', prefix });
  const app = expressPouchDB(ServerPouch, { inMemoryConfig: true, mode: 'fullCouchDB', logPath: `/tmp/${prefix}log.txt` });
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
