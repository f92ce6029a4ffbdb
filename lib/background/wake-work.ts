/**
 * Work every worker start owes (catching up on reminders, retention, resuming team sync) that no
 * waiting sender needs. A worker is mostly woken by a tab asking for triage, and that answer should
 * not share the wake with storage and IndexedDB reads it does not need: so the work starts once the
 * first request is answered, or after `maxDelayMs` when none is (a wake for an alarm or a browser
 * start, or a slow first answer), whichever comes first. It runs once per worker start.
 */
export interface WakeWork {
  /** A request was answered: start the deferred work now if it has not started. */
  answered: () => void;
}

export function deferWakeWork(work: () => void, maxDelayMs: number): WakeWork {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    work();
  };
  const timer = setTimeout(run, maxDelayMs);
  return { answered: run };
}
