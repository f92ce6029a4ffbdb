import type { ImportFileError } from './rows';

/**
 * Import limits on their own, so the protocol (loaded by every content script) and the
 * dashboard can check sizes without pulling in the CSV reader and papaparse.
 */

/** Case files larger than this are refused unread. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The refusal for a file of this many bytes, or null (lets the UI refuse before reading). */
export function importSizeError(bytes: number): ImportFileError | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return {
    code: 'too_large',
    message: `The file is too large (${formatSize(bytes)}); a cases file can be at most ${formatSize(MAX_IMPORT_BYTES)}. Nothing was imported.`,
  };
}
