import type { Platform } from '../../domain/post';
import { findFacebookReplyComposer } from '../../sites/facebook/composer';
import { findXReplyComposer } from '../../sites/x/composer';
import { findYelpReplyComposer } from '../../sites/yelp/composer';

/** Finds the reply box a site opened for a post element; null while none is open. */
export type ComposerFinder = (doc: Document, postElement: Element) => HTMLElement | null;

export const REPLY_COMPOSERS: Record<Platform, ComposerFinder> = {
  x: findXReplyComposer,
  facebook: findFacebookReplyComposer,
  yelp: findYelpReplyComposer,
};

/** How the UI names each site's reply box in messages. */
export const REPLY_BOX_NAMES: Record<Platform, string> = {
  x: "X's reply box",
  facebook: "Facebook's comment box",
  yelp: "Yelp's public comment box",
};
