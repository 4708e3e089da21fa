// Inlay hints: what the text leaves implicit. A statement with votes and no `agreement`
// shows the agreement its votes give; a quantity written in another unit than its
// attribute's shows its value in the attribute's unit (`7 days` against a weeks attribute:
// `= 1 weeks`), and a bare number shows the unit it takes.
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { gradingOf, panelOf } from '../model/grading.js';
import { quantityInAttributeUnit } from '../model/quantities.js';
import { attributeType, type AttrType } from '../model/types.js';

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
  const panel = panelOf(analysis);

  const quantity = (attribute: A.Name, v: A.Value): void => {
    if (v.kind !== 'Quantity' || !inRange(v.span.end)) return;
    const attr = analysis.resolution.attributes.get(attribute);
    if (!attr) return;
    const type = attributeType(attr, analysis.symbols);
    const unit = unitOf(type);
    const converted = quantityInAttributeUnit(v, type);
    if (unit === undefined || converted === undefined) return;
    const written = v.unit?.text;
    if (written === undefined) {
      hints.push({ offset: v.span.end, label: unit === '%' ? '%' : ` ${unit}`, tooltip: `A bare number takes the unit of \`${attr.name}\`: ${unit}` });
    } else if (written !== unit) {
      const value = `${number(converted)}${unit === '%' ? '%' : ` ${unit}`}`;
      hints.push({ offset: v.span.end, label: ` = ${value}`, tooltip: `\`${attr.name}\` is in ${unit}: ${v.negative ? '-' : ''}${v.number.text} ${written} is ${value}` });
    }
  };
  const expr = (e: A.Expr | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case 'And':
      case 'Or':
        e.operands.forEach(expr);
        break;
      case 'Not':
        expr(e.operand);
        break;
      case 'Compare':
        quantity(e.attribute, e.value);
        break;
      case 'Between':
        quantity(e.attribute, e.low);
        quantity(e.attribute, e.high);
        break;
      case 'In':
        e.values.forEach((v) => quantity(e.attribute, v));
        break;
      case 'Flag':
        break;
    }
  };

  for (const d of analysis.source.parse.ast.declarations) {
    switch (d.kind) {
      case 'Statement': {
        const g = gradingOf(d, panel);
        if (g.agreementFromVotes && g.agreement !== undefined && d.votes && inRange(d.votes.span.end)) {
          hints.push({ offset: d.votes.span.end, label: ` = ${g.agreement}% agreement`, tooltip: `Agreement computed from the votes: grades ${panel.agree.join(', ')} count as agreeing` });
        }
        for (const rule of d.rules) expr(rule.when);
        break;
      }
      case 'Case':
        for (const a of d.given) quantity(a.attribute, a.value);
        break;
      case 'Decision':
        expr(d.where);
        break;
      default:
        break;
    }
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
