import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadXFixture } from '../../tests/fixtures/x/load';
import { xAdapter } from '../sites/x/adapter';
import { createScanner, type Scanner } from './scanner';

/** Let happy-dom deliver MutationObserver records. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mountTimeline() {
  const fixture = loadXFixture('timeline');
  document.body.replaceChildren(...[...fixture.body.childNodes].map((node) => document.adoptNode(node)));
}

function cells(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')];
}

describe('createScanner on the search timeline', () => {
  let seen: Element[][];
  let removals: number;
  let known: WeakSet<Element>;
  let pending: (() => void) | undefined;
  let scanner: Scanner;
  let postLookups: number;

  beforeEach(() => {
    mountTimeline();
    seen = [];
    removals = 0;
    known = new WeakSet();
    pending = undefined;
    postLookups = 0;
    scanner = createScanner({
      root: document,
      adapter: xAdapter,
      isPostElement: (element) => {
        postLookups += 1;
        return known.has(element);
      },
      onPosts: (elements) => {
        for (const element of elements) known.add(element);
        seen.push(elements);
      },
      onRemoved: () => (removals += 1),
      schedule: (flush) => (pending = flush),
    });
    scanner.start();
  });

  afterEach(() => {
    scanner.stop();
    document.body.replaceChildren();
  });

  const runBatch = async () => {
    await settle();
    const flush = pending;
    pending = undefined;
    flush?.();
  };

  it('reads every post on start, outermost articles only', () => {
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveLength(9);
    expect(seen[0]?.every((element) => element.matches('article[data-testid="tweet"]'))).toBe(true);
  });

  it('reads only the posts inside an added cell, once per batch', async () => {
    const clone = cells()[0]?.cloneNode(true) as HTMLElement;
    const other = cells()[1]?.cloneNode(true) as HTMLElement;
    clone.querySelector('a[href*="/status/"]')?.setAttribute('href', '/jdoe_travels/status/42');
    cells()[0]?.parentElement?.append(clone, other);
    expect(pending).toBeUndefined();
    await runBatch();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual([clone.querySelector('article'), other.querySelector('article')]);
  });

  it('picks up an article added directly (not inside a new cell)', async () => {
    const article = cells()[0]?.querySelector('article')?.cloneNode(true) as HTMLElement;
    document.body.append(article);
    await runBatch();
    expect(seen[1]).toEqual([article]);
  });

  it('re-reads a known post when the site recycles its element for another post', async () => {
    const article = cells()[1]?.querySelector('article') as HTMLElement;
    article.querySelector('a[href*="/status/"]')?.setAttribute('href', '/someone/status/99');
    const text = article.querySelector('[data-testid="tweetText"] span')?.firstChild;
    if (text) text.nodeValue = 'a different post';
    await runBatch();
    expect(seen[1]).toEqual([article]);
  });

  it('only collects in the observer callback: the enclosing post is looked up when the batch runs', async () => {
    const article = cells()[1]?.querySelector('article') as HTMLElement;
    const text = article.querySelector('[data-testid="tweetText"] span')?.firstChild;
    if (text) text.nodeValue = 'edited by the site';
    await settle();
    expect(pending).toBeDefined();
    expect(postLookups).toBe(0);
    await runBatch();
    expect(postLookups).toBeGreaterThan(0);
    expect(seen[1]).toEqual([article]);
  });

  it('reports removals so the runtime can prune', async () => {
    cells()[2]?.remove();
    await runBatch();
    expect(removals).toBe(1);
    expect(seen).toHaveLength(1);
  });

  it('does not prune for removals that cannot have held a post: a replaced text, a leaf element', async () => {
    const clock = document.createElement('span');
    clock.textContent = '1m';
    document.body.append(clock);
    await runBatch();
    clock.textContent = '2m';
    await runBatch();
    clock.remove();
    await runBatch();
    expect(removals).toBe(0);
    const cell = cells()[0] as HTMLElement;
    cell.remove();
    await runBatch();
    expect(removals).toBe(1);
  });

  it('ignores our own control being inserted', async () => {
    const article = cells()[0]?.querySelector('article') as HTMLElement;
    article.append(document.createElement('careside-inline'));
    await settle();
    expect(pending).toBeUndefined();
  });

  it('re-reads the post when the page removes our control', async () => {
    const article = cells()[0]?.querySelector('article') as HTMLElement;
    const control = document.createElement('careside-inline');
    article.append(control);
    await settle();
    control.remove();
    await runBatch();
    expect(seen[1]).toEqual([article]);
  });

  it('stops watching when stopped', async () => {
    scanner.stop();
    cells()[0]?.parentElement?.append(cells()[0]?.cloneNode(true) as HTMLElement);
    await settle();
    pending?.();
    expect(seen).toHaveLength(1);
  });

  it('rescans everything on demand (in-app navigation)', () => {
    scanner.rescan();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toHaveLength(9);
  });
});
