/**
 * Talk to the background from an extension page, as the popup and options page do, using the
 * raw wire format so tests can also send what the typed client never would.
 */
import type { Page } from 'playwright-core';
import type { ChromeGlobal } from '../../../scripts/browser/launch';
import type { XPostSpec } from '../../../demo/x/markup';
import type { PostInput } from '../../../lib/domain/post';

export async function sendRawMessage(extensionPage: Page, message: unknown): Promise<unknown> {
  return extensionPage.evaluate((sent) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage(sent), message);
}

/** The Post the X adapter should read off a test post (identity fields are what matter to the store). */
export function postOf(spec: XPostSpec): PostInput {
  return {
    platform: 'x',
    postId: spec.id,
    kind: 'post',
    url: `https://x.com/${spec.handle}/status/${spec.id}`,
    authorName: spec.displayName,
    authorHandle: spec.handle,
    text: spec.text,
    postedAt: spec.postedAt,
  };
}
