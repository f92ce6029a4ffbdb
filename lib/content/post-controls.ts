import type { PostKey } from '../domain/post';
import type { SiteAdapter } from '../sites/types';
import type { InlineView } from './inline-control';
import { createInlineControls, type InlineControls } from './inline-controls';
import { wantsControl, type PageIndex, type PostReading } from './page-index';

export interface PostControlsDeps {
  doc: Document;
  adapter: Pick<SiteAdapter, 'anchorFor'>;
  index: Pick<PageIndex, 'records' | 'get' | 'triageViewOf'>;
  /** What the control shows about the post's case (logged, logging, failed, or "Log case"). */
  caseViewOf: (postKey: PostKey) => InlineView;
  /** "Priya is replying" when a teammate has the post's reply panel open. */
  replyingOf?: (postKey: PostKey) => string | undefined;
  onLog: (postKey: PostKey, click: Event) => void;
}

/** The inline "Log case" controls of the page's brand mentions, in the state of their case and triage. */
export class PostControls {
  private readonly controls: InlineControls;

  constructor(private readonly deps: PostControlsDeps) {
    this.controls = createInlineControls(deps.doc, deps.adapter, deps.onLog);
  }

  readonly viewFor = (postKey: PostKey): InlineView => {
    const view = this.deps.caseViewOf(postKey);
    const triage = this.deps.index.triageViewOf(postKey);
    const replying = this.deps.replyingOf?.(postKey);
    return { ...view, ...(triage ? { triage } : {}), ...(replying ? { replying } : {}) };
  };

  /** `element` was just read: it shows a control if its post wants one, else none. */
  show(element: Element, reading: PostReading | undefined): void {
    if (reading?.wantsControl) this.controls.place(element, reading.record.postKey, this.viewFor(reading.record.postKey));
    else this.controls.remove(element);
  }

  /** Triage answered (or failed) for these posts: their controls show it. */
  showTriaged(postKeys: readonly PostKey[]): void {
    for (const postKey of postKeys) {
      const record = this.deps.index.get(postKey);
      if (!record || !wantsControl(record.match)) continue;
      for (const element of record.elements) if (element.isConnected) this.controls.place(element, postKey, this.viewFor(postKey));
    }
  }

  /** The brands changed: every post element gets or loses its control. */
  showAll(): void {
    for (const record of this.deps.index.records()) {
      for (const element of record.elements) {
        if (wantsControl(record.match)) this.controls.place(element, record.postKey, this.viewFor(record.postKey));
        else this.controls.remove(element);
      }
    }
  }

  /** A case or log state changed: re-render every control. */
  refresh(): void {
    this.controls.refresh(this.viewFor);
  }

  /** Forget controls whose post element left the document. */
  prune(): void {
    this.controls.prune();
  }

  removeAll(): void {
    this.controls.removeAll();
  }
}
