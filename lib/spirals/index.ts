/**
 * Complaint spirals: many similar complaints in a short time (a lost-baggage wave, an outage).
 * Pure: MinHash over word shingles, LSH clustering, a sliding window. See README.md.
 */
export { SpiralDetector, type SpiralRules } from './detector';
export { formatSpiralSpan, spiralSummary } from './format';
export { spiralLabel } from './label';
export { complaintShingles } from './shingles';
export {
  MAX_OBSERVE_BATCH,
  MAX_WINDOW_MEMBERS,
  SpiralComplaintSchema,
  SpiralSchema,
  SpiralStateSchema,
  type Spiral,
  type SpiralComplaint,
  type SpiralState,
} from './schema';
