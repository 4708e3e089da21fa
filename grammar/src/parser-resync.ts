// Where the parser resumes after an error: the first token ahead that some rule open on
// the stack may be followed by. Chevrotain's own search compares each token ahead with the
// follow set of every open rule in turn, duplicates and all, and does it again for each
// rule the error unwinds: deep in nested conditions, with hundreds of rules open, that is
// thousands of comparisons a token, and a few KB of broken condition took seconds.
// This search gives the same answer with one set of token kinds per depth of the stack,
// kept while the stack below is unchanged, and starts where the last search at the same
// token stopped when the stack has only shrunk since (a smaller set matches no sooner).
// Each set also remembers its last search, from where to the match: a search from in
// between ends at the same match, so errors in a row under the file's own repetition (whose
// set may be only the end of the file) scan the rest of the file once, not once each.
import { EOF, type IToken, tokenMatcher, type TokenType } from 'chevrotain';

/** The parts of Chevrotain's recognizer the search reads (not in its public types). */
export interface RecoveryState {
  readonly currIdx: number;
  readonly RULE_STACK: number[];
  readonly RULE_OCCURRENCE_STACK: number[];
  readonly RULE_STACK_IDX: number;
  buildFullFollowKeyStack(): unknown[];
  getFollowSetFromFollowKey(key: unknown): TokenType[] | undefined;
  LA(k: number): IToken;
}

export class ResyncSearch {
  private rules: number[] = [];
  private occurrences: number[] = [];
  /** Per depth: that frame's follow set, and the token kinds of it and every frame below. */
  private follows: TokenType[][] = [];
  private kinds: Set<number>[] = [];
  private lastIdx = NaN;
  private lastDepth = -1;
  private lastK = 1;
  /** Per set of kinds: its last search, from which token to the one that matched (absolute indexes). */
  private scans = new WeakMap<Set<number>, { from: number; found: number }>();

  reset(): void {
    this.rules = [];
    this.occurrences = [];
    this.follows = [];
    this.kinds = [];
    this.lastIdx = NaN;
    this.lastDepth = -1;
    this.scans = new WeakMap();
  }

  find(p: RecoveryState): TokenType {
    const depth = p.RULE_STACK_IDX + 1;
    let same = 0;
    while (same < depth && same < this.rules.length && this.rules[same] === p.RULE_STACK[same] && this.occurrences[same] === p.RULE_OCCURRENCE_STACK[same]) same++;
    // The frames from the first that changed are read again.
    if (same < depth) {
      const keys = p.buildFullFollowKeyStack();
      for (let i = same; i < depth; i++) {
        const own = p.getFollowSetFromFollowKey(keys[i]) ?? [];
        const kinds = new Set(i > 0 ? this.kinds[i - 1] : []);
        for (const f of own) {
          kinds.add(f.tokenTypeIdx!);
          if (f.isParent) for (const m of f.categoryMatches ?? []) kinds.add(m);
        }
        this.follows[i] = own;
        this.kinds[i] = kinds;
        this.rules[i] = p.RULE_STACK[i];
        this.occurrences[i] = p.RULE_OCCURRENCE_STACK[i];
      }
    }
    this.rules.length = this.occurrences.length = this.follows.length = this.kinds.length = depth;
    const kinds = this.kinds[depth - 1];
    // Same token, the stack only shrunk: nothing before where the last search stopped matches.
    let k = p.currIdx === this.lastIdx && depth <= this.lastDepth && same >= depth ? this.lastK : 1;
    const from = p.currIdx + k;
    const known = this.scans.get(kinds);
    if (known !== undefined && known.from <= from && from <= known.found) k = known.found - p.currIdx;
    else {
      for (; ; k++) {
        const tok = p.LA(k);
        if (kinds.has(tok.tokenTypeIdx) || tok.tokenType === EOF) break;
      }
      this.scans.set(kinds, { from, found: p.currIdx + k });
    }
    this.lastIdx = p.currIdx;
    this.lastDepth = depth;
    this.lastK = k;
    const tok = p.LA(k);
    // The kind Chevrotain's order picks: the first, frame by frame from the bottom, that matches.
    for (const own of this.follows) {
      const f = own.find((x) => tokenMatcher(tok, x));
      if (f) return f;
    }
    return EOF;
  }
}
