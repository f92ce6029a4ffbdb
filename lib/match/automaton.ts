import AhoCorasick from 'modern-ahocorasick';

/**
 * Multi-pattern search over UTF-16 code units with an Aho-Corasick automaton built by
 * modern-ahocorasick.
 *
 * modern-ahocorasick builds the trie, failure links and output links (the part worth a library)
 * and exposes them through its versioned `serialize()` format. Its own scanner walks grapheme
 * clusters (Intl.Segmenter) and allocates a match object per hit, which made it 5-10x slower than
 * one combined RegExp on our benchmark (scripts/bench/matcher.ts). So the automaton is run here:
 * its transitions are completed into a dense table (a DFA: one array read per code unit), and
 * hits are reported through a callback. When the compiled form is unavailable (an unknown format
 * version, a symbol longer than one code unit, or a table too large) the library's own search
 * runs instead; results are the same on folded brand text, which has no combining marks.
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
const SERIAL_FORMAT = 'modern-ahocorasick';
const SERIAL_VERSION = 1;

/** The fields of modern-ahocorasick's serialize() output (format version 1) this module reads. */
interface SerializedAutomaton {
  format: string;
  version: number;
  symbols: string[];
  /** CSR offsets into labels/targets, per state. */
  edges: number[];
  labels: number[];
  targets: number[];
  failures: number[];
  /** Nearest state on the failure chain that ends a pattern, or -1. */
  outputs: number[];
  /** CSR offsets into patternIndices, per state. */
  terminals: number[];
  patternIndices: number[];
}

function isIntArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item));
}

function parseSerialized(serialized: string): SerializedAutomaton | null {
  let raw: unknown;
  try {
    raw = JSON.parse(serialized);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const candidate = raw as Partial<Record<keyof SerializedAutomaton, unknown>>;
  if (candidate.format !== SERIAL_FORMAT || candidate.version !== SERIAL_VERSION) return null;
  const { symbols, edges, labels, targets, failures, outputs, terminals, patternIndices } = candidate;
  if (!Array.isArray(symbols) || !symbols.every((symbol) => typeof symbol === 'string')) return null;
  if (![edges, labels, targets, failures, outputs, terminals, patternIndices].every(isIntArray)) return null;
  const automaton = candidate as SerializedAutomaton;
  const states = automaton.failures.length;
  if (automaton.edges.length !== states + 1 || automaton.terminals.length !== states + 1 || automaton.outputs.length !== states)
    return null;
  return automaton;
}

/** The library's own search: the fallback, and the reference the compiled scanner is tested against. */
export function libraryFinder(patterns: readonly TermPattern[]): TermFinder {
  if (patterns.length === 0) return () => undefined;
  const automaton = new AhoCorasick<number>(patterns.map(({ pattern, data }) => ({ pattern, data })));
  return (text, emit) => {
    for (const found of automaton.search(text)) emit(found.data ?? -1, found.start, found.end);
  };
}

/**
 * Compile modern-ahocorasick's automaton for `patterns` into a code-unit DFA; falls back to the
 * library's search when it cannot (see the module comment).
 */
export function createTermFinder(patterns: readonly TermPattern[]): TermFinder {
  if (patterns.length === 0) return () => undefined;
  const library = new AhoCorasick<number>(patterns.map(({ pattern, data }) => ({ pattern, data })));
  const compiled = compile(library.serialize(), patterns);
  if (compiled) return compiled;
  return (text, emit) => {
    for (const found of library.search(text)) emit(found.data ?? -1, found.start, found.end);
  };
}

function compile(serialized: string, patterns: readonly TermPattern[]): TermFinder | null {
  const automaton = parseSerialized(serialized);
  if (!automaton) return null;
  const { symbols, edges, labels, targets, failures, outputs, terminals, patternIndices } = automaton;
  if (!symbols.every((symbol) => symbol.length === 1)) return null;
  const states = failures.length;
  const width = symbols.length + 1; // column 0: code units no pattern contains
  if (states * width > MAX_TABLE_CELLS) return null;

  // Code unit -> column. 128 KB; built once per settings change.
  const columnOf = new Uint16Array(65_536);
  symbols.forEach((symbol, index) => {
    columnOf[symbol.charCodeAt(0)] = index + 1;
  });

  // Dense transitions: the trie's edges, the rest taken from the failure state (breadth-first,
  // so a state's failure state is complete before the state itself).
  const next = new Int32Array(states * width);
  const order: number[] = [0];
  for (let head = 0; head < order.length; head++) {
    const state = order[head] as number;
    const base = state * width;
    if (state !== 0) next.set(next.subarray((failures[state] as number) * width, (failures[state] as number) * width + width), base);
    for (let edge = edges[state] as number; edge < (edges[state + 1] as number); edge++) {
      const target = targets[edge] as number;
      next[base + (labels[edge] as number) + 1] = target;
      order.push(target);
    }
  }
  if (order.length !== states) return null;

  // Per state: does it (or its output chain) end a pattern? Pattern lengths in code units.
  const ends = Uint8Array.from({ length: states }, (_, state) =>
    (terminals[state + 1] as number) > (terminals[state] as number) || (outputs[state] as number) >= 0 ? 1 : 0,
  );
  const dataOf = Int32Array.from(patterns, (entry) => entry.data);
  const lengthOf = Int32Array.from(patterns, (entry) => entry.pattern.length);

  return (text, emit) => {
    let state = 0;
    for (let at = 0; at < text.length; at++) {
      state = next[state * width + (columnOf[text.charCodeAt(at)] as number)] as number;
      if (ends[state] === 0) continue;
      const end = at + 1;
      for (let hit = state; hit >= 0; hit = outputs[hit] as number) {
        for (let slot = terminals[hit] as number; slot < (terminals[hit + 1] as number); slot++) {
          const pattern = patternIndices[slot] as number;
          emit(dataOf[pattern] as number, end - (lengthOf[pattern] as number), end);
        }
      }
    }
  };
}
