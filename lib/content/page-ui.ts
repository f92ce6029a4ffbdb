import type { CorrectionLabel } from '../domain/learning';
import type { Platform, PostKey } from '../domain/post';
import type { CaseSync } from './case-sync';
import type { PagePresence } from './presence-watch';
import type { ReplyActions } from './reply/actions';
import type { Store } from './store';
import type { EventFilter } from './trusted-events';
import type { ContentSnapshot } from './view-model';

/** What the runtime hands the sidebar it mounts (components/sidebar reads these). */
export interface PageUi {
  /** The page store: posts read, mentions, settings, log requests. */
  store: Store<ContentSnapshot>;
  /** The mentions' cases, as this tab's case cache holds them (case-sync.ts). */
  cases: Pick<CaseSync, 'get' | 'subscribe'>;
  /** Teammates replying to this site's posts (names per post), followed from `presence/changed`. */
  presence: PagePresence;
  onLog: (postKey: PostKey) => void;
  /** The team's call on a post's triage ("complaint" / "not a complaint"); rejects with why it failed. */
  onCorrect: (postKey: PostKey, label: CorrectionLabel) => Promise<void>;
  /** Scroll the page to a mention's post and outline it for a moment. */
  showPost: (postKey: PostKey) => void;
  /** Subscribe to the focus-sidebar keyboard shortcut (Alt+Shift+C); returns the unsubscribe. */
  onFocusRequest: (listener: () => void) => () => void;
  /** The site, for what the sidebar remembers per site (its layout). */
  platform: Platform;
  /** Insert/copy/handoff actions the case panel uses on this page. */
  replies: ReplyActions;
  /** Copy the page's diagnostics (diagnostics.ts) for the health warning; whether the copy worked. */
  copyDiagnostics: () => Promise<boolean>;
  /** Which events on the sidebar count (the sidebar guards its shadow root with it: trusted-events.ts). */
  acceptEvent: EventFilter;
}

/** Mounts the sidebar; the page keeps working if it fails (the runtime logs why). */
export type MountUi = (ui: PageUi) => Promise<unknown>;
