/**
 * Hybrid logical clock stamps (Kulkarni et al., 2014): wall-clock milliseconds, a counter for
 * writes in the same millisecond or after a clock that ran ahead, and the agent that wrote.
 * Encoded as one string whose plain string order is the clock order, so stamps compare with
 * `<` and travel in JSON and CouchDB documents as they are.
 *
 *   0mg7k2q1c-0000-priya     wall ms (base 36, 9 digits) - counter (base 36, 4 digits) - agent id
 */

import { STAMP_PATTERN } from '../domain/sync-fields';

const WALL_DIGITS = 9;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
/** An agent id: the CouchDB user name when connected, else this install's id. */
export const AGENT_ID_PATTERN = /^[A-Za-z0-9._@+-]{1,100}$/;

/** The agent id of an install no team has named yet: its entries carry no author. */
export const UNNAMED_AGENT = 'local';

export type Stamp = string;

export interface StampParts {
  wall: number;
  counter: number;
  agent: string;
}

/** The stamp every unstamped value has: older than any real write. */
export const ZERO_STAMP: Stamp = formatStamp({ wall: 0, counter: 0, agent: '0' });

export function formatStamp({ wall, counter, agent }: StampParts): Stamp {
  if (!Number.isSafeInteger(wall) || wall < 0 || wall >= 36 ** WALL_DIGITS) throw new RangeError(`Bad clock time ${wall}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) throw new RangeError(`Bad clock counter ${counter}`);
  if (!AGENT_ID_PATTERN.test(agent)) throw new RangeError(`Bad agent id ${JSON.stringify(agent)}`);
  return `${wall.toString(36).padStart(WALL_DIGITS, '0')}-${counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${agent}`;
}

export function parseStamp(stamp: Stamp): StampParts {
  if (!STAMP_PATTERN.test(stamp)) throw new RangeError(`Not a clock stamp: ${JSON.stringify(stamp)}`);
  const wall = parseInt(stamp.slice(0, WALL_DIGITS), 36);
  const counter = parseInt(stamp.slice(WALL_DIGITS + 1, WALL_DIGITS + 1 + COUNTER_DIGITS), 36);
  return { wall, counter, agent: stamp.slice(WALL_DIGITS + COUNTER_DIGITS + 2) };
}

export function compareStamps(a: Stamp, b: Stamp): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxStamp(a: Stamp, b: Stamp): Stamp {
  return a >= b ? a : b;
}

/**
 * One install's clock. `tick` stamps a local write; `observe` moves the clock past a stamp that
 * arrived from another agent, so a write made after seeing it always stamps later, whatever
 * the two machines' wall clocks say.
 */
export class HybridClock {
  private wall = 0;
  private counter = 0;

  constructor(
    private agent: string,
    private readonly now: () => number = Date.now,
  ) {
    if (!AGENT_ID_PATTERN.test(agent)) throw new RangeError(`Bad agent id ${JSON.stringify(agent)}`);
  }

  get agentId(): string {
    return this.agent;
  }

  setAgent(agent: string): void {
    if (!AGENT_ID_PATTERN.test(agent)) throw new RangeError(`Bad agent id ${JSON.stringify(agent)}`);
    this.agent = agent;
  }

  /** A stamp later than every stamp this clock has issued or observed; `physical` defaults to now(). */
  tick(physical: number = this.now()): Stamp {
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.advanceCounter();
    }
    return formatStamp({ wall: this.wall, counter: this.counter, agent: this.agent });
  }

  observe(stamp: Stamp): void {
    const seen = parseStamp(stamp);
    if (seen.wall > this.wall) {
      this.wall = seen.wall;
      this.counter = seen.counter;
    } else if (seen.wall === this.wall && seen.counter > this.counter) {
      this.counter = seen.counter;
    }
  }

  private advanceCounter(): void {
    if (this.counter < MAX_COUNTER) this.counter += 1;
    else {
      // 1.6 million writes in one millisecond: borrow the next millisecond.
      this.wall += 1;
      this.counter = 0;
    }
  }
}
