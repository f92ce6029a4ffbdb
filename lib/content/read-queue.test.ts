import { describe, expect, it } from 'vitest';
import { ReadQueue } from './read-queue';

/** Connected post elements, one per id. */
function posts(count: number): HTMLElement[] {
  return Array.from({ length: count }, (_, index) => {
    const element = document.createElement('article');
    element.id = `post-${index}`;
    document.body.append(element);
    return element;
  });
}

/** A queue whose reads each take `msPerRead` on its clock; continuations wait in `scheduled`. */
function setUp(budgetMs: number, msPerRead: number, stopped = () => false) {
  let clock = 0;
  const read: string[] = [];
  const slices: number[] = [];
  const scheduled: (() => void)[] = [];
  const queue = new ReadQueue({
    read: (element) => {
      read.push(element.id);
      clock += msPerRead;
    },
    afterSlice: () => slices.push(read.length),
    schedule: (flush) => scheduled.push(flush),
    budgetMs,
    stopped,
    now: () => clock,
  });
  return { queue, read, slices, scheduled };
}

describe('ReadQueue', () => {
  it('reads within its budget per task and continues in the next task', () => {
    document.body.replaceChildren();
    const { queue, read, slices, scheduled } = setUp(12, 5);
    queue.add(posts(7));
    // 5, 10, 15 ms: past the budget after the third read.
    expect(read).toEqual(['post-0', 'post-1', 'post-2']);
    expect(slices).toEqual([3]);
    expect(scheduled).toHaveLength(1);

    // Posts found meanwhile wait for the continuation instead of reading at once.
    const [late] = posts(1);
    late!.id = 'late';
    queue.add([late!]);
    expect(read).toHaveLength(3);

    scheduled.shift()?.();
    scheduled.shift()?.();
    expect(read).toEqual(['post-0', 'post-1', 'post-2', 'post-3', 'post-4', 'post-5', 'post-6', 'late']);
    expect(slices).toEqual([3, 6, 8]);
    expect(scheduled).toEqual([]);
  });

  it('reads everything at once without a budget, skipping elements that left the page', () => {
    document.body.replaceChildren();
    const { queue, read, scheduled } = setUp(Number.POSITIVE_INFINITY, 5);
    const elements = posts(4);
    elements[1]?.remove();
    queue.add(elements);
    expect(read).toEqual(['post-0', 'post-2', 'post-3']);
    expect(scheduled).toEqual([]);
  });

  it('reads nothing once the content script stopped', () => {
    document.body.replaceChildren();
    const { queue, read, slices } = setUp(12, 5, () => true);
    queue.add(posts(2));
    expect(read).toEqual([]);
    expect(slices).toEqual([]);
  });
});
