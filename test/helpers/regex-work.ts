/**
 * A backtracking regex matcher that counts its steps: the work a backtracking engine (V8's
 * Irregexp among them) does to search a text, as a number that is the same on every run.
 * It follows the ECMAScript semantics for what the linearity test needs (greedy and lazy
 * quantifiers, alternation, groups, anchors, word boundaries, lookarounds, back-references)
 * and tries the same starts a search does: every position, or only 0 for a sticky regex.
 * Single characters are matched by the real engine (a one-character regex built from the
 * node's own text), so classes, escapes, properties and the `i` flag mean what they mean.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** Thrown when a search takes more steps than its budget (exponential backtracking). */
export class WorkExceeded extends Error {}

export interface CompiledRegex {
  source: string;
  flags: string;
  pattern: AST.Pattern;
}

export function compileRegex(source: string, flags: string): CompiledRegex {
  const parser = new RegExpParser({ ecmaVersion: 2025 });
  return { source, flags, pattern: parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') }) };
}

type Cont = (pos: number) => boolean;

/**
 * Steps to run the regex over `text` as `String.prototype.replace` would: with the `g` flag
 * every match from left to right, otherwise the first match only.
 */
export function searchWork(regex: CompiledRegex, text: string, budget = 5_000_000): number {
  const m = new Matcher(regex, text, budget);
  const global = regex.flags.includes('g');
  // A sticky regex, or one whose every alternative starts with `^` (without `m`), is tried at
  // one position only, as V8 does.
  const sticky = regex.flags.includes('y') || (!regex.flags.includes('m') && regex.pattern.alternatives.every(startsAnchored));
  let start = 0;
  while (start <= text.length) {
    const end = m.matchAt(start);
    if (end === undefined) {
      if (sticky) break;
      start++;
      continue;
    }
    if (!global) break;
    start = end > start ? end : start + 1;
  }
  return m.steps;
}

class Matcher {
  steps = 0;
  private readonly captures = new Map<AST.CapturingGroup, [number, number] | undefined>();
  private readonly charTests = new Map<AST.Node, RegExp>();
  private readonly ignoreCase: boolean;
  private readonly multiline: boolean;
  private readonly dotAll: boolean;
  private readonly unicode: string;

  constructor(
    private readonly regex: CompiledRegex,
    private readonly text: string,
    private readonly budget: number,
  ) {
    this.ignoreCase = regex.flags.includes('i');
    this.multiline = regex.flags.includes('m');
    this.dotAll = regex.flags.includes('s');
    this.unicode = regex.flags.includes('v') ? 'v' : regex.flags.includes('u') ? 'u' : '';
  }

  matchAt(start: number): number | undefined {
    this.captures.clear();
    let end: number | undefined;
    this.alternatives(this.regex.pattern.alternatives, start, (pos) => {
      end = pos;
      return true;
    });
    return end;
  }

  private tick(): void {
    if (++this.steps > this.budget) throw new WorkExceeded(`more than ${this.budget} steps`);
  }

  private alternatives(alts: readonly AST.Alternative[], pos: number, k: Cont): boolean {
    for (const alt of alts) if (this.sequence(alt.elements, 0, pos, k)) return true;
    return false;
  }

  private sequence(elements: readonly AST.Element[], i: number, pos: number, k: Cont): boolean {
    if (i === elements.length) return k(pos);
    return this.element(elements[i]!, pos, (next) => this.sequence(elements, i + 1, next, k));
  }

  private element(node: AST.Element, pos: number, k: Cont): boolean {
    this.tick();
    switch (node.type) {
      case 'Character':
      case 'CharacterSet':
      case 'CharacterClass':
      case 'ExpressionCharacterClass':
        return this.oneChar(node, pos, k);
      case 'Group':
        return this.alternatives(node.alternatives, pos, k);
      case 'CapturingGroup': {
        const saved = this.captures.get(node);
        const ok = this.alternatives(node.alternatives, pos, (end) => {
          const before = this.captures.get(node);
          this.captures.set(node, [pos, end]);
          if (k(end)) return true;
          this.captures.set(node, before);
          return false;
        });
        if (!ok) this.captures.set(node, saved);
        return ok;
      }
      case 'Quantifier':
        return this.quantifier(node, 0, pos, k);
      case 'Assertion':
        return this.assertion(node, pos, k);
      case 'Backreference': {
        const refs = Array.isArray(node.resolved) ? node.resolved : [node.resolved];
        const span = refs.map((g) => this.captures.get(g)).find((c) => c !== undefined);
        if (!span) return k(pos);
        const part = this.text.slice(span[0], span[1]);
        const here = this.text.slice(pos, pos + part.length);
        this.steps += part.length;
        const same = this.ignoreCase ? here.toLowerCase() === part.toLowerCase() : here === part;
        return same && k(pos + part.length);
      }
      default:
        throw new Error(`unsupported regex node ${(node as AST.Node).type}`);
    }
  }

  private quantifier(node: AST.Quantifier, count: number, pos: number, k: Cont): boolean {
    const more = () =>
      count < node.max &&
      this.element(node.element, pos, (next) => {
        // An iteration that matched nothing ends the loop (as ECMAScript's RepeatMatcher does).
        if (next === pos && count >= node.min) return false;
        return this.quantifier(node, count + 1, next, k);
      });
    const enough = () => count >= node.min && k(pos);
    return node.greedy ? more() || enough() : enough() || more();
  }

  private assertion(node: AST.Assertion, pos: number, k: Cont): boolean {
    const text = this.text;
    switch (node.kind) {
      case 'start':
        return (pos === 0 || (this.multiline && isLineBreak(text.charCodeAt(pos - 1)))) && k(pos);
      case 'end':
        return (pos === text.length || (this.multiline && isLineBreak(text.charCodeAt(pos)))) && k(pos);
      case 'word': {
        const boundary = this.isWord(pos - 1) !== this.isWord(pos);
        return boundary !== node.negate && k(pos);
      }
      case 'lookahead': {
        const found = this.alternatives(node.alternatives, pos, () => true);
        return found !== node.negate && k(pos);
      }
      case 'lookbehind': {
        // V8 matches a lookbehind backwards from `pos`: as far back as its longest match.
        let found = false;
        const reach = Math.min(pos, maxLength(node.alternatives));
        for (let from = pos; from >= pos - reach && !found; from--) found = this.alternatives(node.alternatives, from, (end) => end === pos);
        return found !== node.negate && k(pos);
      }
    }
  }

  private isWord(at: number): boolean {
    if (at < 0 || at >= this.text.length) return false;
    return /\w/.test(this.text[at]!);
  }

  private oneChar(node: AST.Node, pos: number, k: Cont): boolean {
    if (pos >= this.text.length) return false;
    let test = this.charTests.get(node);
    if (!test) {
      const flags = `${this.ignoreCase ? 'i' : ''}${this.dotAll ? 's' : ''}${this.unicode}`;
      test = new RegExp(`^(?:${node.raw})$`, flags);
      this.charTests.set(node, test);
    }
    const code = this.text.codePointAt(pos)!;
    const width = this.unicode && code > 0xffff ? 2 : 1;
    return test.test(this.text.slice(pos, pos + width)) && k(pos + width);
  }
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

function startsAnchored(alt: AST.Alternative): boolean {
  const first = alt.elements[0];
  return first?.type === 'Assertion' && first.kind === 'start';
}

/** The most characters the alternatives can match (Infinity when unbounded). */
function maxLength(alts: readonly AST.Alternative[]): number {
  let most = 0;
  for (const alt of alts) {
    let sum = 0;
    for (const el of alt.elements) sum += elementMax(el);
    most = Math.max(most, sum);
  }
  return most;
}

function elementMax(el: AST.Element): number {
  switch (el.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return 2;
    case 'Group':
    case 'CapturingGroup':
      return maxLength(el.alternatives);
    case 'Quantifier':
      return el.max === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : el.max * elementMax(el.element);
    case 'Backreference':
      return Number.POSITIVE_INFINITY;
    default:
      return 0;
  }
}
