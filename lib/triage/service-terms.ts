/**
 * "Is a product or service in view?": a complaint is about something a business sold, runs or did (an order, an
 * account, a flight, the app, the staff), while general venting ("the refs are the worst", "I'm so tired of
 * politics") has none of that in view. The complaint model gets this as context cues (complaint features only,
 * never shown as evidence and never seen by the category model): `ctx:service` or `ctx:no_service`, and each
 * complaint cue again tagged with it (`strong_negative|no_service`), so the model can learn that negativity
 * without a product or service in view is weaker evidence, a conjunction its linear words cannot express.
 *
 * The list is written from what customer care handles in any industry (retail, food, transport, telecoms,
 * utilities, software, finance, hospitality), not from the evaluation tweets. The brand's own name is masked
 * as <brand> and deliberately not a term: every post CareSide triages names the brand, so it says nothing.
 */
import type { FeatureConfig, FeatureCue } from './features';
import type { PreparedText } from './prepare';

const TERMS = [
  // Buying and money.
  String.raw`orders?|ordered|purchases?|purchased|bought|items?|products?|deliver(?:y|ies|ed)?|packages?|parcels?|shipp(?:ed|ing)|shipments?|tracking|couriers?`,
  String.raw`refunds?|refunded|returns?|returned|exchanges?|receipts?|invoices?|bills?|billed|billing|charged?|charges|fees?|prices?|payments?|paid|pay|cards?|discounts?|coupons?|vouchers?|promo|points|rewards?|warranty|guarantee`,
  String.raw`accounts?|subscriptions?|subscribed|membership|plans?|contracts?|passwords?|log ?in|logged|sign ?in|verification`,
  // People and places of a business.
  String.raw`customer service|customer care|customers?|support|helpline|hotline|live chat|agents?|reps?|representatives?|staff|employees?|managers?|cashiers?|drivers?|technicians?|engineers?|waiters?|waitress|servers?|crew|pilots?|stores?|shops?|branch|outlets?|restaurants?|locations?|counter|checkout|drive ?thr(?:u|ough)|hotels?|rooms?`,
  // Software, devices, networks and utilities.
  String.raw`apps?|websites?|site|online|updates?|updated|software|downloads?|devices?|phones?|laptops?|routers?|modems?|internet|wi ?fi|broadband|signal|network|connection|service|outages?|power|electricity`,
  // Travel and bookings.
  String.raw`flights?|planes?|gates?|boarding|luggage|baggage|bags?|seats?|tickets?|bookings?|booked|reservations?|appointments?|trains?|bus(?:es)?|routes?|stations?|platform|cabs?|rides?|rental|check ?in|delayed|cancell?ed`,
  // Goods and food as sold.
  String.raw`menu|meals?|food|drinks?|coffee|pizza|burgers?|sandwich(?:es)?|fries|chips|stock|sizes?|shoes?|jeans|dress|shirts?|jackets?|boxes|replacement|repairs?|installation|quality|brand new|model`,
  // Being served or answered.
  String.raw`emails?|called|call ?back|on hold|dm(?:d|ed)?|response|respond(?:ed)?|replied|reply|complaints?|queue|waiting for`,
];

/** Whole tokens only, on the tokens joined by spaces (no apostrophes or hyphens there); linear time. */
const SERVICE_TERM = new RegExp(String.raw`(?:^| )(?:${TERMS.join('|')})(?= |$)`);

/**
 * The first product or service term among a text's tokens, or undefined when none is in view. Tokens, not the
 * text: the brand is masked there, so "Domino's Pizza" or "Acme Mobile" is not a term by itself.
 */
export function findServiceTerm(tokens: readonly string[]): string | undefined {
  return SERVICE_TERM.exec(tokens.join(' '))?.[0].trim();
}

/**
 * The cues the complaint model sees for a prepared text: its complaint cues, plus with `contextCues` 'flag'
 * `ctx:service` / `ctx:no_service`, plus with 'conjunctions' every complaint cue tagged with that context.
 */
export function complaintFeatureCues(prepared: PreparedText, features: FeatureConfig): readonly FeatureCue[] {
  const mode = features.contextCues ?? 'none';
  if (mode === 'none') return prepared.cues;
  const context = findServiceTerm(prepared.tokens) === undefined ? 'no_service' : 'service';
  const out: FeatureCue[] = [...prepared.cues, { id: `ctx:${context}` }];
  if (mode === 'conjunctions') for (const cue of prepared.cues) out.push({ id: `${cue.id}|${context}` });
  return out;
}
