import type { CDPSession } from 'playwright-core';
import { SoakFailure } from './soak-page';

/**
 * The extension's service worker as CDP reports it (ServiceWorker domain, from one tab), and a
 * stop that does what Chrome does to an idle worker: its memory is gone, the next event starts
 * a fresh one.
 */
export class WorkerControl {
  private status = 'unknown';
  /** Times it was reported stopped (it may start again before a waiter looks). */
  private stoppedReports = 0;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (!version.scriptURL.startsWith('chrome-extension://')) continue;
        if (version.runningStatus === 'stopped' && this.status !== 'stopped') this.stoppedReports++;
        this.status = version.runningStatus;
        for (const wake of this.waiters) wake();
      }
    });
  }

  static async attach(cdp: CDPSession): Promise<WorkerControl> {
    const control = new WorkerControl(cdp);
    await cdp.send('ServiceWorker.enable');
    return control;
  }

  /** Stop the worker and wait until it is reported stopped; false when it was not running. */
  async stop(): Promise<boolean> {
    if (this.status === 'stopped') return false;
    const before = this.stoppedReports;
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while (this.stoppedReports === before) {
      if (Date.now() > deadline)
        throw new SoakFailure(`the service worker did not report stopped within 10 s (last status: ${this.status})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1_000);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters.clear();
    }
    return true;
  }
}
