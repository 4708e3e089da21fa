// The reviewer's view as text for a terminal (`guideline tree --format text`, `npm start`):
// the same hoisted, folded tree the preview draws, one line per box, with the conditional
// additions under their box. `detail` unfolds every folded box.
import type { DecisionTreeResult, LeafRecommendation, ViewAddition, ViewNode } from '../protocol.js';
import { gradeLegend, gradingSymbols, recommendationWords } from './labels.js';

export function recommendationText(rec: LeafRecommendation): string {
  return `${recommendationWords(rec)} (${gradingSymbols(rec)})`;
}

function recsText(recs: readonly LeafRecommendation[]): string {
  return recs.map(recommendationText).join('; ');
}

/** "if Child-Pugh class A, age < 65 years: Suggest ALPPS (S8 ↑ ⊕⊕◯◯); Suggest PVE (S8 ↑ ⊕⊕◯◯) if no contraindication to PVE". */
export function additionText(a: ViewAddition): string {
  const recs = a.recommendations.map((r, i) => `${recommendationText(r)}${a.qualifiers?.[i] ? ` ${a.qualifiers[i]}` : ''}`).join('; ');
  if (a.conditions.length === 0) return recs;
  const when = a.conditions.join(', ');
  return `${when.startsWith('depending on') ? when : `if ${when}`}: ${recs}`;
}

/** What a box says on its first line, after its branch. */
function headline(v: ViewNode, hoistedAbove: boolean): string {
  if (v.kind === 'marker') return `→ as in box ${v.marker} above`;
  if (v.kind === 'question') return `${v.marker ? `[${v.marker}] ` : ''}${v.question ?? v.attribute ?? ''}`;
  const flags = [v.conflict ? '⚠ conflict: an intervention is recommended both for and against' : '', v.gap ? '⚠ no recommendation' : '', v.truncated ? '⋯ cut short at the size limit' : '']
    .filter(Boolean);
  const more = v.additions.length > 0;
  const recs = v.recommendations.length > 0 ? recsText(v.recommendations) : v.gap ? '' : hoistedAbove ? (more ? 'as above, and:' : 'as above') : more ? 'in some cases:' : 'nothing';
  return [...flags, recs].filter(Boolean).join('; ');
}

/** The lines of a view, with `detail` unfolding every folded box. */
export function viewLines(root: ViewNode, detail: boolean, brief = false): string[] {
  const out: string[] = [];
  const walk = (v0: ViewNode, lead: string, rest: string, hoisted: boolean): void => {
    const v = detail && v0.detail ? v0.detail : v0;
    const branch = v.branch !== undefined ? `${v.branch}: ` : '';
    const band = v.kind === 'question' && v.recommendations.length > 0 ? `  ▸ for all patients here: ${recsText(v.recommendations)}` : '';
    out.push(`${lead}${branch}${headline(v, hoisted)}${band}`);
    if (brief && v.additions.length > 0) out[out.length - 1] += ` (+ ${v.additions.length} conditional addition${v.additions.length > 1 ? 's' : ''})`;
    else for (const a of v.additions) out.push(`${rest}   + ${additionText(a)}`);
    v.children.forEach((c, i) => {
      const last = i === v.children.length - 1;
      walk(c, `${rest}${last ? '└─ ' : '├─ '}`, `${rest}${last ? '   ' : '│  '}`, hoisted || v.recommendations.length > 0);
    });
  };
  walk(root, '', '', false);
  return out;
}

export function viewText(result: DecisionTreeResult, detail = false): string {
  if (result.error) return `${result.error}\n`;
  const view = result.view;
  const out: string[] = [view?.title ?? result.decision?.title ?? result.decision?.name ?? 'Decision tree'];
  if (view?.population) out.push(`Population: ${view.population.text}`);
  if (result.hasErrors) out.push('(The file has errors: the tree shows the rules that could be analysed.)');
  if (view?.folded.note) out.push(view.folded.note);
  out.push('');
  if (!view?.root) out.push(emptyText(result));
  else out.push(...viewLines(view.root, detail));
  const outside = view?.population?.outside;
  if (outside) {
    out.push('', `Outside the population${detail ? '' : ' (--detail shows the additions)'}:`);
    out.push(...viewLines(outside, detail, !detail).map((l) => `  ${l}`));
  }
  out.push('', ...gradeLegend);
  return out.join('\n') + '\n';
}

/** Why there is nothing to draw, in words. */
export function emptyText(result: DecisionTreeResult): string {
  if (result.hasErrors) return 'Nothing to show yet: no rule could be analysed. Fix the errors to see the tree.';
  if (result.where !== undefined) return 'No patient is in this decision\'s population, or no rule applies to it.';
  return 'No rules yet: write a rule (when … then …) to see its decision tree.';
}
