/**
 * Spiral detection: a sliding window of recent complaints, clustered by similarity; a cluster
 * with at least `minSimilar` complaints that arrived within the last `windowMinutes` is a spiral.
 * Pure and synchronous; the background owns one detector and persists `state()`.
 */
import type { Platform, PostKey } from '../domain/post';
import { fnv1a } from '../triage/hash';
import { clusterSignatures, DEFAULT_SIMILARITY } from './cluster';
import { spiralLabel } from './label';
import { minHashSignature, type Signature } from './minhash';
import { MAX_WINDOW_MEMBERS, type Spiral, type SpiralComplaint, type SpiralState } from './schema';
import { complaintShingles } from './shingles';

export interface SpiralRules {
  /** Similar complaints that make a spiral (N). */
  minSimilar: number;
  /** How recent they must be (T). */
  windowMinutes: number;
  /** Estimated Jaccard similarity of word shingles at which two complaints are "similar". */
  similarity?: number;
}

interface Member {
  postKey: PostKey;
  at: number;
  platform: Platform;
  shingles: string[];
  signature: Signature;
}

/** Fewer shingles than this ("Acme!!", "ugh") say too little to compare. */
const MIN_SHINGLES = 2;
const MINUTE = 60_000;
const PLATFORM_ORDER: readonly Platform[] = ['x', 'facebook', 'yelp'];

const byArrival = (a: Member, b: Member) => a.at - b.at || (a.postKey < b.postKey ? -1 : a.postKey > b.postKey ? 1 : 0);

function newSpiralId(first: PostKey): string {
  return `sp-${fnv1a(first).toString(36)}`;
}

export class SpiralDetector {
  private rules: Required<SpiralRules>;
  private readonly members = new Map<PostKey, Member>();
  /** The spiral each complaint belonged to when spirals were last listed: keeps ids stable. */
  private spiralIds = new Map<PostKey, string>();
  private clusters: Member[][] | null = null;

  constructor(rules: SpiralRules, state?: SpiralState) {
    this.rules = { similarity: DEFAULT_SIMILARITY, ...rules };
    if (state) {
      for (const { postKey, at, platform, shingles } of state.members) {
        this.members.set(postKey, { postKey, at, platform, shingles, signature: minHashSignature(shingles) });
      }
      this.spiralIds = new Map(state.spiralIds);
    }
  }

  setRules(rules: SpiralRules): void {
    const next = { similarity: DEFAULT_SIMILARITY, ...rules };
    if (next.similarity !== this.rules.similarity) this.clusters = null;
    this.rules = next;
  }

  get size(): number {
    return this.members.size;
  }

  private windowStart(now: number): number {
    return now - this.rules.windowMinutes * MINUTE;
  }

  /**
   * Add complaints to the window; returns how many were new. A post seen again (another tab, a
   * reload) counts once; complaints already older than the window, or with too little text to
   * compare, are not kept. Times in the future count as now.
   */
  observe(complaints: readonly SpiralComplaint[], now: number): number {
    const start = this.windowStart(now);
    let added = 0;
    for (const complaint of complaints) {
      if (this.members.has(complaint.postKey)) continue;
      const at = Math.min(complaint.at, now);
      if (at < start) continue;
      const shingles = complaintShingles(complaint.text);
      if (shingles.length < MIN_SHINGLES) continue;
      this.members.set(complaint.postKey, {
        postKey: complaint.postKey,
        at,
        platform: complaint.platform,
        shingles,
        signature: minHashSignature(shingles),
      });
      added++;
    }
    if (added > 0) {
      this.clusters = null;
      this.evictOverflow();
    }
    return added;
  }

  private evictOverflow(): void {
    if (this.members.size <= MAX_WINDOW_MEMBERS) return;
    const oldest = [...this.members.values()].sort(byArrival).slice(0, this.members.size - MAX_WINDOW_MEMBERS);
    for (const member of oldest) this.members.delete(member.postKey);
  }

  /** Drop complaints that slid out of the window; true when any did. */
  prune(now: number): boolean {
    const start = this.windowStart(now);
    let removed = false;
    for (const [postKey, member] of this.members) {
      if (member.at >= start) continue;
      this.members.delete(postKey);
      removed = true;
    }
    if (removed) this.clusters = null;
    return removed;
  }

  private currentClusters(): Member[][] {
    if (!this.clusters) {
      const ordered = [...this.members.values()].sort(byArrival);
      this.clusters = clusterSignatures(
        ordered.map((member) => member.signature),
        this.rules.similarity,
      ).map((indices) => indices.map((index) => ordered[index] as Member));
    }
    return this.clusters;
  }

  /**
   * Spirals now, largest first. `isOpen` leaves out complaints whose case is already resolved or
   * closed. Ids are kept stable across calls: a spiral keeps the id most of its members had.
   */
  active(now: number, isOpen: (postKey: PostKey) => boolean = () => true): Spiral[] {
    this.prune(now);
    const groups = this.currentClusters()
      .map((members) => members.filter((member) => isOpen(member.postKey)))
      .filter((members) => members.length >= this.rules.minSimilar);

    const taken = new Set<string>();
    const nextIds = new Map<PostKey, string>();
    const spirals = groups.map((members): Spiral => {
      const id = this.stableId(members, taken);
      taken.add(id);
      for (const member of members) nextIds.set(member.postKey, id);
      const platforms = new Set(members.map((member) => member.platform));
      return {
        id,
        label: spiralLabel(members.map((member) => member.shingles)),
        size: members.length,
        postKeys: members.map((member) => member.postKey),
        firstAt: (members[0] as Member).at,
        lastAt: (members[members.length - 1] as Member).at,
        platforms: PLATFORM_ORDER.filter((platform) => platforms.has(platform)),
      };
    });
    this.spiralIds = nextIds;
    return spirals.sort((a, b) => b.size - a.size || b.lastAt - a.lastAt || (a.id < b.id ? -1 : 1));
  }

  /** The id most members carried before (not one another spiral already took), else a new one. */
  private stableId(members: readonly Member[], taken: ReadonlySet<string>): string {
    const votes = new Map<string, number>();
    for (const member of members) {
      const id = this.spiralIds.get(member.postKey);
      if (id !== undefined && !taken.has(id)) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    let best: string | undefined;
    let bestVotes = 0;
    for (const [id, count] of votes) {
      if (count > bestVotes || (count === bestVotes && best !== undefined && id < best)) {
        best = id;
        bestVotes = count;
      }
    }
    if (best !== undefined) return best;
    // Members are in arrival order; on the rare clash (a split spiral), try the next member.
    for (const member of members) {
      const id = newSpiralId(member.postKey);
      if (!taken.has(id)) return id;
    }
    return newSpiralId(`${(members[0] as Member).postKey}#${taken.size}`);
  }

  /** Everything needed to rebuild this detector after a restart (shingles, not post text). */
  state(): SpiralState {
    return {
      version: 1,
      members: [...this.members.values()]
        .sort(byArrival)
        .map(({ postKey, at, platform, shingles }) => ({ postKey, at, platform, shingles })),
      spiralIds: [...this.spiralIds],
    };
  }
}
