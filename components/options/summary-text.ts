import type { Settings } from '../../lib/settings/schema';

/** '2 brands (Acme Air, Acme Rewards) and signature "^Dana"' for import previews and messages. */
export function describeSettings(settings: Settings): string {
  const count = settings.brands.length;
  const names = settings.brands.slice(0, 5).map((brand) => brand.name);
  const more = count > names.length ? `, and ${count - names.length} more` : '';
  const brands = count === 0 ? 'no brands' : `${count} ${count === 1 ? 'brand' : 'brands'} (${names.join(', ')}${more})`;
  // The signature is this install's, never in a file: the summary names what files carry.
  const saved = settings.savedReplies.length;
  return `${brands} and ${saved} saved ${saved === 1 ? 'reply' : 'replies'}`;
}
