import AhoCorasick from 'modern-ahocorasick';

/**
 * Multi-pattern search over UTF-16 code units: an Aho-Corasick automaton completed into a dense
 * table (a DFA: one array read per code unit), hits reported through a callback.
 *
 * Built here rather than by modern-ahocorasick: the library segments graphemes with an
 * Intl.Segmenter created per automaton (about 100 ms of ICU loading on each page's first match,
 * in every tab), and its scanner allocates a match object per hit (5-10x slower than one combined
 * RegExp on scripts/bench/matcher.ts). Its search stays as the reference the tests and the bench
 * compare with, and as the fallback when the table would be too large; results are the same on
 * folded brand text, which has no combining marks.
 */
export interface TermPattern {
  pattern: string;
  /** Caller's id for the pattern (several patterns may share a string). */
  data: number;
}

/** Called once per occurrence: `text.slice(start, end)` equals the pattern. */
export type EmitTerm = (data: number, start: number, end: number) => void;

/** Finds every occurrence of every pattern, overlaps included. */
export type TermFinder = (text: string, emit: EmitTerm) => void;

/** Largest dense table we build (states × alphabet), in cells: 4 M Int32 = 16 MB. */
const MAX_TABLE_CELLS = 4_000_000;

/** The library's own search: the fallback, and the reference the compiled scanner is tested against. */
export function libraryFinder(patterns: readonly TermPattern[]): TermFinder {
  if (patterns.length === 0) return () => undefined;
  const automaton = new AhoCorasick<number>(patterns.map(({ pattern, data }) => ({ pattern, data })));
  return (text, emit) => {
    for (const found of automaton.search(text)) emit(found.data ?? -1, found.start, found.end);
  };
}

/**
 * A code-unit DFA for `patterns`: the trie, its failure and output links, and the dense table,
 * built here in one breadth-first pass. Falls back to the library's search when the table would
 * be too large (see MAX_TABLE_CELLS).
 */
export function createTermFinder(patterns: readonly TermPattern[]): TermFinder {
  if (patterns.length === 0) return () => undefined;
  return compile(patterns) ?? libraryFinder(patterns);
}

/** The trie of `patterns` over code units: child links per state, and which patterns end where. */
function buildTrie(patterns: readonly TermPattern[], columnOf: Uint16Array): { children: Map<number, number>[]; endsHere: number[][] } {
  const children: Map<number, number>[] = [new Map<number, number>()];
  const endsHere: number[][] = [[]];
  patterns.forEach(({ pattern }, index) => {
    let state = 0;
    for (let at = 0; at < pattern.length; at++) {
      const column = columnOf[pattern.charCodeAt(at)] as number;
      let target = children[state]?.get(column);
      if (target === undefined) {
        target = children.length;
        children.push(new Map<number, number>());
        endsHere.push([]);
        children[state]?.set(column, target);
      }
      state = target;
    }
    endsHere[state]?.push(index);
  });
  return { children, endsHere };
}

function compile(patterns: readonly TermPattern[]): TermFinder | null {
  // Code unit -> column (0: code units no pattern contains). 128 KB; built once per settings change.
  const columnOf = new Uint16Array(65_536);
  let width = 1;
  for (const { pattern } of patterns) {
    for (let at = 0; at < pattern.length; at++) {
      const unit = pattern.charCodeAt(at);
      if (columnOf[unit] !== 0) continue;
      if (width === 0xffff) return null; // more distinct code units than a column number holds
      columnOf[unit] = width++;
    }
  }
  const { children, endsHere } = buildTrie(patterns, columnOf);
  const states = children.length;
  if (states * width > MAX_TABLE_CELLS) return null;

  // Dense transitions: the trie's edges, the rest taken from the failure state (breadth-first,
  // so a state's failure state is complete before the state itself).
  const next = new Int32Array(states * width);
  const failure = new Int32Array(states);
  /** Nearest state on the failure chain (itself excluded) that ends a pattern, or -1. */
  const output = new Int32Array(states).fill(-1);
  const order: number[] = [0];
  for (let head = 0; head < order.length; head++) {
    const state = order[head] as number;
    const base = state * width;
    if (state !== 0) next.copyWithin(base, (failure[state] as number) * width, (failure[state] as number) * width + width);
    for (const [column, target] of children[state] ?? []) {
      const fallback = state === 0 ? 0 : (next[(failure[state] as number) * width + column] as number);
      failure[target] = fallback;
      output[target] = (endsHere[fallback]?.length ?? 0) > 0 ? fallback : (output[fallback] as number);
      next[base + column] = target;
      order.push(target);
    }
  }

  const ends = Uint8Array.from({ length: states }, (_, state) =>
    (endsHere[state]?.length ?? 0) > 0 || (output[state] as number) >= 0 ? 1 : 0,
  );
  const dataOf = Int32Array.from(patterns, (entry) => entry.data);
  const lengthOf = Int32Array.from(patterns, (entry) => entry.pattern.length);

  return (text, emit) => {
    let state = 0;
    for (let at = 0; at < text.length; at++) {
      state = next[state * width + (columnOf[text.charCodeAt(at)] as number)] as number;
      if (ends[state] === 0) continue;
      const end = at + 1;
      for (let hit = state; hit >= 0; hit = output[hit] as number) {
        for (const pattern of endsHere[hit] ?? []) emit(dataOf[pattern] as number, end - (lengthOf[pattern] as number), end);
      }
    }
  };
}
