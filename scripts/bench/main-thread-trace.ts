/**
 * CareSide's share of a page's main thread, read from a Chromium trace (categories
 * `devtools.timeline`, `toplevel`, `v8.execute`).
 *
 * Why a trace and not the CPU profiler: the profiler charges much of the native work a script
 * causes (DOM calls, wrappers for the content script's isolated world) to "(program)" instead
 * of the script, and its samples arrive late when the thread waits for a CPU. Trace events
 * carry the thread's own CPU clock (`tdur`), so "CPU" here is what the OS counted for the
 * thread, DOM work included.
 *
 * Attribution, per top-level task on the page's main thread:
 * - a task that starts by calling CareSide (a function in a chrome-extension:// script, or an
 *   extension event dispatched by the browser's bindings: a FunctionCall with neither URL nor
 *   name, which only extensions produce) is CareSide's, except page functions called inside
 *   it (e.g. the page's own MutationObserver callbacks noticing our controls);
 * - in any other task, only CareSide's function calls are (e.g. its MutationObserver callback
 *   in the page's task that inserted posts).
 * Rendering caused by CareSide's DOM changes (style, layout, paint in the page's frames) is not
 * counted here; the bench reports it as extra main-thread time.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

export interface TaskShare {
  /** Task wall time and thread CPU time, ms. */
  wallMs: number;
  cpuMs: number;
  /** CareSide's part of it, ms. */
  oursWallMs: number;
  oursCpuMs: number;
}

export interface MainThreadShare {
  /** CareSide's thread CPU time and wall time on the page's main thread, ms. */
  cpuMs: number;
  wallMs: number;
  /** Every top-level task (for long tasks and their causes). */
  tasks: TaskShare[];
}

const RUN_TASK = 'ThreadControllerImpl::RunTask';

type Caller = 'ours' | 'page' | 'none';

function callerOf(event: TraceEvent): Caller {
  const url = event.args?.data?.url ?? '';
  if (url.startsWith('chrome-extension://')) return 'ours';
  if (url === '' && (event.args?.data?.functionName ?? '') === '') return 'ours';
  return url === '' ? 'none' : 'page';
}

/** The renderer main thread that ran functions from `pageOrigin` (the page under test). */
export function pageMainThread(events: readonly TraceEvent[], pageOrigin: string): { pid: number; tid: number } | undefined {
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const call = events.find(
    (event) =>
      event.name === 'FunctionCall' && mainThreads.has(`${event.pid}:${event.tid}`) && (event.args?.data?.url ?? '').startsWith(pageOrigin),
  );
  return call ? { pid: call.pid, tid: call.tid } : undefined;
}

/** CareSide's share of the page's main thread (see the module comment for the rules). */
export function extensionShare(events: readonly TraceEvent[], pageOrigin: string): MainThreadShare {
  const thread = pageMainThread(events, pageOrigin);
  if (!thread) throw new Error(`No renderer main thread ran code from ${pageOrigin} in the trace`);
  const complete = events
    .filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X' && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TaskShare[] = [];
  let taskEnd = Number.NEGATIVE_INFINITY;
  let current: (TaskShare & { first: Caller | undefined; callEnd: number }) | undefined;
  const finish = () => {
    if (current) tasks.push({ wallMs: current.wallMs, cpuMs: current.cpuMs, oursWallMs: current.oursWallMs, oursCpuMs: current.oursCpuMs });
  };
  for (const event of complete) {
    const dur = event.dur ?? 0;
    const tdur = event.tdur ?? dur;
    if (event.name === RUN_TASK && event.ts >= taskEnd) {
      finish();
      taskEnd = event.ts + dur;
      current = {
        wallMs: dur / 1000,
        cpuMs: tdur / 1000,
        oursWallMs: 0,
        oursCpuMs: 0,
        first: undefined,
        callEnd: Number.NEGATIVE_INFINITY,
      };
      continue;
    }
    if (!current || event.ts >= taskEnd || event.name !== 'FunctionCall') continue;
    // Only calls made by the task itself, not calls nested in another call.
    if (event.ts < current.callEnd) continue;
    current.callEnd = event.ts + dur;
    const caller = callerOf(event);
    if (caller === 'none') continue;
    if (current.first === undefined) {
      current.first = caller;
      if (caller === 'ours') {
        // The task is CareSide's: all of it, less the page's calls found later in it.
        current.oursWallMs = current.wallMs;
        current.oursCpuMs = current.cpuMs;
        continue;
      }
    }
    const sign = current.first === 'ours' ? (caller === 'page' ? -1 : 0) : caller === 'ours' ? 1 : 0;
    current.oursWallMs += (sign * dur) / 1000;
    current.oursCpuMs += (sign * tdur) / 1000;
  }
  finish();
  return {
    cpuMs: tasks.reduce((sum, task) => sum + task.oursCpuMs, 0),
    wallMs: tasks.reduce((sum, task) => sum + task.oursWallMs, 0),
    tasks,
  };
}

/**
 * Thread CPU time (ms) the page's main thread spent in each named trace event (rendering
 * phases such as PrePaint and Paint, which Performance.getMetrics does not split out). Events
 * nested in one of the same name are counted once.
 */
export function eventTimes<Name extends string>(
  events: readonly TraceEvent[],
  pageOrigin: string,
  names: readonly Name[],
): Record<Name, number> {
  const thread = pageMainThread(events, pageOrigin);
  const totals = Object.fromEntries(names.map((name) => [name, 0])) as Record<Name, number>;
  if (!thread) return totals;
  const wanted = new Set<string>(names);
  const openUntil = new Map<Name, number>();
  const matching = events
    .filter(
      (event) =>
        wanted.has(event.name) && event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X' && event.dur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const event of matching) {
    const name = event.name as Name;
    if (event.ts < (openUntil.get(name) ?? Number.NEGATIVE_INFINITY)) continue;
    openUntil.set(name, event.ts + (event.dur ?? 0));
    totals[name] += (event.tdur ?? event.dur ?? 0) / 1000;
  }
  return totals;
}
