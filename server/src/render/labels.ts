// How the picture words a recommendation, the way guideline readers know GRADE: the verb,
// certainty as ⊕ symbols, strength as strong or conditional, for or against.
import { certaintyLabel } from '../model/vocabulary.js';
import type { LeafNode, LeafRecommendation } from '../protocol.js';
import { humanize, lowerFirst, shortText } from './words.js';

/** "Recommend", "Suggest against", ... */
export function verbPhrase(rec: LeafRecommendation): string {
  const verb = rec.verb === 'recommend' ? 'Recommend' : 'Suggest';
  return rec.against ? `${verb} against` : verb;
}

/** "⊕⊕◯◯ low" ("B_R ⊕⊕⊕◯ moderate" in another scheme), "best practice", or undefined when no certainty is given. */
export function certaintyText(rec: LeafRecommendation): string | undefined {
  if (rec.bestPractice) return 'best practice';
  if (!rec.certainty) return undefined;
  return rec.certaintyLevel ? `${rec.certaintyLevel} ${certaintyLabel(rec.certainty)}` : certaintyLabel(rec.certainty);
}

/** "strong for", "IIa (conditional) against"; the verb's strength when the statement gives none. */
export function strengthText(rec: LeafRecommendation): string {
  const direction = rec.against ? 'against' : 'for';
  if (rec.bestPractice) return direction;
  const strength = rec.strength ?? (rec.verb === 'recommend' ? 'strong' : 'conditional');
  return `${rec.strengthLevel ? `${rec.strengthLevel} (${strength})` : strength} ${direction}`;
}

/** "agreement 96.2%". */
export function agreementText(rec: LeafRecommendation): string | undefined {
  if (rec.agreement === undefined) return undefined;
  const rounded = Math.round(rec.agreement * 10) / 10;
  return `agreement ${rounded}%`;
}

/** The grading line under a recommendation: "S8 · ⊕⊕◯◯ low · conditional for · agreement 90.4%". */
export function gradingParts(rec: LeafRecommendation): string[] {
  const parts = [rec.statement, certaintyText(rec), strengthText(rec), agreementText(rec)];
  return parts.filter((p): p is string => p !== undefined && p.length > 0);
}

/** The headline of a gap or conflict leaf. */
export function leafFlag(leaf: LeafNode): string | undefined {
  if (leaf.conflict) return '⚠ Conflict: recommended for and against';
  if (leaf.gap) return '⚠ Gap: no recommendation';
  return undefined;
}

/** One line describing a whole recommendation, for accessibility labels and tooltips. */
export function recommendationSummary(rec: LeafRecommendation): string {
  const over = rec.over && rec.over.length > 0 ? ` over ${rec.over.join(', ')}` : '';
  return `${verbPhrase(rec)} ${rec.intervention}${over}${rec.timing ? ` ${rec.timing}` : ''} (${gradingParts(rec).join(', ')})`;
}

/** GRADE strength as arrows: ↑↑ strong for, ↑ conditional for, ↓ conditional against, ↓↓ strong against. */
export function strengthArrows(rec: LeafRecommendation): string {
  const strong = (rec.strength ?? (rec.verb === 'recommend' ? 'strong' : 'conditional')) === 'strong';
  const arrow = rec.against ? '↓' : '↑';
  return strong ? arrow + arrow : arrow;
}

/** "⊕⊕◯◯" alone, for compact grading. */
export function certaintySymbols(rec: LeafRecommendation): string | undefined {
  return certaintyText(rec)?.split(' ')[0];
}

/** "Recommend conversion therapy": the verb and the intervention in words. */
export function recommendationWords(rec: LeafRecommendation): string {
  return `${verbPhrase(rec)} ${lowerFirst(interventionWords(rec))}`;
}

/** The intervention by its short description, else its name in words. */
export function interventionWords(rec: LeafRecommendation): string {
  return rec.interventionLabel ? shortText(rec.interventionLabel, true) : humanize(rec.intervention);
}

/** "S1 ↑↑ ⊕⊕◯◯": the statement, strength and certainty in the legend's symbols. */
export function gradingSymbols(rec: LeafRecommendation): string {
  return [rec.statement, strengthArrows(rec), certaintySymbols(rec)].filter((p): p is string => p !== undefined && p.length > 0).join(' ');
}

/** The GRADE symbols the view uses, for a legend. */
export const gradeLegend: readonly string[] = [
  'Strength: ↑↑ strong for · ↑ conditional for · ↓ conditional against · ↓↓ strong against',
  'Certainty of evidence: ⊕⊕⊕⊕ high · ⊕⊕⊕◯ moderate · ⊕⊕◯◯ low · ⊕◯◯◯ very low',
];
