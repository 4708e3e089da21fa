// The keyword a mistyped word most likely is: `strenght` for `strength`, `Rule` for `rule`,
// the half-typed `recom` for `recommend`. Only a single closest candidate counts, so a
// quick fix built on it is never a guess between two words.

/** Edit distance with adjacent transpositions (`strenght` is one edit from `strength`). */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      next.push(d);
    }
    before = row;
    row = next;
  }
  return row[b.length];
}

/**
 * The one candidate `word` is a slip of: the same word in other letter case, the only
 * candidate it starts (three letters or more), or the only one closest within one edit
 * (two for words of six letters or more). Undefined when none is, or when two tie.
 */
export function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(word)) return undefined;
  const lower = word.toLowerCase();
  const sameCase = candidates.filter((c) => c.toLowerCase() === lower);
  if (sameCase.length === 1) return sameCase[0];
  if (lower.length >= 3) {
    const started = candidates.filter((c) => c.length > lower.length && c.toLowerCase().startsWith(lower));
    if (started.length === 1) return started[0];
    if (started.length > 1) return undefined;
  }
  const limit = lower.length >= 6 ? 2 : lower.length >= 3 ? 1 : 0;
  if (limit === 0) return undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return best !== undefined && !tie ? best : undefined;
}
