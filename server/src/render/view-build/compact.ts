// One line per statement: a box's conditional additions from one statement are written
// together, with the conditions they share, the attributes the rest depends on, and a
// condition of a recommendation's own after it ("Suggest PVE if no contraindication to PVE").
import type { LeafRecommendation, ViewAddition } from '../../protocol.js';
import { recKey } from './keys.js';
import { dependingText } from '../words.js';

export function compactAdditions(additions: readonly ViewAddition[]): ViewAddition[] {
  const byStatement = new Map<string, ViewAddition[]>();
  for (const a of additions) {
    const s = a.recommendations[0]?.statement ?? '';
    byStatement.set(s, [...(byStatement.get(s) ?? []), a]);
  }
  const out: ViewAddition[] = [];
  for (const group of byStatement.values()) {
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    const sharedAt = group[0].conditions.map((c, i) => ({ c, s: group[0].subjects[i] })).filter(({ c }) => group.every((a) => a.conditions.includes(c)));
    const shared = new Set(sharedAt.map((x) => x.c));
    const recs: LeafRecommendation[] = [];
    const linesOf = new Map<string, ViewAddition[]>();
    for (const a of group) {
      for (const r of a.recommendations) {
        const k = recKey(r);
        if (!linesOf.has(k)) {
          linesOf.set(k, []);
          recs.push(r);
        }
        linesOf.get(k)!.push(a);
      }
    }
    const varying: string[] = [];
    const qualifiers = recs.map((r) => {
      const lines = linesOf.get(recKey(r))!;
      const own = lines[0].conditions.filter((c) => !shared.has(c) && lines.every((l) => l.conditions.includes(c)));
      for (const l of lines) l.conditions.forEach((c, i) => !shared.has(c) && !own.includes(c) && varying.push(l.subjects[i]));
      return own.length > 0 ? `if ${own.join(', ')}` : '';
    });
    const conditions = sharedAt.map((x) => x.c);
    const subjects = sharedAt.map((x) => x.s);
    if (varying.length > 0) {
      conditions.push(dependingText(varying));
      subjects.push([...new Set(varying)].join(', '));
    }
    out.push({ conditions, subjects, recommendations: recs, qualifiers });
  }
  return out;
}
