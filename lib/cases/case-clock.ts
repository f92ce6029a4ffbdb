import { HybridClock, UNNAMED_AGENT } from '../merge/hlc';

/**
 * This install's clock for stamping case edits (lib/merge/stamp.ts). One per worker: every
 * edit path stamps from it, and replication moves it past the stamps it receives. The agent id
 * is "local" until the team workspace names this install's agent (lib/sync).
 */
export const caseClock = new HybridClock(UNNAMED_AGENT);
