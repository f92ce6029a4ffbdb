/** How often the sidebar list follows a page that keeps adding posts (see RuntimeEnvironment). */
export const SIDEBAR_PUBLISH_INTERVAL_MS = 1_000;
/** How often a tab asks the background to triage what it read (controls show at once, labels follow). */
export const TRIAGE_INTERVAL_MS = 250;
/** Longest stretch of post reading in one task, well under the 50 ms that makes a long task. */
export const READ_BUDGET_MS = 12;
