/**
 * One pass over a text tells which of triage's ~40 regular expressions (complaint cues, urgency, category phrase
 * rules and keyword lexicons) can match it at all: an Aho-Corasick automaton over their required literals
 * (required-literals.ts; every match contains one). An expression whose literals are all absent is skipped; the
 * others run as before, so every result is the expression's own. Most expressions are word lists that a tweet
 * does not touch: a post runs a handful instead of all of them.
 *
 * Expressions register once at module load (`gatePatterns`); the automaton over all of them is built on first use.
 * The scan of the last text is kept, since every stage reads the same normalised string. Deriving the literals
 * takes a cold worker ~0.1 s, so they ship precomputed (model/pattern-literals.ts, keyed by a hash of the expression;
 * `npx tsx scripts/triage/pattern-literals.ts` rewrites it, a test fails when it is stale); an expression not
 * found there is derived at first use.
 */
import { fnv1a } from './hash';
import { PATTERN_LITERALS } from './model/pattern-literals';
import { requiredLiterals } from './required-literals';

/**
 * Literals are cut to this many leading characters: a part of a required literal is required too, and shorter
 * literals share more of the trie (a smaller automaton for a little less precision).
 */
const LITERAL_PREFIX = 7;

/** Registered expressions; their literals are derived when the automaton is built (first use, not module load). */
const registered: RegExp[] = [];

interface Automaton {
  patterns: number;
  /** Class of each ASCII code (0: in no literal); other codes through `wideClasses`. */
  asciiClasses: Uint8Array;
  wideClasses: Map<number, number>;
  classes: number;
  /**
   * The transitions as row offsets (a complete DFA: failure links folded in): for the row of state s (s ×
   * classes) and a class, 2 × (next state's row) + 1 when the next state ends a literal, + 0 when not. The scan
   * then needs no multiply per char and reads `outputs` only where a literal ends.
   */
  rows: Int32Array;
  /** Patterns whose literal ends at a state: ids[outputs[s] .. outputs[s + 1]). */
  outputs: Int32Array;
  ids: Int32Array;
  /** Patterns with no literal: always marked. */
  always: readonly number[];
}

let automaton: Automaton | undefined;
let lastText: string | undefined;
let marks = new Uint8Array(0);

/** A registered list of expressions: `mayMatch(text, i)` is false only when expression i cannot match `text`. */
export interface PatternGate {
  mayMatch(text: string, index: number): boolean;
}

export function gatePatterns(patterns: readonly RegExp[]): PatternGate {
  const offset = registered.length;
  registered.push(...patterns);
  automaton = undefined;
  lastText = undefined;
  return {
    mayMatch(text: string, index: number): boolean {
      if (text !== lastText) scan(text);
      return marks[offset + index] === 1;
    },
  };
}

function scan(text: string): void {
  automaton ??= buildAutomaton();
  const { asciiClasses, wideClasses, classes, rows, outputs, ids, always, patterns } = automaton;
  if (marks.length !== patterns) marks = new Uint8Array(patterns);
  else marks.fill(0);
  for (const id of always) marks[id] = 1;
  let row = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? (asciiClasses[code] as number) : (wideClasses.get(code) ?? 0);
    const step = rows[row + cls] as number;
    row = step >> 1;
    if ((step & 1) === 0) continue;
    const state = row / classes;
    const end = outputs[state + 1] as number;
    for (let k = outputs[state] as number; k < end; k++) marks[ids[k] as number] = 1;
  }
  lastText = text;
}

function buildAutomaton(): Automaton {
  const asciiClasses = new Uint8Array(128);
  const wideClasses = new Map<number, number>();
  let classes = 1;
  const classOf = (code: number): number => {
    const known = code < 128 ? asciiClasses[code] || undefined : wideClasses.get(code);
    if (known !== undefined) return known;
    const cls = classes++;
    if (code < 128) asciiClasses[code] = cls;
    else wideClasses.set(code, cls);
    return cls;
  };
  // The trie: per state its children (class → state) and the patterns whose literal ends there.
  const children = [new Map<number, number>()];
  const ends = [new Set<number>()];
  const always: number[] = [];
  registered.forEach((pattern, id) => {
    const key = patternKey(pattern);
    const literals = key in PATTERN_LITERALS ? PATTERN_LITERALS[key] : gateLiterals(pattern);
    if (!literals) return void always.push(id);
    for (const literal of literals) {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const cls = classOf(literal.charCodeAt(i));
        let child = children[state]!.get(cls);
        if (child === undefined) {
          child = children.length;
          children.push(new Map<number, number>());
          ends.push(new Set<number>());
          children[state]!.set(cls, child);
        }
        state = child;
      }
      ends[state]!.add(id);
    }
  });
  const states = children.length;
  const next = new Int32Array(states * classes);
  const fail = new Int32Array(states);
  // Breadth first, so a state's failure state is complete before it is used.
  const queue: number[] = [];
  for (const [cls, child] of children[0]!) {
    next[cls] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const failure = fail[state]!;
    for (const id of ends[failure]!) ends[state]!.add(id);
    // Where the trie has no edge, go where the failure state goes; then the trie's own edges.
    next.copyWithin(state * classes, failure * classes, failure * classes + classes);
    for (const [cls, child] of children[state]!) {
      fail[child] = next[failure * classes + cls]!;
      next[state * classes + cls] = child;
      queue.push(child);
    }
  }
  const outputs = new Int32Array(states + 1);
  const ids: number[] = [];
  for (let state = 0; state < states; state++) {
    outputs[state] = ids.length;
    ids.push(...ends[state]!);
  }
  outputs[states] = ids.length;
  const rows = new Int32Array(next.length);
  for (let t = 0; t < next.length; t++) {
    const target = next[t] as number;
    rows[t] = 2 * target * classes + (outputs[target + 1] !== outputs[target] ? 1 : 0);
  }
  return {
    patterns: registered.length,
    asciiClasses,
    wideClasses,
    classes,
    rows,
    outputs,
    ids: Int32Array.from(ids),
    always,
  };
}

/** The key of an expression in PATTERN_LITERALS. */
export function patternKey(pattern: RegExp): string {
  return `${fnv1a(pattern.source).toString(36)}/${pattern.source.length}/${pattern.flags}`;
}

/** The literals the gate uses for an expression (required literals cut to LITERAL_PREFIX), null when it has none. */
export function gateLiterals(pattern: RegExp): string[] | null {
  const literals = requiredLiterals(pattern);
  if (!literals) return null;
  const cut = [...new Set(literals.map((literal) => literal.slice(0, LITERAL_PREFIX)))].sort(
    (a, b) => a.length - b.length || (a < b ? -1 : 1),
  );
  return cut.filter((literal, i) => !cut.slice(0, i).some((shorter) => literal.includes(shorter)));
}

/** The registered expressions (for the generator of pattern-literals.ts). */
export function registeredPatterns(): readonly RegExp[] {
  return registered;
}

/** Size of the automaton, for the model card and tests. */
export function gateStats(): { patterns: number; states: number; classes: number; ungated: number } {
  automaton ??= buildAutomaton();
  return {
    patterns: automaton.patterns,
    states: automaton.outputs.length - 1,
    classes: automaton.classes,
    ungated: automaton.always.length,
  };
}
