import { formatNumber } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import type { Settings } from '../../lib/settings/schema';

/** '2 brands (Acme Air, Acme Rewards) and signature "^Dana"' for import previews and messages. */
export function describeSettings(settings: Settings): string {
  const count = settings.brands.length;
  const names = settings.brands.slice(0, 5).map((brand) => brand.name);
  const listed = names.join(', ');
  const named = count > names.length ? t('options.summaryMore', { names: listed, count: formatNumber(count - names.length) }) : listed;
  const brands =
    count === 0 ? t('options.summaryNoBrands') : t('options.summaryBrands', count, { count: formatNumber(count), names: named });
  // The signature is this install's, never in a file: the summary names what files carry.
  const saved = settings.savedReplies.length;
  return t('options.summary', saved, { brands, count: formatNumber(saved) });
}
