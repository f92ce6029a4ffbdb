/** Heap samples of each tab's life, and the flat-heap checks over them. */
import type { CDPSession } from 'playwright-core';
import { SATURATED_POSTS, type SoakOptions } from './options';

export interface HeapSample {
  usedMb: number;
  domNodes: number;
}

export interface TabLife {
  label: string;
  posts: number;
  start?: HeapSample;
  /** After the tab has read more posts than it remembers (only in a long enough life). */
  saturated?: HeapSample & { posts: number };
  end?: HeapSample;
  series: string[];
}

/** Collect garbage in the tab's renderer, then read its JS heap and DOM node count. */
export async function sampleHeap(cdp: CDPSession): Promise<HeapSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return { usedMb: usedSize / 1024 / 1024, domNodes: nodes };
}

/** After a round: the first sample of a life, the one past SATURATED_POSTS, and the optional series. */
export async function sampleAfterRound(life: TabLife, cdp: CDPSession, heapEvery: number): Promise<void> {
  if (!life.start) life.start = await sampleHeap(cdp);
  else if (!life.saturated && life.posts >= SATURATED_POSTS) life.saturated = { ...(await sampleHeap(cdp)), posts: life.posts };
  if (heapEvery > 0 && Math.floor(life.posts / heapEvery) > life.series.length) {
    const sample = await sampleHeap(cdp);
    life.series.push(`${life.posts}:${sample.usedMb.toFixed(1)}MB/${sample.domNodes}n`);
    console.log(`  heap ${life.label} (posts:MB) ${life.series.join(' ')}`);
  }
}

/** Flat means: end <= start + heapCapsMb, and once the caches are full, end <= that sample + heapSlackMb. */
export function heapFailures(lives: TabLife[], options: Pick<SoakOptions, 'heapCapsMb' | 'heapSlackMb'>): string[] {
  const failures: string[] = [];
  for (const life of lives) {
    if (!life.start || !life.end) failures.push(`${life.label}: no heap sample`);
    else if (life.end.usedMb > life.start.usedMb + options.heapCapsMb) {
      failures.push(
        `${life.label}: heap grew from ${life.start.usedMb.toFixed(1)} MB to ${life.end.usedMb.toFixed(1)} MB over ${life.posts} posts (allowed +${options.heapCapsMb} MB)`,
      );
    } else if (life.saturated && life.end.usedMb > life.saturated.usedMb + options.heapSlackMb) {
      failures.push(
        `${life.label}: heap grew from ${life.saturated.usedMb.toFixed(1)} MB at ${life.saturated.posts} posts to ${life.end.usedMb.toFixed(1)} MB at ${life.posts} (allowed +${options.heapSlackMb} MB once the caches are full)`,
      );
    }
  }
  return failures;
}
