import { describe, expect, it } from 'vitest';
import { eventTimes, extensionShare, pageMainThread, type TraceEvent } from './main-thread-trace';

const PAGE = 'https://x.com';
const EXT = 'chrome-extension://abc/content-scripts/x.js';
const MAIN = { pid: 1, tid: 10 };

const threadName = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});
const task = (ts: number, dur: number, tdur = dur, at = MAIN): TraceEvent => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  ...at,
  ts,
  dur,
  tdur,
});
const call = (ts: number, dur: number, url: string, functionName = 'f', tdur = dur, at = MAIN): TraceEvent => ({
  name: 'FunctionCall',
  ph: 'X',
  ...at,
  ts,
  dur,
  tdur,
  args: { data: { url, functionName } },
});

const base = [threadName(1, 10, 'CrRendererMain'), threadName(2, 20, 'CrRendererMain')];

describe('extensionShare (timeline bench attribution)', () => {
  it("finds the page's main thread by the page's own function calls", () => {
    const events = [...base, task(0, 100, 100, { pid: 2, tid: 20 }), call(10, 5, `${PAGE}/search`, 'tick', 5, { pid: 2, tid: 20 })];
    expect(pageMainThread(events, PAGE)).toEqual({ pid: 2, tid: 20 });
    expect(() => extensionShare([...base], PAGE)).toThrow(/No renderer main thread/);
  });

  it('charges CareSide whole tasks it starts, less page calls inside them, and only its own calls in page tasks', () => {
    const events = [
      ...base,
      // The page inserts posts; CareSide's MutationObserver callback runs in that task.
      task(0, 1_000, 900),
      call(10, 700, `${PAGE}/search`, 'tick', 650),
      call(800, 100, EXT, 'observer', 80),
      // CareSide's own task (a scheduled read): all of it, less the page's observer noticing our controls.
      task(2_000, 500, 450),
      call(2_010, 400, EXT, 'flush', 360),
      call(2_420, 50, `${PAGE}/search`, 'pageObserver', 40),
      // A port message dispatched by the extension bindings (no URL, no name), then CareSide's microtasks.
      task(3_000, 300, 280),
      call(3_005, 20, '', '', 18),
      // Someone else's evaluation (no URL, but named): not ours.
      task(4_000, 200, 200),
      call(4_010, 100, '', 'next', 100),
      // A call nested in one of ours is not counted twice.
      task(5_000, 100, 100),
      call(5_000, 90, EXT, 'outer', 90),
      call(5_010, 20, EXT, 'inner', 20),
    ];
    const share = extensionShare(events, PAGE);
    expect(share.tasks).toHaveLength(5);
    const expected = [0.08, 0.41, 0.28, 0, 0.1];
    share.tasks.forEach((t, index) => expect(t.oursCpuMs).toBeCloseTo(expected[index] ?? Number.NaN, 10));
    expect(share.cpuMs).toBeCloseTo(0.08 + 0.41 + 0.28 + 0.1, 10);
    expect(share.wallMs).toBeCloseTo(0.1 + 0.45 + 0.3 + 0.1, 10);
  });

  it('ignores other threads and events outside tasks', () => {
    const events = [
      ...base,
      task(0, 100),
      call(10, 10, `${PAGE}/search`, 'tick'),
      call(200, 50, EXT, 'stray'), // outside any task
      task(0, 1_000, 1_000, { pid: 2, tid: 20 }),
      call(10, 900, EXT, 'elsewhere', 900, { pid: 2, tid: 20 }),
    ];
    expect(extensionShare(events, PAGE).cpuMs).toBe(0);
  });
});

describe('eventTimes (timeline bench rendering phases)', () => {
  const phase = (name: string, ts: number, dur: number, tdur = dur, at = MAIN): TraceEvent => ({ name, ph: 'X', ...at, ts, dur, tdur });

  it('sums the thread CPU time of named events on the page main thread, counting nested repeats once', () => {
    const events = [
      ...base,
      task(0, 10_000),
      call(10, 5, `${PAGE}/search`, 'tick'),
      phase('PrePaint', 100, 2_000, 1_500),
      phase('PrePaint', 200, 500, 400), // nested in the one above
      phase('Paint', 3_000, 1_000, 900),
      phase('PrePaint', 5_000, 1_000, 1_000),
      phase('PrePaint', 6_000, 9_000, 9_000, { pid: 2, tid: 20 }), // another renderer
      phase('Layout', 7_000, 300, 300),
    ];
    expect(eventTimes(events, PAGE, ['PrePaint', 'Paint', 'Commit'])).toEqual({ PrePaint: 2.5, Paint: 0.9, Commit: 0 });
  });

  it('finds nothing when the page never ran', () => {
    expect(eventTimes([...base, phase('Paint', 0, 100)], PAGE, ['Paint'])).toEqual({ Paint: 0 });
  });
});
