// Declarations nothing uses: a reference no statement cites, and attributes, interventions
// and enums no rule, case or decision mentions. Only the root file's own declarations are
// reported, and only when it has statements, cases or decisions: a file of declarations
// alone is a vocabulary for other files, which this analysis cannot see.
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { citedLabels } from '../model/resolve.js';
import type { Sym } from '../model/symbols.js';

export function checkUnused(analysis: ResolvedDocument, report: (f: Finding) => void): void {
  if (!analysis.settings.reportUnused) return;
  const { uri, symbols, resolution } = analysis;
  const ast = analysis.source.parse.ast;
  if (!ast.declarations.some((d) => d.kind === 'Statement' || d.kind === 'Case' || d.kind === 'Decision')) return;

  const used = new Set<Sym>();
  resolution.occurrences.forEach((_, symbol, declaration) => {
    if (!declaration) used.add(symbol);
  });
  // A declaration that a misspelt name was probably meant for is not reported as unused:
  // the typo is the one finding to fix.
  const meant = new Set(analysis.resolveFindings.filter((f) => f.code.startsWith('unresolved-')).flatMap((f) => f.data?.suggestions ?? []));
  const cited = new Set<string>();
  for (const d of ast.declarations) {
    if (d.kind === 'Statement') for (const item of d.cites?.value ?? []) citedLabels(item).forEach((l) => cited.add(l));
  }

  for (const sym of symbols.all) {
    if (sym.uri !== uri) continue;
    if (sym.kind === 'reference') {
      if (cited.has(sym.name) || meant.has(sym.name) || symbols.references.get(sym.name) !== sym) continue;
      report({
        severity: 'warning',
        code: 'unused-reference',
        message: `Reference ${sym.name} is declared but no statement cites it`,
        uri,
        span: sym.span,
        tags: ['unnecessary'],
      });
    } else if (sym.kind === 'attribute' || sym.kind === 'intervention' || sym.kind === 'enum') {
      if (used.has(sym) || meant.has(sym.name) || symbols.globals.get(sym.name) !== sym) continue;
      const where = sym.kind === 'enum' ? 'no attribute has it as its type' : sym.kind === 'attribute' ? 'no rule, case or decision mentions it' : 'no rule or case names it';
      report({
        severity: 'hint',
        code: 'unused-declaration',
        message: `${sym.kind === 'enum' ? 'Enum' : sym.kind === 'attribute' ? 'Attribute' : 'Intervention'} \`${sym.name}\` is declared but ${where}`,
        uri,
        span: sym.span,
        tags: ['unnecessary'],
      });
    }
  }
}
