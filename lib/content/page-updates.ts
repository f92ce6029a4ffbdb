import type { PostKey } from '../domain/post';
import type { PageIndex } from './page-index';
import type { PostControls } from './post-controls';
import type { Publisher } from './publisher';
import type { SettingsState } from './settings-source';
import type { Store } from './store';
import type { ContentSnapshot } from './view-model';

type Index = Pick<PageIndex, 'read' | 'flushTriage' | 'pruneDisconnected' | 'setBrands' | 'clear'>;
type Controls = Pick<PostControls, 'show' | 'showTriaged' | 'showAll' | 'prune' | 'removeAll'>;
type Publishing = Pick<Publisher, 'postRead' | 'shownChanged' | 'publish' | 'publishSoon'>;

/**
 * What each page event does: the index learns it, the inline controls follow at once, and the
 * sidebar follows through the publisher (coalesced while posts stream in).
 */
export class PageUpdates {
  constructor(
    private readonly index: Index,
    private readonly controls: Controls,
    private readonly publisher: Publishing,
    private readonly store: Store<ContentSnapshot>,
  ) {}

  /** Read one post element (the read queue calls this per element, within its time budget). */
  readonly read = (element: Element): void => {
    const reading = this.index.read(element);
    if (reading?.changed) this.publisher.postRead();
    this.controls.show(element, reading);
  };

  /** A slice of reads ended: ask for the new posts' triage and let the sidebar follow. */
  readonly sliceRead = (): void => {
    this.index.flushTriage();
    this.publisher.publishSoon();
  };

  /** Something left the document. */
  readonly removed = (): void => {
    this.index.pruneDisconnected();
    this.controls.prune();
    this.publisher.publishSoon();
  };

  /** Triage answered (or failed) for these posts. */
  readonly triaged = (postKeys: PostKey[]): void => {
    this.publisher.shownChanged();
    this.controls.showTriaged(postKeys);
    this.publisher.publishSoon();
  };

  /** New settings: match every post again and show the result at once. */
  readonly settingsChanged = (state: SettingsState): void => {
    this.index.setBrands(state.status === 'ok' ? state.settings.brands : []);
    this.store.update((snapshot) => ({ ...snapshot, settings: state }));
    this.publisher.shownChanged();
    this.controls.showAll();
    this.index.flushTriage();
    this.publisher.publish();
  };

  /** In-app navigation: the old page's posts and controls are gone. */
  readonly newPage = (): void => {
    this.index.clear();
    this.publisher.shownChanged();
    this.controls.removeAll();
  };
}
