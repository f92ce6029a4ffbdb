import { formatNumber } from '../i18n/format';
import { t } from '../i18n/t';

/**
 * The sync status's error, in the reader's language: the popup and options show it as it is.
 * The reason itself is the server's (CouchDB words its refusals in English), quoted after ours.
 */
export function refusedChangesText(refused: readonly unknown[], reasonOf: (error: unknown) => string): string {
  return refusedText(refused.length, reasonOf(refused[0]));
}

/** "The server refused 3 changes: <the first one's reason>". */
export function refusedText(count: number, reason: string): string {
  return t('teamSyncError.refused', count, { count: formatNumber(count), reason });
}
