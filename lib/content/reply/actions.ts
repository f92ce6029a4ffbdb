import type { PostKey } from '../../domain/post';
import type { SiteAdapter } from '../../sites/types';
import { copyText } from './copy-text';
import type { DraftStore } from './drafts';
import { insertReplyForPost, type InsertReplyResult } from './insert-reply';
import { openHandoffUrl, type OpenHandoffResult } from './open-handoff';

/** What the case panel may do on the page; every call comes from a user's click. */
export interface ReplyActions {
  /** Open the site's reply box for the post and put the text in it (never sends). */
  insert(postKey: PostKey, text: string): Promise<InsertReplyResult>;
  copy(text: string): Promise<boolean>;
  openHandoff(url: string): OpenHandoffResult;
  /**
   * Unsent reply drafts per case (kept across reloads). The sidebar module adds them when it
   * mounts (their storage check is zod's, which the first stage leaves out); none in tests that do not need them.
   */
  drafts?: DraftStore;
}

export interface ReplyActionsDeps {
  win: Window;
  adapter: SiteAdapter;
  /** An element on the page currently showing this post, if any. */
  elementOf: (postKey: PostKey) => Element | undefined;
  /** Where a fallback copy may put its temporary textarea (inside our shadow root). */
  copyContainer?: () => Node | undefined;
}

export function createReplyActions({ win, adapter, elementOf, copyContainer }: ReplyActionsDeps): ReplyActions {
  return {
    async insert(postKey, text) {
      const element = elementOf(postKey);
      if (!element) {
        return {
          status: 'failed',
          failure: { code: 'post_not_on_page' },
          boxName: 'the reply box',
        };
      }
      return insertReplyForPost({ adapter, element, win, text });
    },
    copy: (text) => copyText(text, win, copyContainer?.()),
    openHandoff: (url) => openHandoffUrl(url, win),
  };
}
