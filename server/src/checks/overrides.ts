// `rule b overrides a`: b must name other rules (unknown names are reported by name
// resolution), the overrides must not form a cycle (then no rule of it would win), and b
// and a must meet for some patient, or the override never applies.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { boxesOverlap } from '../logic/box.js';
import { consistencyOf } from '../logic/engine.js';

type Report = (f: Finding) => void;

export function checkOverrides(analysis: ResolvedDocument, report: Report): void {
  const ast = analysis.source.parse.ast;
  const ruleNamed = (name: string): A.RuleDecl | undefined => analysis.symbols.lookup(name, 'rule')?.decl;
  const mine = new Set<A.RuleDecl>();
  for (const d of ast.declarations) if (d.kind === 'Statement') for (const r of d.rules) mine.add(r);

  for (const rule of mine) {
    for (const target of rule.overrides?.value ?? []) {
      if (target.text === rule.name?.text) {
        report({ severity: 'error', code: 'override-self', uri: analysis.uri, span: target, message: `Rule \`${target.text}\` cannot override itself` });
      }
    }
  }
  reportCycles(analysis, mine, ruleNamed, report);
  reportNeverApplies(analysis, mine, report);
}

/**
 * Each `overrides` edge that closes a cycle, found by one depth-first walk with an explicit
 * stack: chains of any length are walked without recursion.
 */
function reportCycles(analysis: ResolvedDocument, mine: ReadonlySet<A.RuleDecl>, ruleNamed: (n: string) => A.RuleDecl | undefined, report: Report): void {
  const state = new Map<A.RuleDecl, 'open' | 'done'>();
  const targets = (r: A.RuleDecl): { name: A.Name; rule: A.RuleDecl }[] =>
    (r.overrides?.value ?? []).flatMap((n) => {
      const t = ruleNamed(n.text);
      return t && t !== r ? [{ name: n, rule: t }] : [];
    });
  for (const start of mine) {
    if (state.has(start)) continue;
    const stack: { rule: A.RuleDecl; next: number; edges: { name: A.Name; rule: A.RuleDecl }[] }[] = [{ rule: start, next: 0, edges: targets(start) }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next >= top.edges.length) {
        state.set(top.rule, 'done');
        stack.pop();
        continue;
      }
      const edge = top.edges[top.next++];
      const s = state.get(edge.rule);
      if (s === 'open') {
        if (mine.has(top.rule)) {
          const path = stack.slice(stack.findIndex((f) => f.rule === edge.rule)).map((f) => `\`${f.rule.name?.text ?? '?'}\``);
          const shown = path.length > 6 ? [...path.slice(0, 3), '…', ...path.slice(-2)] : path;
          report({
            severity: 'error', code: 'override-cycle', uri: analysis.uri, span: edge.name,
            message: `These overrides form a cycle (${[...shown, shown[0]].join(' overrides ')}): no rule in it takes precedence; remove one \`overrides\``,
          });
        }
      } else if (s === undefined) {
        state.set(edge.rule, 'open');
        stack.push({ rule: edge.rule, next: 0, edges: targets(edge.rule) });
      }
    }
  }
}

/** An override between rules whose populations never meet replaces nothing. */
function reportNeverApplies(analysis: ResolvedDocument, mine: ReadonlySet<A.RuleDecl>, report: Report): void {
  const { rules } = consistencyOf(analysis).ruleSet;
  for (const b of rules) {
    if (!mine.has(b.decl) || b.overrides.length === 0) continue;
    for (const i of b.overrides) {
      const a = rules[i];
      const meets = b.boxes.some((x) => a.boxes.some((y) => boxesOverlap(x, y)));
      const shared = b.recs.some((x) => a.recs.some((y) => y.intervention === x.intervention));
      if (meets && shared) continue;
      const name = b.decl.overrides?.value.find((n) => n.text === a.name);
      if (!name) continue;
      const why = !meets ? 'no patient meets both conditions' : `\`${b.name}\` names none of the interventions \`${a.name}\` recommends on`;
      report({ severity: 'warning', code: 'override-never-applies', uri: analysis.uri, span: name, message: `Rule \`${b.name}\` overrides \`${a.name}\`, but ${why}: the override never changes anything` });
    }
  }
}
