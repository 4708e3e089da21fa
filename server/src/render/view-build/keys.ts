// What makes two recommendations the same to a reader.
import type { LeafRecommendation } from '../../protocol.js';

/** The identity of a recommendation as a reader sees it, whichever rule gives it. */
export function recKey(r: LeafRecommendation): string {
  return `${r.statement}|${r.verb}|${r.against ? '-' : '+'}|${r.intervention}`;
}
