import type { ImportFileError } from './rows';
import { formatFileSize } from '../i18n/format';
import { t } from '../i18n/t';

/**
 * Import limits on their own, so the protocol (loaded by every content script) and the
 * dashboard can check sizes without pulling in the CSV reader and papaparse.
 */

/** Case files larger than this are refused unread. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The refusal for a file of this many bytes, or null (lets the UI refuse before reading). */
export function importSizeError(bytes: number): ImportFileError | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return {
    code: 'too_large',
    message: t('importFile.tooLarge', { size: formatFileSize(bytes), max: formatFileSize(MAX_IMPORT_BYTES) }),
  };
}
