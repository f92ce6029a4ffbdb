import { formatNumber } from '../i18n/format';
import { t } from '../i18n/t';

/**
 * The sync status's error, in the reader's language: the popup and options show it as it is.
 * The reason itself is the server's (CouchDB words its refusals in English), quoted after ours.
 */
export function refusedChangesText(refused: readonly unknown[], reasonOf: (error: unknown) => string): string {
  return t('teamSyncError.refused', refused.length, { count: formatNumber(refused.length), reason: reasonOf(refused[0]) });
}

export function deniedChangeText(reason: string): string {
  return t('teamSyncError.denied', { reason });
}
