/**
 * Import limits on their own, so the protocol (loaded by every content script) can check sizes
 * without pulling in the CSV reader and papaparse.
 */

/** Case files larger than this are refused unread. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
