import { lazySchema, z } from '../validation/zod';

/**
 * What a brand sells: it decides the nouns its replies use (a flight, an order, a table, an
 * account…). `generic` replies name no product at all.
 */
export const INDUSTRIES = [
  'airline_travel',
  'restaurant_hospitality',
  'retail_ecommerce',
  'software_app',
  'telecom_utilities',
  'banking_finance',
  'generic',
] as const;
export const IndustrySchema = lazySchema(() => z.enum(INDUSTRIES));
export type Industry = z.infer<typeof IndustrySchema>;

export const DEFAULT_INDUSTRY: Industry = 'generic';

export const INDUSTRY_LABELS: Record<Industry, string> = {
  airline_travel: 'Airline / travel',
  restaurant_hospitality: 'Restaurant / hospitality',
  retail_ecommerce: 'Retail / e-commerce',
  software_app: 'Software / app',
  telecom_utilities: 'Telecom / internet / utilities',
  banking_finance: 'Banking / finance',
  generic: 'Other (generic wording)',
};
