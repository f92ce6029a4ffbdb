/**
 * Run `callback` in a task of its own, soon: after the page's current task (and its
 * microtasks), usually before the next frame is drawn. Not requestAnimationFrame: work in a
 * rAF callback lands in the page's rendering task, adding to the one task that draws the page.
 * scheduler.postTask where the browser has it, else a MessageChannel message, else a timeout.
 */
interface TaskWindow {
  scheduler?: { postTask?: (callback: () => void, options: { priority: string }) => Promise<unknown> };
  MessageChannel?: typeof MessageChannel;
  setTimeout: Window['setTimeout'];
}

export function createTaskQueue(win: Window): (callback: () => void) => void {
  const { scheduler, MessageChannel: Channel } = win as unknown as TaskWindow;
  const postTask = scheduler?.postTask?.bind(scheduler);
  if (postTask) {
    return (callback) => {
      // The returned promise rejects only if the task is aborted; nothing aborts ours.
      postTask(callback, { priority: 'user-blocking' }).catch(() => undefined);
    };
  }
  if (typeof Channel === 'function') {
    const channel = new Channel();
    const pending: (() => void)[] = [];
    channel.port1.onmessage = () => pending.shift()?.();
    return (callback) => {
      pending.push(callback);
      channel.port2.postMessage(null);
    };
  }
  return (callback) => void win.setTimeout(callback, 0);
}
