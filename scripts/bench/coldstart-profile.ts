/**
 * CPU profile of a cold service worker (COLDSTART_PROFILE=<path> npm run bench -- coldstart; build with
 * CARESIDE_NO_MINIFY=1 to read names). The worker must be sampled from its first instruction, so a
 * browser-level CDP session auto-attaches to service workers as they start, paused
 * (waitForDebuggerOnStart), starts the profiler and only then lets the worker run. That needs the flat
 * protocol's child sessions, which Playwright's CDPSession does not expose, so this side connects
 * puppeteer-core to the same browser over a debugging port.
 */
import { writeFileSync } from 'node:fs';
import puppeteer, { type Browser, type CDPSession } from 'puppeteer-core';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Samples CareSide's worker across a restart. A DevTools session stays attached to a service worker
 * through stop and start, and Chrome restores its profiler state on the new worker before the script
 * runs: so `arm()` starts the profiler on the running worker, the bench stops and wakes it, and `stop()`
 * returns the samples of the new worker from its first instruction.
 */
export class ColdWorkerProfiler {
  private constructor(
    private readonly browser: Browser,
    private readonly session: CDPSession,
  ) {}

  /** Connect to the browser's debugging port (`wsEndpoint`) and attach to the running worker at `scriptUrl`. */
  static async attach(wsEndpoint: string, scriptUrl: string, intervalMicros = 100): Promise<ColdWorkerProfiler> {
    // Puppeteer attaches to nothing of its own: this profiler's session is the only one it drives.
    const browser = await puppeteer.connect({ browserWSEndpoint: wsEndpoint, defaultViewport: null, targetFilter: () => false });
    const root = await browser.target().createCDPSession();
    const { targetInfos } = await root.send('Target.getTargets');
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url === scriptUrl);
    if (!worker) throw new Error(`no running service worker at ${scriptUrl}`);
    const { sessionId } = await root.send('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
    const session = root.connection()?.session(sessionId);
    if (!session) throw new Error('could not attach to the service worker');
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: intervalMicros });
    return new ColdWorkerProfiler(browser, session);
  }

  private started: Promise<unknown> | undefined;

  /**
   * Sample the worker from its next start. Call it while the worker is stopped: the command waits in
   * the session and reaches the worker as it starts, before its script runs.
   */
  arm(): void {
    this.started = this.session.send('Profiler.start');
  }

  async stop(): Promise<CpuProfile> {
    await this.started;
    const { profile } = await this.session.send('Profiler.stop');
    return profile;
  }

  async close(): Promise<void> {
    await this.browser.disconnect();
  }
}

const IDLE = new Set(['(idle)', '(root)']);

function frameName(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
}

/**
 * Self time per function of the worker's own script, split by whether the sample is inside the script's
 * top-level evaluation (a descendant of the node for `scriptFile`'s line-1 top level) or later (listeners,
 * promise jobs: the message handler, storage and IndexedDB callbacks, triage). GC and compile samples
 * ("(program)", "(garbage collector)") are counted on their own.
 */
export function splitSelfTimes(profile: CpuProfile, scriptFile: string): { evaluation: Map<string, number>; later: Map<string, number> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node] as const));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inEvaluation = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame && frame.functionName === '' && frame.lineNumber === 0 && frame.url.endsWith(`/${scriptFile}`)) return true;
    }
    return false;
  };
  const evaluation = new Map<string, number>();
  const later = new Map<string, number>();
  (profile.samples ?? []).forEach((id, index) => {
    const node = byId.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) return;
    const into = inEvaluation(id) ? evaluation : later;
    const name = frameName(node.callFrame);
    into.set(name, (into.get(name) ?? 0) + (profile.timeDeltas?.[index + 1] ?? 0) / 1000);
  });
  return { evaluation, later };
}

const total = (times: Map<string, number>) => [...times.values()].reduce((sum, ms) => sum + ms, 0);

function topLines(times: Map<string, number>, rounds: number, count: number): string[] {
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `    ${(ms / rounds).toFixed(2).padStart(8)} ms  ${name}`);
}

/** Mean self time per cold start: the top functions of module evaluation and of the work after it. */
export function summariseColdProfiles(profiles: readonly CpuProfile[], scriptFile: string, count = 15): string {
  const evaluation = new Map<string, number>();
  const later = new Map<string, number>();
  for (const profile of profiles) {
    const split = splitSelfTimes(profile, scriptFile);
    for (const [name, ms] of split.evaluation) evaluation.set(name, (evaluation.get(name) ?? 0) + ms);
    for (const [name, ms] of split.later) later.set(name, (later.get(name) ?? 0) + ms);
  }
  const rounds = profiles.length;
  return [
    `CPU profile of ${rounds} cold start(s), self time per start (sampled; the sampling itself slows the worker):`,
    `  module evaluation of ${scriptFile}: ${(total(evaluation) / rounds).toFixed(1)} ms`,
    ...topLines(evaluation, rounds, count),
    `  then until the answer (listeners, promise jobs, GC, compile): ${(total(later) / rounds).toFixed(1)} ms`,
    ...topLines(later, rounds, count),
  ].join('\n');
}

export function writeProfile(path: string, profile: CpuProfile): void {
  writeFileSync(path, JSON.stringify(profile));
}
