/** How often the sidebar list follows a page that keeps adding posts (see RuntimeEnvironment). */
export const SIDEBAR_PUBLISH_INTERVAL_MS = 1_000;
/**
 * How often a tab asks the background to triage what it read (controls show at once, labels
 * follow). Only a page that keeps adding posts waits: a post read after a quiet spell is asked
 * about at once. Each request costs the page's main thread a port message out, an answer in and
 * a round of control updates however few posts it carries (~50 requests on a 2,000-post stream at 250 ms).
 */
export const TRIAGE_INTERVAL_MS = 500;
/** Longest stretch of post reading in one task, well under the 50 ms that makes a long task. */
export const READ_BUDGET_MS = 12;
