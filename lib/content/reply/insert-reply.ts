import type { InsertFailure } from '../../domain/insert-failure';
import { siteFor } from '../../sites/registry';
import type { SiteAdapter } from '../../sites/types';
import { insertIntoEditor, type InsertMethod, type InsertOptions } from './insert-text';
import { waitForComposer } from './wait-for-composer';

export type InsertReplyResult =
  { status: 'inserted'; method: InsertMethod; boxName: string } | { status: 'failed'; failure: InsertFailure; boxName: string };

export interface InsertReplyInput {
  adapter: SiteAdapter;
  /** The post's element on the page (its article, comment or review card). */
  element: Element;
  win: Window;
  text: string;
  findComposer?: SiteAdapter['findReplyComposer'];
  /** How long the site may take to open its reply box (default 4 s). */
  timeoutMs?: number;
  unfocusedGraceMs?: number;
  settle?: InsertOptions['settle'];
}

/**
 * Open the site's reply box for a post and put `text` in it, the way the site's editor
 * registers. Never posts: the user reads it and presses the site's own Reply button.
 */
export async function insertReplyForPost(input: InsertReplyInput): Promise<InsertReplyResult> {
  const { adapter, element, win, text } = input;
  const boxName = siteFor(adapter.platform).replyBoxName;
  const failed = (failure: InsertFailure): InsertReplyResult => ({ status: 'failed', failure, boxName });
  if (!element.isConnected) return failed({ code: 'post_gone' });

  let opened = false;
  try {
    opened = adapter.openReplyComposer(element, win);
  } catch {
    opened = false;
  }
  const find = input.findComposer ?? adapter.findReplyComposer;
  const timeoutMs = input.timeoutMs ?? 4_000;
  const composer = await waitForComposer(() => find(win.document, element), {
    win,
    // Without a reply button there is nothing to wait for, but a box may already be open.
    timeoutMs: opened ? timeoutMs : 0,
    unfocusedGraceMs: Math.min(input.unfocusedGraceMs ?? 600, timeoutMs),
  });
  if (!composer) {
    return failed(opened ? { code: 'composer_timeout', seconds: Math.round(timeoutMs / 1000) } : { code: 'no_reply_button' });
  }
  const outcome = await insertIntoEditor(composer, text, input.settle ? { settle: input.settle } : {});
  return outcome.ok ? { status: 'inserted', method: outcome.method, boxName } : failed({ code: outcome.failure });
}
