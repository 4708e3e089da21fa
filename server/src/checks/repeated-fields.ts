// A field written twice in one statement or rule (`strength strong` ... `strength
// conditional`, often left by a copy and paste): the last one counts, silently. Each
// earlier occurrence is reported, naming the one that counts.
import type * as A from '../../../grammar/src/index.js';
import type { ResolvedDocument } from '../model/document.js';
import type { Finding } from '../model/findings.js';
import { clipped } from '../model/bounded-text.js';

export function checkRepeatedFields(analysis: ResolvedDocument, report: (f: Finding) => void): void {
  const text = analysis.source.text;
  const written = (span: A.Span): string => clipped(text.slice(span.start, span.end).replace(/\s+/g, ' '), 80);
  const check = (owner: A.StatementDecl | A.RuleDecl, who: string): void => {
    for (const r of owner.repeated ?? []) {
      const later = lastSpan(owner, r.field);
      report({
        severity: 'warning',
        code: 'repeated-field',
        message: `\`${r.field}\` is given again later in ${who}${later ? ` (\`${written(later)}\`)` : ''}: only the last counts; remove this one`,
        uri: analysis.uri,
        span: r.span,
        data: { field: r.field },
        ...(later ? { related: [{ uri: analysis.uri, span: later, message: 'the one that counts' }] } : {}),
      });
    }
  };
  for (const d of analysis.source.parse.ast.declarations) {
    if (d.kind !== 'Statement') continue;
    const who = d.name ? `statement \`${d.name.text}\`` : 'this statement';
    check(d, who);
    for (const rule of d.rules) check(rule, rule.name ? `rule \`${rule.name.text}\`` : 'this rule');
  }
}

/** The span of the occurrence that counts, where the AST keeps it. */
function lastSpan(owner: A.StatementDecl | A.RuleDecl, field: string): A.Span | undefined {
  const f = (owner as unknown as Record<string, A.Field<unknown> | undefined>)[fieldKey[field] ?? field];
  return f && typeof f === 'object' && 'span' in f ? f.span : undefined;
}

const fieldKey: Record<string, string> = { endorsed_strong: 'endorsedStrong', kind: 'statementKind' };
