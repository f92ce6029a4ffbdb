/**
 * Complaint categories, the airline dataset's reason mapping, and the phrase rules that run before
 * the category model. No model import here, so training scripts can use it before a model exists.
 */

import { CATEGORY_LABELS, type CategoryId, type CategoryResult } from '../domain/triage';
import { gatePatterns } from './pattern-gate';

/**
 * The airline dataset's `negativereason` → CareSide category. "longlines" (queues at check-in,
 * security, bag claim; "waited an hour in line") is about waiting, so it maps to delivery/delay.
 */
export const NEGATIVE_REASON_CATEGORY: Readonly<Record<string, CategoryId>> = {
  'Late Flight': 'delivery_delay',
  longlines: 'delivery_delay',
  'Cancelled Flight': 'cancellation',
  'Lost Luggage': 'lost_damaged',
  'Damaged Luggage': 'lost_damaged',
  'Customer Service Issue': 'staff_service',
  'Flight Attendant Complaints': 'staff_service',
  'Flight Booking Problems': 'booking',
  'Bad Flight': 'product_defect',
  "Can't Tell": 'other',
};

/**
 * Ordered: the first matching rule wins. Kept narrow on purpose: each was checked not to lower
 * the cross-validated macro-F1 on the airline train split (see scripts/triage/train-category-model.ts).
 */
export const CATEGORY_RULES: readonly (readonly [CategoryId, RegExp])[] = [
  [
    'outage',
    /\b(?:outage|(?:site|website|app|server|servers|service|system|systems|network|platform) (?:is |are |went |has been |keeps going )?(?:down|offline)|down for everyone|not loading|won'?t load|can'?t connect|error 5\d\d|503|502 bad gateway)\b/,
  ],
  [
    'account_login',
    /\b(?:log ?in|sign ?in|logged out|locked out|lock(?:ed)? my account|password|reset link|2fa|two[- ]factor|verification code|account (?:was |got |is )?(?:hacked|suspended|locked|disabled|banned|deleted)|can'?t access my account|hacked)\b/,
  ],
  [
    'billing_refund',
    /\b(?:refunds?|refunded|reimburse\w*|charged (?:me )?(?:[$€£]?\d[\d.,]* )?(?:twice|double|again|without)|double[- ]charged|overcharg\w*|billing|billed|invoice|chargeback|money back|hidden fees?|unauthori[sz]ed charge|credit card (?:was )?charged)\b/,
  ],
  [
    'lost_damaged',
    /\b(?:(?:lost|losing) (?:my |our )?(?:bag|bags|luggage|suitcase|package|parcel|order|item|delivery)|(?:bag|bags|luggage|suitcase|package|parcel|order|item)s? (?:is |was |were |got )?(?:lost|missing|damaged|broken|destroyed|stolen)|arrived (?:broken|damaged|smashed|crushed|cracked)|damaged (?:bag|luggage|suitcase|item|package))\b/,
  ],
  [
    'cancellation',
    /\b(?:cancel(?:l?ed|l?ing) (?:my|our) (?:order|booking|reservation|appointment|subscription|delivery)|(?:order|booking|reservation|appointment|delivery) (?:was |got |has been )?cancel+ed)\b/,
  ],
  [
    'delivery_delay',
    /\b(?:(?:package|parcel|order|delivery|shipment)\b[^.!?]{0,60}?\b(?:still (?:has |have )?not|hasn'?t|has not|never|not yet) (?:arrived|shown up|turned up|come|shipped|been (?:delivered|shipped))|where is my (?:order|package|parcel|delivery|refund)|late delivery|delivery (?:is |was )?(?:late|delayed))/,
  ],
  // Software that errs (an app, a website, an update): before product_defect, which is about the thing itself.
  [
    'app_bug',
    /\b(?:keeps (?:crashing|freezing)|(?:app|website|site|update|firmware) (?:is |keeps )?(?:broken|broke|crashing|crashes|freezing|glitching|not working|doesn'?t work|won'?t work|isn'?t working)|error (?:code|message)|glitch(?:es|y)?|buggy|bug in)\b/,
  ],
  [
    'product_defect',
    /\b(?:keeps (?:breaking|disconnecting|rebooting)|stopped working|defective|faulty|malfunction\w*|broke after|(?:device|phone|product) (?:is )?(?:broken|broke|crashing|crashes))\b/,
  ],
];

/**
 * Spanish phrase rules (on normalised text: lower case, accents stripped), tried after the English
 * ones: the category model only knows English, so Spanish complaints get the reply for their problem.
 */
export const CATEGORY_RULES_ES: readonly (readonly [CategoryId, RegExp])[] = [
  [
    'outage',
    /\b(?:(?:la )?(?:web|pagina|app|aplicacion|servicio|sistema) (?:esta |sigue )?caid[ao]|no carga|sin (?:servicio|conexion|internet|linea)|caida del servicio)\b/,
  ],
  [
    'account_login',
    /\b(?:no (?:puedo|consigo) (?:entrar|acceder|iniciar sesion)|contrasena|cuenta bloqueada|(?:me )?(?:han )?bloqueado la cuenta|codigo de verificacion)\b/,
  ],
  [
    'lost_damaged',
    /\b(?:(?:perdieron|han perdido|perdido) (?:mi |la |el )?(?:maleta|equipaje|paquete|pedido)|(?:maleta|equipaje|paquete|pedido) (?:perdid[ao]|danad[ao]|rot[ao])|llego (?:roto|rota|danado|danada))\b/,
  ],
  [
    'cancellation',
    /\b(?:(?:han )?cancelado (?:el|mi|la) (?:vuelo|reserva|pedido|cita|suscripcion)|cancelaron (?:el|mi|la|nuestro|nuestra) (?:vuelo|reserva|pedido|cita)|(?:vuelo|reserva|pedido|cita) cancelad[ao])\b/,
  ],
  [
    'billing_refund',
    /\b(?:reembolso|devolucion del dinero|(?:me )?(?:han )?cobrado (?:dos veces|doble|de mas)|cobro doble|cargo (?:duplicado|indebido))\b/,
  ],
  [
    'delivery_delay',
    /\b(?:(?:pedido|paquete|envio)\b[^.!?]{0,60}?\b(?:todavia no|aun no|no) (?:ha llegado|llega|llego)|donde esta mi (?:pedido|paquete)|(?:vuelo|pedido) (?:retrasad[ao]|con retraso)|(?:horas|minutos) de retraso)/,
  ],
];

/** The English rules, then the Spanish ones; `ALL_RULES_GATE.mayMatch(text, i)` is false when rule i cannot match. */
export const ALL_RULES = [...CATEGORY_RULES, ...CATEGORY_RULES_ES];
export const ALL_RULES_GATE = gatePatterns(ALL_RULES.map(([, pattern]) => pattern));
const CATEGORY_RULES_ES_SET: ReadonlySet<RegExp> = new Set(CATEGORY_RULES_ES.map(([, pattern]) => pattern));

/**
 * The first phrase rule that matches. `englishClasses`: only the English rules of these categories count (the
 * Spanish ones always do: the model knows no Spanish); all of them when it is not given.
 */
export function categoryByRule(normalized: string, englishClasses?: readonly CategoryId[]): CategoryResult | undefined {
  for (let k = 0; k < ALL_RULES.length; k++) {
    const [category, pattern] = ALL_RULES[k]!;
    if (englishClasses && !englishClasses.includes(category) && !CATEGORY_RULES_ES_SET.has(pattern)) continue;
    if (!ALL_RULES_GATE.mayMatch(normalized, k)) continue;
    const match = pattern.exec(normalized);
    if (match) {
      return { category, label: CATEGORY_LABELS[category], confidence: 1, source: 'rule', evidence: match[0] };
    }
  }
  return undefined;
}
