/**
 * Required literals of a regular expression: a set of strings such that every match of the expression contains at
 * least one of them (RE2's "prefilter" idea, on the subset of JS syntax the triage expressions use). A text that
 * contains none of them cannot match, so the expression need not run on it (pattern-gate.ts). Sound by
 * construction: anything the parser does not know (flags other than g/u, back-references, a class it cannot
 * enumerate...) yields no literals for that part, and an expression with none is always run.
 *
 * Per node: `exact`, every string the node can match when that set is small (a word list, `refunds?`), else
 * undefined; `required`, literals one of which every match contains, or undefined (no constraint).
 */

/** Most strings an exact set may hold before it is given up (cross products of optional parts grow fast). */
const MAX_EXACT = 64;
/** Characters of a class enumerated as an exact set ([ao], [234], [- ]); larger classes are "any character". */
const MAX_CLASS_CHARS = 8;

interface Info {
  exact: readonly string[] | undefined;
  required: readonly string[] | undefined;
}

const ANY: Info = { exact: undefined, required: undefined };
const EMPTY: Info = { exact: [''], required: undefined };

class Unsupported extends Error {}

/** The required literals of `pattern`, or undefined when every text may match (or the syntax is not understood). */
export function requiredLiterals(pattern: RegExp): string[] | undefined {
  if (/[^gu]/.test(pattern.flags)) return undefined;
  try {
    const parser = new Parser(pattern.source);
    const info = parser.alternation();
    if (!parser.done()) return undefined;
    const literals = bestRequired(info);
    return literals && minimal(literals);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** Drop literals that contain another one: a text containing the longer one contains the shorter. */
function minimal(literals: readonly string[]): string[] {
  const unique = [...new Set(literals)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const literal of unique) if (!kept.some((shorter) => literal.includes(shorter))) kept.push(literal);
  return kept;
}

/** How much a literal set narrows: its shortest literal's length (−1: no constraint). */
function strength(literals: readonly string[] | undefined): number {
  if (!literals || literals.length === 0) return -1;
  let shortest = Infinity;
  for (const literal of literals) shortest = Math.min(shortest, literal.length);
  return shortest;
}

function better(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  const sa = strength(a);
  const sb = strength(b);
  if (sa !== sb) return sa > sb ? a : b;
  return (a?.length ?? Infinity) <= (b?.length ?? Infinity) ? a : b;
}

/** A node's exact set as required literals (unless it can match the empty string), or its own required set. */
function bestRequired(info: Info): readonly string[] | undefined {
  const fromExact = info.exact && !info.exact.includes('') ? info.exact : undefined;
  return better(fromExact, info.required);
}

function product(left: readonly string[], right: readonly string[]): string[] | undefined {
  if (left.length * right.length > MAX_EXACT) return undefined;
  const out: string[] = [];
  for (const a of left) for (const b of right) out.push(a + b);
  return [...new Set(out)];
}

/** A sequence: each child's match is a contiguous part of the sequence's match, and so is each run of exact children. */
function sequence(items: readonly Info[]): Info {
  let best: readonly string[] | undefined;
  let run: readonly string[] | undefined = [''];
  let whole: readonly string[] | undefined = [''];
  for (const item of items) {
    if (item.exact) {
      const joined: readonly string[] | undefined = run && product(run, item.exact);
      if (joined) run = joined;
      else {
        best = better(best, bestRequired({ exact: run, required: undefined }));
        run = item.exact;
      }
      whole = whole && product(whole, item.exact);
    } else {
      best = better(best, bestRequired({ exact: run, required: undefined }));
      best = better(best, item.required);
      run = [''];
      whole = undefined;
    }
  }
  best = better(best, bestRequired({ exact: run, required: undefined }));
  return { exact: whole, required: best };
}

/** An alternation: every match is one branch's, so the union of the branches' literals (each branch must have some). */
function alternation(branches: readonly Info[]): Info {
  let exact: string[] | undefined = [];
  let required: string[] | undefined = [];
  for (const branch of branches) {
    if (exact && branch.exact && exact.length + branch.exact.length <= MAX_EXACT) exact.push(...branch.exact);
    else exact = undefined;
    const literals = bestRequired(branch);
    if (required && literals) required.push(...literals);
    else required = undefined;
  }
  return { exact: exact && [...new Set(exact)], required };
}

function repeat(item: Info, min: number, max: number): Info {
  let exact: readonly string[] | undefined;
  if (item.exact && max <= 3) {
    const all = new Set<string>();
    let power: readonly string[] | undefined = [''];
    for (let k = 0; k <= max && power; k++) {
      if (k >= min) for (const s of power) all.add(s);
      if (k < max) power = product(power, item.exact);
    }
    exact = power && all.size <= MAX_EXACT ? [...all] : undefined;
  }
  // At least one repetition: every match contains one match of the item.
  return { exact, required: min >= 1 ? bestRequired(item) : undefined };
}

const CONTROL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

class Parser {
  private i = 0;
  constructor(private readonly source: string) {}

  done(): boolean {
    return this.i >= this.source.length;
  }

  private peek(): string | undefined {
    return this.source[this.i];
  }

  alternation(): Info {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as Info) : alternation(branches);
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified());
    return sequence(items);
  }

  private quantified(): Info {
    const atom = this.atom();
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!braces) throw new Unsupported('brace');
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
      this.i += braces[0].length - 1;
    } else return atom;
    this.i++;
    if (this.peek() === '?') this.i++; // lazy: the same strings
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const c = this.source[this.i++] as string;
    if (c === '(') return this.group();
    if (c === '[') return this.characterClass();
    if (c === '\\') return this.escape();
    if (c === '.') return ANY;
    if (c === '^' || c === '$') return EMPTY;
    if (c === ')' || c === '*' || c === '+' || c === '?' || c === '{') throw new Unsupported(c);
    return { exact: [c], required: undefined };
  }

  private group(): Info {
    const rest = this.source.slice(this.i);
    const lookaround = /^\?(?:[=!]|<[=!])/.exec(rest);
    if (lookaround) {
      this.i += lookaround[0].length;
      this.alternation();
      this.expect(')');
      return EMPTY; // zero-width: it constrains where a match is, not what it contains
    }
    if (rest.startsWith('?:')) this.i += 2;
    else if (rest.startsWith('?<')) {
      const name = /^\?<[A-Za-z_$][\w$]*>/.exec(rest);
      if (!name) throw new Unsupported('group name');
      this.i += name[0].length;
    } else if (rest.startsWith('?')) throw new Unsupported('group modifier');
    const inner = this.alternation();
    this.expect(')');
    return inner;
  }

  private expect(c: string): void {
    if (this.source[this.i] !== c) throw new Unsupported(`expected ${c}`);
    this.i++;
  }

  private escape(): Info {
    const c = this.source[this.i++];
    if (c === undefined) throw new Unsupported('trailing backslash');
    if (c === 'b' || c === 'B') return EMPTY;
    if ('dDwWsS'.includes(c)) return ANY;
    if (c === 'p' || c === 'P') {
      const end = this.source.indexOf('}', this.i);
      if (end < 0) throw new Unsupported('property');
      this.i = end + 1;
      return ANY;
    }
    const single = this.escapedChar(c);
    return { exact: [single], required: undefined };
  }

  /** The character an escape outside \b \d \w \s \p stands for. */
  private escapedChar(c: string): string {
    if (c in CONTROL_ESCAPES && !(c === '0' && /\d/.test(this.peek() ?? ''))) return CONTROL_ESCAPES[c] as string;
    if (/[1-9]/.test(c) || c === 'k' || c === 'c') throw new Unsupported('back-reference or control');
    if (c === 'x' || c === 'u') {
      const hex = c === 'x' ? /^[0-9a-fA-F]{2}/.exec(this.source.slice(this.i)) : /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.i));
      if (!hex) throw new Unsupported('hex escape');
      this.i += hex[0].length;
      return String.fromCharCode(parseInt(hex[0], 16));
    }
    if (/[A-Za-z]/.test(c)) throw new Unsupported(`escape \\${c}`);
    return c;
  }

  /** A class is an exact set of its characters when it is small, not negated and has no class escapes. */
  private characterClass(): Info {
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let enumerable = !negated;
    while (true) {
      const c = this.source[this.i++];
      if (c === undefined) throw new Unsupported('unterminated class');
      if (c === ']') break; // in JS a ] always closes the class ([] matches nothing, [^] anything)
      let from: string | undefined = c;
      if (c === '\\') {
        const e = this.source[this.i++] as string;
        if ('dDwWsSbB'.includes(e) || e === 'p' || e === 'P') {
          if (e === 'p' || e === 'P') this.i = this.source.indexOf('}', this.i) + 1;
          enumerable = false;
          from = undefined;
        } else from = this.escapedChar(e);
      }
      if (from !== undefined && this.peek() === '-' && this.source[this.i + 1] !== ']') {
        this.i++;
        let to = this.source[this.i++] as string;
        if (to === '\\') to = this.escapedChar(this.source[this.i++] as string);
        for (let code = from.charCodeAt(0); code <= to.charCodeAt(0) && chars.size <= MAX_CLASS_CHARS; code++)
          chars.add(String.fromCharCode(code));
        if (to.charCodeAt(0) - from.charCodeAt(0) >= MAX_CLASS_CHARS) enumerable = false;
      } else if (from !== undefined) chars.add(from);
    }
    return enumerable && chars.size > 0 && chars.size <= MAX_CLASS_CHARS ? { exact: [...chars], required: undefined } : ANY;
  }
}
