// Name resolution for the root file: every name that refers to a declaration becomes an
// occurrence (which hover, definition and rename read), and every name that refers to
// nothing becomes an `unresolved-*` finding with "did you mean" suggestions.
import type * as A from '../../../grammar/src/index.js';
import { didYouMean, suggestNames } from './did-you-mean.js';
import type { Finding } from './findings.js';
import type { AttributeSymbol, MemberSymbol, ReferenceSymbol, Sym, SymbolTable } from './symbols.js';
import { attributeType, builtinTypes } from './types.js';
import { listed } from './bounded-text.js';
import { Occurrences, type Occurrence } from './occurrences.js';
import { placeholderFinding, placeholderWord } from './vocabulary.js';

export type { Occurrence } from './occurrences.js';

export interface Resolution {
  /** Sorted by start offset. */
  readonly occurrences: Occurrences;
  /**
   * The attribute a name in a condition, assignment or `ask` refers to, where it resolves.
   * Looked up again rather than kept per name: a rule-heavy file names an attribute every
   * twenty-five characters, and a map of them held more than the symbols themselves.
   */
  readonly attribute: (name: A.Name) => AttributeSymbol | undefined;
}

export function resolveFile(file: A.GuidelineFile, uri: string, table: SymbolTable): { resolution: Resolution; findings: Finding[] } {
  const found = { spans: [] as A.Span[], symbols: [] as Sym[], declarations: [] as boolean[] };
  const occurs = (span: A.Span, symbol: Sym, declaration = false): void => {
    found.spans.push(span);
    found.symbols.push(symbol);
    found.declarations.push(declaration);
  };
  const findings: Finding[] = [];

  const unresolved = (name: A.Name, what: string, candidates: Iterable<string>, code = 'unresolved-name', message = `Unknown ${what} \`${name.text}\``): void => {
    const suggestions = suggestNames(name.text, candidates);
    findings.push({
      severity: 'error',
      code,
      message: `${message}${didYouMean(suggestions)}`,
      uri,
      span: name,
      data: { suggestions, kind: what },
    });
  };

  // Only names that would resolve as the kind asked for: a name declared twice, once as
  // another kind first, is suggested for nothing it cannot be.
  const lookupNames = (kind: 'attribute' | 'rule' | 'statement' | 'intervention' | 'enum'): string[] =>
    table.ofKind(kind).filter((s) => table.lookup(s.name, kind) === s).map((s) => s.name);

  const declared = (name: A.Name | undefined, symbol: Sym | undefined): void => {
    if (name && symbol && symbol.uri === uri && symbol.span.start === name.start) {
      occurs(name, symbol, true);
    }
  };

  const declaredGlobal = (name: A.Name | undefined): void => {
    if (name) declared(name, table.globals.get(name.text));
  };

  const attribute = (name: A.Name): AttributeSymbol | undefined => {
    const sym = table.lookup(name.text, 'attribute');
    if (sym) {
      occurs(name, sym);
    } else unresolved(name, 'attribute', lookupNames('attribute'));
    return sym;
  };

  const value = (attr: AttributeSymbol | undefined, v: A.Value): void => {
    if (v.kind !== 'Symbol' || !attr) return;
    const type = attributeType(attr, table);
    if (type.kind !== 'enum') return; // a symbol against a non-enum is a type error, reported by the type checks
    const memberMap = table.members.get(type.enum);
    const member = memberMap?.get(v.text);
    if (member) {
      occurs(v, member);
    } else {
      const all = [...(memberMap?.keys() ?? [])];
      const listed = all.length <= 12 ? ` (${all.join(', ')})` : '';
      // A member of another enum is the likely slip: name that enum.
      const owner = [...table.members].find(([, m]) => m.has(v.text))?.[0];
      const what = owner ? `is a value of \`${owner.name}\`, not of` : 'is not a value of';
      unresolved(v, 'member', all, 'unresolved-member', `\`${v.text}\` ${what} \`${type.enum.name}\`${listed}`);
    }
  };

  const expr = (e: A.Expr | undefined): void => {
    if (!e) return;
    switch (e.kind) {
      case 'And':
      case 'Or':
      case 'Implies':
        e.operands.forEach(expr);
        break;
      case 'Not':
        expr(e.operand);
        break;
      case 'Flag':
        attribute(e.attribute);
        break;
      case 'Compare': {
        const a = attribute(e.attribute);
        value(a, e.value);
        break;
      }
      case 'In': {
        const a = attribute(e.attribute);
        e.values.forEach((v) => value(a, v));
        break;
      }
      case 'Between': {
        const a = attribute(e.attribute);
        value(a, e.low);
        value(a, e.high);
        break;
      }
    }
  };

  const named = (name: A.Name, kind: 'rule' | 'statement'): void => {
    const sym = table.lookup(name.text, kind);
    if (sym) occurs(name, sym);
    else unresolved(name, kind, lookupNames(kind));
  };

  const action = (act: A.Action | undefined): void => {
    for (const name of [...(act?.interventions ?? []), ...(act?.over ?? [])]) {
      const sym = table.lookup(name.text, 'intervention');
      if (sym) occurs(name, sym);
      else unresolved(name, 'intervention', lookupNames('intervention'));
    }
  };

  const cite = (item: A.CiteItem): void => {
    const ref = (label: A.Name): ReferenceSymbol | undefined => {
      const sym = table.references.get(label.text);
      if (sym) occurs(label, sym);
      return sym;
    };
    const from = ref(item.from);
    const to = item.to && ref(item.to);
    const missing = citedLabels(item).filter((label) => !table.references.has(label));
    if (missing.length === 0) return;
    const whole = item.to === undefined;
    const suggestions = whole ? suggestNames(item.from.text, table.references.keys()) : [];
    findings.push({
      severity: 'error',
      code: 'unresolved-reference',
      message: whole
        ? `Reference ${item.from.text} is cited but not declared${didYouMean(suggestions)}`
        : `References ${listed(missing)} in ${item.from.text}-${item.to?.text} are cited but not declared`,
      uri,
      span: item.span,
      data: { suggestions, missing, kind: 'reference', resolvedEnds: [!!from, !!to] },
    });
  };

  for (const decl of file.declarations) {
    switch (decl.kind) {
      case 'Enum': {
        declaredGlobal(decl.name);
        const e = decl.name && table.lookup(decl.name.text, 'enum');
        if (e && e.decl === decl) for (const m of decl.members) declared(m, table.members.get(e)?.get(m.text));
        break;
      }
      case 'Attribute': {
        declaredGlobal(decl.name);
        const t = decl.type?.name;
        if (t && !(builtinTypes as readonly string[]).includes(t.text)) {
          const e = table.lookup(t.text, 'enum');
          if (e) occurs(t, e);
          else if (t.text === placeholderWord) findings.push(placeholderFinding(uri, t, 'the attribute\'s type', [...builtinTypes, ...lookupNames('enum')]));
          else unresolved(t, 'type', [...builtinTypes, ...lookupNames('enum')], 'unknown-type');
        }
        break;
      }
      case 'Intervention':
      case 'Decision':
        declaredGlobal(decl.name);
        if (decl.kind === 'Decision') {
          decl.ask.forEach(attribute);
          expr(decl.where);
          decl.from?.value.forEach((s) => named(s, 'statement'));
        }
        break;
      case 'Reference':
        if (decl.name) declared(decl.name, table.references.get(decl.name.text));
        break;
      case 'Statement':
        declaredGlobal(decl.name);
        decl.cites?.value.forEach(cite);
        for (const rule of decl.rules) {
          declaredGlobal(rule.name);
          rule.overrides?.value.forEach((r) => named(r, 'rule'));
          expr(rule.when);
          action(rule.then);
        }
        break;
      case 'Assume':
        expr(decl.condition);
        break;
      case 'Case':
        for (const g of decl.given) value(attribute(g.attribute), g.value);
        for (const x of decl.expects) action(x.action);
        break;
    }
  }
  const attributeNamed = (name: A.Name): AttributeSymbol | undefined => table.lookup(name.text, 'attribute');
  return { resolution: { occurrences: new Occurrences(found), attribute: attributeNamed }, findings };
}

/** The labels a citation item names: `72-76` is 72, 73, 74, 75 and 76. */
export function citedLabels(item: A.CiteItem): string[] {
  if (!item.to) return [item.from.text];
  const from = Number(item.from.text);
  const to = Number(item.to.text);
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from > 500) return [item.from.text, item.to.text];
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** The occurrence under an offset, if any. */
export function occurrenceAt(resolution: Resolution, offset: number): Occurrence | undefined {
  const occ = resolution.occurrences;
  let lo = 0;
  let hi = occ.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = occ.span(mid);
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return occ.at(mid);
  }
  return undefined;
}
