/** The generated posts a soak run scrolls through: 4 in 5 mention the brand (they get an inline control). */
import type { XPostSpec } from '../../demo/x/markup';

const COMPLAINTS = [
  '@AcmeAir my flight was cancelled an hour before boarding and nobody at the desk can help.',
  'Acme Air lost my suitcase again. Third time this year, claim line hangs up after 40 minutes.',
  'Still waiting on the refund Acme Air promised in October. #AcmeAirFail',
  'Sat on the tarmac for two hours with @AcmeAirHelp saying nothing. Wifi dead, seat broken.',
  'Acme Air charged me twice for the same seat upgrade and chat keeps disconnecting.',
];
const OTHER = [
  'Fresh air and a long walk fixes most things.',
  'Denver airport has the best pretzels, fight me.',
  'Booked a trip to Lisbon for spring, any tips?',
];
const BASE_TIME = Date.parse('2025-11-20T12:00:00.000Z');
const FIRST_ID = 1_997_000_000_000_000_000n;

/** Post number `index` of the run. */
export function soakPost(index: number): XPostSpec {
  const mentions = index % 5 !== 4;
  const text = mentions ? COMPLAINTS[index % COMPLAINTS.length] : OTHER[index % OTHER.length];
  return {
    id: String(FIRST_ID + BigInt(index)),
    displayName: `Traveller ${index}`,
    handle: `traveller_${index}`,
    text: `${text ?? ''} (#${index})`,
    postedAt: new Date(BASE_TIME - index * 1_000).toISOString(),
    replies: index % 7,
    likes: index % 40,
    views: 100 + (index % 5_000),
  };
}

/** The post a key from `keyOfPost` names (to show it again after a restart). */
export const postOfKey = (key: string): XPostSpec => soakPost(Number(BigInt(key.slice(2)) - FIRST_ID));
export const keyOfPost = (post: XPostSpec) => `x:${post.id}`;
export const mentionsBrand = (post: XPostSpec) => /acme ?air/i.test(post.text);
