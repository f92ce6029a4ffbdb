import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../settings/schema';
import type { PostReading } from './page-index';
import { PageUpdates } from './page-updates';
import { createStore } from './store';
import { initialSnapshot } from './view-model';

/** PageUpdates over fakes that write down every call, in order. */
function setUp(reading: PostReading | undefined) {
  const calls: string[] = [];
  const log =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(args.length > 0 ? `${name} ${JSON.stringify(args)}` : name);
    };
  const store = createStore(initialSnapshot('X / Twitter'));
  const updates = new PageUpdates(
    {
      read: () => reading,
      flushTriage: log('index.flushTriage'),
      pruneDisconnected: log('index.pruneDisconnected'),
      setBrands: (brands) => calls.push(`index.setBrands ${brands.map((brand) => brand.id).join()}`),
      clear: log('index.clear'),
    },
    {
      show: (_element, shown) => calls.push(`controls.show ${shown?.record.postKey ?? 'none'}`),
      showTriaged: log('controls.showTriaged'),
      showAll: log('controls.showAll'),
      prune: log('controls.prune'),
      removeAll: log('controls.removeAll'),
    },
    {
      postRead: log('publisher.postRead'),
      shownChanged: log('publisher.shownChanged'),
      publish: log('publisher.publish'),
      publishSoon: log('publisher.publishSoon'),
    },
    store,
  );
  return { updates, calls, store };
}

const readingOf = (changed: boolean) => ({ record: { postKey: 'x:1' }, changed, wantsControl: true }) as unknown as PostReading;

describe('PageUpdates', () => {
  it('counts a read as a read for the publisher only when it changed what is shown; the control follows either way', () => {
    const changed = setUp(readingOf(true));
    changed.updates.read(document.createElement('article'));
    expect(changed.calls).toEqual(['publisher.postRead', 'controls.show x:1']);

    const same = setUp(readingOf(false));
    same.updates.read(document.createElement('article'));
    expect(same.calls).toEqual(['controls.show x:1']);
  });

  it('after a slice of reads or a removal asks for triage or prunes, and lets the publisher pace the sidebar', () => {
    const { updates, calls } = setUp(undefined);
    updates.sliceRead();
    updates.removed();
    expect(calls).toEqual([
      'index.flushTriage',
      'publisher.publishSoon',
      'index.pruneDisconnected',
      'controls.prune',
      'publisher.publishSoon',
    ]);
  });

  it('shows a triage answer on the controls at once and in the sidebar when the publisher allows', () => {
    const { updates, calls } = setUp(undefined);
    updates.triaged(['x:1']);
    expect(calls).toEqual(['publisher.shownChanged', 'controls.showTriaged [["x:1"]]', 'publisher.publishSoon']);
  });

  it('applies new settings everywhere at once, and treats invalid settings as no brands', () => {
    const { updates, calls, store } = setUp(undefined);
    const settings = SettingsSchema.parse({ version: 1, brands: [{ id: 'acme', name: 'Acme Air' }] });
    updates.settingsChanged({ status: 'ok', settings });
    expect(store.get().settings).toEqual({ status: 'ok', settings });
    expect(calls).toEqual(['index.setBrands acme', 'publisher.shownChanged', 'controls.showAll', 'index.flushTriage', 'publisher.publish']);
    calls.length = 0;
    updates.settingsChanged({ status: 'invalid', message: 'brands[0].id: bad' });
    expect(calls[0]).toBe('index.setBrands ');
  });

  it('forgets the old page on navigation', () => {
    const { updates, calls } = setUp(undefined);
    updates.newPage();
    expect(calls).toEqual(['index.clear', 'publisher.shownChanged', 'controls.removeAll']);
  });
});
