// "Did you mean" candidates by edit distance (with transpositions), closest first.

function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

export function suggestNames(word: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = word.toLowerCase();
  // Short words are too close to everything: `D` is not a typo of `A`.
  const limit = Math.max(word.length >= 3 ? 1 : 0, Math.floor(word.length / 3));
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(candidates)) {
    if (name === word) continue;
    const d = name.toLowerCase() === lower ? 0 : distance(lower, name.toLowerCase());
    const prefix = name.toLowerCase().startsWith(lower) && lower.length >= 3;
    if (d <= limit || prefix) scored.push({ name, score: prefix ? Math.min(d, limit) : d });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((s) => s.name);
}

export function didYouMean(suggestions: string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `\`${s}\``);
  return quoted.length === 1 ? `; did you mean ${quoted[0]}?` : `; did you mean ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}?`;
}
