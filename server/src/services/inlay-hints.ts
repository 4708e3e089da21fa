// Inlay hints: what the text leaves implicit. A statement with votes and no `agreement`
// shows the agreement its votes give; a quantity written in another unit than its
// attribute's shows its value in the attribute's unit (`7 days` against a weeks attribute:
// `= 1 weeks`), and a bare number shows the unit it takes.
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { gradingContext, gradingOf } from '../model/grading.js';
import { quantityInAttributeUnit } from '../model/quantities.js';
import { attributeType, type AttrType } from '../model/types.js';
import { forEachCondition } from '../checks/walk.js';

export interface InlayHint {
  /** The offset the hint is shown at (after the text it explains). */
  readonly offset: number;
  readonly label: string;
  readonly tooltip: string;
}

/** The unit a type's numbers are in, if it has one. */
function unitOf(type: AttrType): string | undefined {
  switch (type.kind) {
    case 'percent': return '%';
    case 'duration': return type.unit;
    case 'number': return type.unit;
    default: return undefined;
  }
}

/** At most three decimals, no trailing zeros. */
function number(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

export function inlayHints(analysis: Analysis, range?: A.Span): InlayHint[] {
  const hints: InlayHint[] = [];
  const inRange = (offset: number): boolean => !range || (offset >= range.start && offset <= range.end);
  const grading = gradingContext(analysis);
  const panel = grading.panel;

  const quantity = (attribute: A.Name, v: A.Value): void => {
    if (v.kind !== 'Quantity' || !inRange(v.end)) return;
    const attr = analysis.resolution.attribute(attribute);
    if (!attr) return;
    const type = attributeType(attr, analysis.symbols);
    const unit = unitOf(type);
    const converted = quantityInAttributeUnit(v, type);
    if (unit === undefined || converted === undefined) return;
    const written = v.unit?.text;
    if (written === undefined) {
      hints.push({ offset: v.end, label: unit === '%' ? '%' : ` ${unit}`, tooltip: `A bare number takes the unit of \`${attr.name}\`: ${unit}` });
    } else if (written !== unit) {
      const value = `${number(converted)}${unit === '%' ? '%' : ` ${unit}`}`;
      hints.push({ offset: v.end, label: ` = ${value}`, tooltip: `\`${attr.name}\` is in ${unit}: ${v.negative ? '-' : ''}${v.number.text} ${written} is ${value}` });
    }
  };
  forEachCondition(analysis.source.parse.ast, (e) => {
    if (e.kind === 'Compare') quantity(e.attribute, e.value);
    else if (e.kind === 'Between') [e.low, e.high].forEach((v) => quantity(e.attribute, v));
    else if (e.kind === 'In') e.values.forEach((v) => quantity(e.attribute, v));
  }, (a) => quantity(a.attribute, a.value));
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind !== 'Statement') continue;
    const g = gradingOf(d, grading);
    if (g.agreementFromVotes && g.agreement !== undefined && d.votes && inRange(d.votes.span.end)) {
      hints.push({ offset: d.votes.span.end, label: ` = ${g.agreement}% agreement`, tooltip: `Agreement computed from the votes: grades ${panel.agree.join(', ')} count as agreeing` });
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
