import { describe, expect, it } from 'vitest';
import type { Post } from '../domain/post';
import type { BrandMatch } from '../match/brand-matcher';
import { PostRegistry } from './post-registry';

const post = (postId: string, text = `post ${postId}`): Post => ({
  platform: 'x',
  postId,
  kind: 'post',
  url: `https://x.com/a/status/${postId}`,
  authorName: 'A',
  authorHandle: 'a',
  text,
  reach: {},
});
const mention: BrandMatch = { brandIds: ['acme'], hits: [], byBrand: false };
const none: BrandMatch = { brandIds: [], hits: [], byBrand: false };

function attached(): HTMLElement {
  const element = document.createElement('article');
  document.body.append(element);
  return element;
}

describe('PostRegistry', () => {
  it('keys posts by postKey and remembers which element shows which post', () => {
    const registry = new PostRegistry();
    const element = attached();
    const { record, recycledFrom } = registry.record(element, post('1'), mention);
    expect(record.postKey).toBe('x:1');
    expect(recycledFrom).toBeUndefined();
    expect(registry.keyOf(element)).toBe('x:1');
    expect(registry.get('x:1')?.elements.has(element)).toBe(true);
    expect(registry.isPostElement(element)).toBe(true);
  });

  it('says whether a read changed what the sidebar shows of a post', () => {
    const registry = new PostRegistry();
    const element = attached();
    expect(registry.record(element, post('1'), mention).changed).toBe(true);
    // The site re-rendered the post (new counts): same text, author, brands.
    expect(registry.record(element, { ...post('1'), reach: { likes: 9 } }, mention).changed).toBe(false);
    expect(registry.record(element, post('1', 'edited text'), mention).changed).toBe(true);
    expect(registry.record(element, post('1', 'edited text'), none).changed).toBe(true);
    expect(registry.record(element, post('1', 'edited text'), { ...none, byBrand: true }).changed).toBe(true);
    expect(registry.record(element, { ...post('1', 'edited text'), authorName: 'B' }, { ...none, byBrand: true }).changed).toBe(true);
  });

  it('moves a recycled element to its new post and reports the old one', () => {
    const registry = new PostRegistry();
    const element = attached();
    registry.record(element, post('1'), mention);
    const { record, recycledFrom } = registry.record(element, post('2'), none);
    expect(recycledFrom).toBe('x:1');
    expect(record.postKey).toBe('x:2');
    expect(registry.get('x:1')?.elements.size).toBe(0);
    expect(registry.get('x:2')?.elements.has(element)).toBe(true);
    expect(registry.keyOf(element)).toBe('x:2');
    expect(registry.size).toBe(2);
  });

  it('keeps one record for a post shown by two elements (duplicate)', () => {
    const registry = new PostRegistry();
    const first = attached();
    const second = attached();
    registry.record(first, post('1'), mention);
    registry.record(second, post('1', 'newer text'), mention);
    expect(registry.size).toBe(1);
    expect(registry.get('x:1')?.elements.size).toBe(2);
    expect(registry.get('x:1')?.post.text).toBe('newer text');
  });

  it('forgets an element that no longer shows a readable post', () => {
    const registry = new PostRegistry();
    const element = attached();
    registry.record(element, post('1'), mention);
    expect(registry.forget(element)).toBe('x:1');
    expect(registry.keyOf(element)).toBeUndefined();
    expect(registry.get('x:1')?.elements.size).toBe(0);
    expect(registry.forget(element)).toBeUndefined();
    expect(registry.isPostElement(element)).toBe(true);
  });

  it('drops removed elements but remembers their posts', () => {
    const registry = new PostRegistry();
    const kept = attached();
    const removed = attached();
    registry.record(kept, post('1'), mention);
    registry.record(removed, post('2'), mention);
    removed.remove();
    expect(registry.pruneDisconnected()).toEqual([removed]);
    expect(registry.get('x:2')?.elements.size).toBe(0);
    expect(registry.get('x:1')?.elements.size).toBe(1);
    expect(registry.records().map((record) => record.postKey)).toEqual(['x:1', 'x:2']);
  });

  it('re-matches every post when settings change', () => {
    const registry = new PostRegistry();
    registry.record(attached(), post('1', 'Acme'), none);
    registry.record(attached(), post('2', 'nothing'), none);
    registry.rematch((read) => (read.text.includes('Acme') ? mention : none));
    expect(registry.records().map((record) => record.match.brandIds)).toEqual([['acme'], []]);
  });

  it('evicts the oldest posts no longer on screen when full, never ones on screen', () => {
    const registry = new PostRegistry();
    const onScreen = attached();
    registry.record(onScreen, post('0'), mention);
    for (let index = 1; index <= 3_000; index += 1) {
      const element = attached();
      registry.record(element, post(String(index)), none);
      element.remove();
      registry.pruneDisconnected();
    }
    registry.record(attached(), post('new'), none);
    expect(registry.size).toBe(3_000);
    expect(registry.get('x:0')).toBeDefined();
    expect(registry.get('x:1')).toBeUndefined();
    expect(registry.get('x:2')).toBeUndefined();
    expect(registry.get('x:new')).toBeDefined();
    document.body.replaceChildren();
  });

  it('clears everything for a new page', () => {
    const registry = new PostRegistry();
    const element = attached();
    registry.record(element, post('1'), mention);
    registry.clear();
    expect(registry.size).toBe(0);
    expect(registry.keyOf(element)).toBeUndefined();
  });
});
