import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseRepository } from '../cases/repository';
import { makePost } from '../cases/testing';
import { sendMessage } from '../messaging/client';
import { exportCasesInParts, importFileInChunks } from './transfer-stream';

vi.mock('../messaging/client', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);
const T0 = Date.UTC(2026, 5, 1, 9);
let stores = 0;

/** A real case store behind cases/query and cases/import, as the background answers them. */
async function storeBehindMessages(): Promise<CaseRepository> {
  stores += 1;
  const repository = new CaseRepository(await openCaseDb(`transfer-stream-${stores}`, indexedDB));
  send.mockImplementation(((
    type: string,
    payload: { filter: object; offset: number; limit: number; text: string; format?: 'csv' | 'json' },
  ) => {
    if (type === 'cases/query') return repository.query(payload.filter, payload.offset, payload.limit);
    if (type === 'cases/import') return repository.importCases(payload.text, T0 + 60_000, payload.format ? { format: payload.format } : {});
    throw new Error(`unexpected message ${type}`);
  }) as unknown as typeof sendMessage);
  return repository;
}

async function logCases(repository: CaseRepository, count: number) {
  for (let i = 0; i < count; i += 1) {
    const text = i % 3 === 0 ? `@acme "quoted", {braces} and\na line break ${i}` : `@acme order ${i} never arrived`;
    await repository.logPost(makePost(`p${i}`, { text }), ['acme'], T0 + i * 1000);
  }
}

const essentials = (page: { cases: { ref: string; postKey: string; post: { text: string }; status: string }[] }) =>
  page.cases
    .map((item) => ({ ref: item.ref, postKey: item.postKey, text: item.post.text, status: item.status }))
    .sort((a, b) => a.ref.localeCompare(b.ref));

beforeEach(() => {
  send.mockReset();
});

describe.each(['json', 'csv'] as const)('a %s export in parts, imported back in chunks', (format) => {
  it('carries every case, reports progress, and importing it again changes nothing', async () => {
    const source = await storeBehindMessages();
    await logCases(source, 11);
    const progress: number[] = [];
    const file = await exportCasesInParts(
      {},
      format,
      T0,
      { brandNames: new Map(), timeZone: 'UTC', assigneeNames: new Map() },
      ({ done }) => progress.push(done),
    );
    expect(progress).toEqual([11]);
    const exported = essentials(await source.query({}, 0, 100));

    const target = await storeBehindMessages();
    const read: number[] = [];
    const result = await importFileInChunks(file, { timeZone: 'UTC', perChunk: 4, onProgress: ({ done }) => read.push(done) });
    expect(result).toMatchObject({ accepted: 11, merged: 0, rejectedCount: 0 });
    expect(result.stopped).toBeUndefined();
    expect(read.at(-1)).toBe(file.size);
    // Three chunks of at most 4 rows: three import messages.
    expect(send.mock.calls.filter(([type]) => type === 'cases/import')).toHaveLength(3);
    expect(essentials(await target.query({}, 0, 100))).toEqual(exported);

    const again = await importFileInChunks(file, { timeZone: 'UTC', perChunk: 4 });
    expect(again).toMatchObject({ accepted: 0, merged: 0, unchanged: 11 });
    expect(again.summary).toBe('Imported 0 new cases, 11 already up to date.');
  });
});

describe('a chunked import that meets a bad row or a broken file', () => {
  it('numbers rejected rows as in the whole file', async () => {
    const source = await storeBehindMessages();
    await logCases(source, 6);
    const text = await (
      await exportCasesInParts({}, 'json', T0, { brandNames: new Map(), timeZone: 'UTC', assigneeNames: new Map() })
    ).text();
    const broken = text.replace('"status":"new"', '"status":"lost"');
    await storeBehindMessages();
    const result = await importFileInChunks(new Blob([broken]), { timeZone: 'UTC', perChunk: 4 });
    expect(result).toMatchObject({ accepted: 5, rejectedCount: 1 });
    expect(result.rejected.map((row) => row.index)).toEqual([0]);
  });

  it('stops at a file cut short, keeps what came before and says re-importing is safe', async () => {
    const source = await storeBehindMessages();
    await logCases(source, 10);
    const text = await (
      await exportCasesInParts({}, 'json', T0, { brandNames: new Map(), timeZone: 'UTC', assigneeNames: new Map() })
    ).text();
    const target = await storeBehindMessages();
    const result = await importFileInChunks(new Blob([text.slice(0, Math.floor(text.length * 0.7))]), { timeZone: 'UTC', perChunk: 4 });
    expect(result.accepted).toBe(4);
    expect(result.stopped?.message).toMatch(/ends in the middle/);
    expect(result.summary).toMatch(/importing the file again is safe/);
    expect((await target.query({}, 0, 100)).total).toBe(4);
  });
});
