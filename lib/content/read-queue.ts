export interface ReadQueueOptions {
  /** Read one post element (still in the document). */
  read: (element: Element) => void;
  /** After each slice of reads: send what the reads queued, publish. */
  afterSlice: () => void;
  /** Run a continuation in a task of its own (see task-queue.ts). */
  schedule: (flush: () => void) => void;
  /** Read for at most this many ms per task; Infinity: everything at once. */
  budgetMs: number;
  stopped: () => boolean;
  now?: () => number;
}

/**
 * Posts waiting to be read. A slice stops after `budgetMs` and continues in the next task, so a
 * page that shows hundreds of posts at once never makes a long task.
 */
export class ReadQueue {
  private readonly toRead = new Set<Element>();
  private continuationQueued = false;
  private readonly now: () => number;

  constructor(private readonly options: ReadQueueOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Whether elements wait to be read (a continuation is queued). */
  pending(): boolean {
    return this.continuationQueued || this.toRead.size > 0;
  }

  /** Queue these elements and read now, unless a continuation is already queued (it reads them). */
  readonly add = (elements: readonly Element[]): void => {
    for (const element of elements) this.toRead.add(element);
    if (!this.continuationQueued) this.readSlice();
  };

  private readonly readSlice = (): void => {
    this.continuationQueued = false;
    const { read, afterSlice, schedule, budgetMs, stopped } = this.options;
    if (stopped()) return;
    const started = this.now();
    for (const element of this.toRead) {
      this.toRead.delete(element);
      if (element.isConnected) read(element);
      if (this.toRead.size > 0 && this.now() - started > budgetMs) {
        this.continuationQueued = true;
        schedule(this.readSlice);
        break;
      }
    }
    afterSlice();
  };
}
