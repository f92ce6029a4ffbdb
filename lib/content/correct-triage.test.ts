import { describe, expect, it, vi } from 'vitest';
import { makePost } from '../cases/testing';
import { createCorrector } from './correct-triage';
import type { PostRecord } from './post-registry';

describe('createCorrector', () => {
  it('sends the post’s triage fields with the label, then asks again about this tab’s posts', async () => {
    const post = makePost('42', { text: '@acme where is my order' });
    const order: string[] = [];
    const index = {
      get: vi.fn(() => ({ postKey: 'x:42', post }) as unknown as PostRecord),
      retriage: vi.fn(() => order.push('retriage')),
      flushTriage: vi.fn(() => order.push('flush')),
    };
    const send = vi.fn((type: string) => {
      order.push(type);
      return Promise.resolve({ changed: true, status: { corrections: 1, complaint: 0, notComplaint: 1 } });
    });
    await createCorrector({ index, send: send as never })('x:42', 'not_complaint');
    expect(send).toHaveBeenCalledWith('triage/correct', {
      post: { platform: 'x', postId: '42', kind: 'post', text: '@acme where is my order', reach: post.reach },
      label: 'not_complaint',
    });
    expect(order).toEqual(['triage/correct', 'retriage', 'flush']);
  });

  it('says so when the post left the page, and sends nothing', async () => {
    const send = vi.fn();
    const index = { get: vi.fn(() => undefined), retriage: vi.fn(), flushTriage: vi.fn() };
    await expect(createCorrector({ index, send: send as never })('x:1', 'complaint')).rejects.toThrow(/no longer on the page/);
    expect(send).not.toHaveBeenCalled();
  });

  it('passes on a failed request and asks nothing again', async () => {
    const index = { get: vi.fn(() => ({ post: makePost('1') }) as unknown as PostRecord), retriage: vi.fn(), flushTriage: vi.fn() };
    const send = vi.fn(() => Promise.reject(new Error('Extension context invalidated.')));
    await expect(createCorrector({ index, send: send })('x:1', 'complaint')).rejects.toThrow('Extension context invalidated.');
    expect(index.retriage).not.toHaveBeenCalled();
  });
});
