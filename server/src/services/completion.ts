// Completion: the grammar says which tokens may come next (content assist on the one
// parser); the analysis says which names fit there: attributes in conditions, only the
// enum's members after `=` or `in {`, interventions after a verb, reference labels after
// `cites`, the statement fields not yet given, units that convert to the attribute's.
// Every item carries its documentation (keyword-docs.ts for the language's own words); the
// templates of snippets.ts come where their keyword may start; a list opened by a typed
// character (rather than asked for) is held back where it would not help (completion-trigger.ts).
import { contentAssistAt, type AssistToken, type ContentAssist, type ExpectedToken } from '../../../grammar/src/index.js';
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { compatibleUnits } from '../model/quantities.js';
import type { AttributeSymbol, Sym } from '../model/symbols.js';
import { attributeType, builtinTypes, describeType, type AttrType } from '../model/types.js';
import { gradingContext } from '../model/grading.js';
import { bases, certainties, certaintyLabel, historyWords, statementKinds, statuses, strengthWords, voteGrades } from '../model/vocabulary.js';
import { builtinSchemeName, levelLabel } from '../model/grading-scheme.js';
import { describeSymbol } from './hover.js';
import { declaredSchemeDoc, gradeSchemeDoc, keywordDoc, schemeLevelDoc, unitDoc, valueDoc, type ValueField } from './keyword-docs.js';
import { headerMayStart, snippetEntries } from './completion-snippets.js';
import type { CompletionEntry, CompletionKind, CompletionOptions, CompletionResult } from './completion-entry.js';
import { opensOnTrigger } from './completion-trigger.js';

export type { CompletionEntry, CompletionKind, CompletionOptions, CompletionResult } from './completion-entry.js';

const comparisonTokens = new Set(['Equals', 'NotEquals', 'Less', 'LessEq', 'Greater', 'GreaterEq', 'Kw_in', 'Kw_between']);

/** Statement field keywords and the AST field each fills. */
const statementFields: Record<string, keyof A.StatementDecl> = {
  text: 'text', basis: 'basis', strength: 'strength', certainty: 'certainty', agreement: 'agreement', votes: 'votes',
  endorsed_strong: 'endorsedStrong', cites: 'cites', section: 'section', rationale: 'rationale', status: 'status',
  kind: 'statementKind', voters: 'voters', history: 'history',
};

/** The words of a field whose values do not depend on the grading scheme. */
const fieldWords: Record<string, readonly string[]> = {
  basisField: bases, statusField: statuses, kindField: statementKinds, historyField: historyWords,
};

export function completions(analysis: Analysis, offset: number, options: CompletionOptions = {}): CompletionResult {
  const text = analysis.source.text;
  // A file too large to analyse gets no completion either: finding the context would lex it all.
  if (text.length > analysis.settings.maxDocumentSize * 2 ** 20) return { items: [], replace: { start: offset, end: offset } };
  const decl = enclosingDeclaration(analysis.source.parse.ast, offset);
  let assist = contentAssistAt(text, offset, decl?.span.start ?? 0, 'file');
  if (assist && assist.expected.length === 0) assist = ruleFallback(text, offset, assist) ?? assist;
  if (!assist) return { items: [], replace: { start: offset, end: offset } };
  const ctx = new Context(analysis, assist, decl, offset);
  const items = new Map<string, CompletionEntry>();
  const expected = unambiguous(assist);
  for (const e of expected) {
    for (const item of ctx.itemsFor(e)) if (!items.has(item.label)) items.set(item.label, item);
  }
  const found = [...items.values(), ...(options.snippets ? snippetEntries(analysis, expected, decl?.node, offset) : [])];
  if (options.trigger !== undefined && !opensOnTrigger(options.trigger, assist.preceding, found)) return { items: [], replace: assist.prefix.span };
  return { items: found, replace: assist.prefix.span };
}

/**
 * `against` is a soft keyword, so the grammar also reads `recommend against |` as naming an
 * intervention called `against`, after which a new field could start. Nobody means that.
 */
function unambiguous(assist: ContentAssist): readonly ExpectedToken[] {
  const p = assist.preceding;
  const afterAgainst = p.length >= 2 && p[p.length - 1].type === 'Kw_against' && /^Kw_(recommend|suggest)$/.test(p[p.length - 2].type);
  // What can only follow an intervention (`over`) is not offered where none is named yet.
  return afterAgainst ? assist.expected.filter((e) => e.ruleStack[e.ruleStack.length - 1] === 'action' && e.token !== 'Kw_over') : assist.expected;
}

/** The top-level construct the cursor is in or after: where parsing for completion starts. */
function enclosingDeclaration(file: A.GuidelineFile, offset: number): { span: A.Span; node?: A.Declaration } | undefined {
  const starts: { span: A.Span; node?: A.Declaration }[] = [
    ...(file.header ? [{ span: file.header.span }] : []),
    ...file.uses.map((u) => ({ span: u.span })),
    ...file.declarations.map((d) => ({ span: d.span, node: d })),
  ];
  let best: { span: A.Span; node?: A.Declaration } | undefined;
  for (const s of starts) if (s.span.start < offset && (!best || s.span.start > best.span.start)) best = s;
  return best;
}

/** When the declaration has an earlier syntax error, start again at the rule the cursor is in. */
function ruleFallback(text: string, offset: number, assist: ContentAssist): ContentAssist | undefined {
  const rule = [...assist.preceding].reverse().find((t) => t.type === 'Kw_rule');
  return rule ? contentAssistAt(text, offset, rule.span.start, 'ruleDecl') : undefined;
}

class Context {
  private readonly preceding: readonly AssistToken[];

  constructor(
    private readonly analysis: Analysis,
    assist: ContentAssist,
    private readonly decl: { node?: A.Declaration } | undefined,
    private readonly offset: number,
  ) {
    this.preceding = assist.preceding;
  }

  itemsFor(e: ExpectedToken): CompletionEntry[] {
    const rule = e.ruleStack[e.ruleStack.length - 1];
    if (e.token.startsWith('Kw_')) return this.keyword(e.token.slice(3), e.ruleStack);
    if (e.token === 'Name' || e.token === 'Identifier' || e.token === 'NumberLiteral') return this.names(e, rule);
    if (e.ruleStack.includes('quantity') && e.token === 'StringLiteral') return this.units(quotedUnitsFor(this.comparedType()));
    if (rule === 'quantity' && e.token === 'PercentSign') return this.comparedType()?.kind === 'percent' ? this.units(['%']) : [];
    return [];
  }

  private keyword(word: string, ruleStack: readonly string[]): CompletionEntry[] {
    if (word === 'true' || word === 'false') {
      const t = this.comparedType();
      if (t && t.kind !== 'boolean' && t.kind !== 'unknown') return [];
    }
    // A field keyword starts its own rule right under the statement: offer it only if not given yet.
    if (ruleStack[ruleStack.length - 2] === 'statementDecl' && word in statementFields && this.decl?.node?.kind === 'Statement') {
      if (this.decl.node[statementFields[word]] !== undefined) return [];
    }
    // The header comes once, first.
    if (word === 'guideline' && !headerMayStart(this.analysis, this.offset)) return [];
    return [{ label: word, kind: 'keyword', detail: 'keyword', documentation: keywordDoc(word), sortText: `2${word}` }];
  }

  private names(e: ExpectedToken, rule: string): CompletionEntry[] {
    const symbols = this.analysis.symbols;
    const previous = this.preceding[this.preceding.length - 1];
    switch (rule) {
      case 'condition':
      case 'assignment':
        return this.attributes();
      case 'decisionDecl':
        return previous && (previous.type === 'Kw_ask' || previous.type === 'Comma') ? this.attributes() : [];
      case 'value':
        return this.members();
      case 'quantity':
        return e.token === 'Identifier' ? this.units(durationUnitsFor(this.comparedType())) : [];
      case 'action':
        return symbols.ofKind('intervention').map((s) => this.symbolItem(s, 'intervention', 'intervention'));
      case 'label':
        return e.ruleStack.includes('citeItem') ? [...symbols.references.values()].map((s) => this.symbolItem(s, 'reference', s.decl.citation ? truncate(s.decl.citation.value, 60) : 'reference')) : [];
      case 'fieldValue':
        return this.fieldValues(e.ruleStack[e.ruleStack.length - 2]);
      case 'gradingLevel': {
        // After a level, the GRADE word it means; a level itself is the committee's to name.
        if (!this.preceding.length || ['Comma', 'Kw_strength', 'Kw_certainty'].includes(this.preceding[this.preceding.length - 1].type)) return [];
        const certainty = e.ruleStack.includes('gradingCertainties');
        const words = certainty ? certainties : strengthWords;
        return words.map((w, i) => ({
          label: w,
          kind: 'value' as const,
          detail: certainty ? `GRADE ${certaintyLabel(w as (typeof certainties)[number])}` : w === 'weak' ? 'GRADE conditional' : `GRADE ${w}`,
          documentation: valueDoc(certainty ? 'certainty' : 'strength', w),
          sortText: `0${i}`,
        }));
      }
      case 'gradingSelect': {
        const { schemes } = gradingContext(this.analysis);
        return [...schemes.declared.values(), undefined].map((d, i) => ({
          label: d?.scheme.name ?? builtinSchemeName,
          kind: 'value' as const,
          detail: d ? d.scheme.title ?? 'grading scheme' : 'built-in grading scheme',
          documentation: d ? declaredSchemeDoc(d.scheme.name, d.scheme.strengths, d.scheme.certainties) : gradeSchemeDoc,
          sortText: `0${String(i).padStart(3, '0')}`,
        }));
      }
      case 'vote':
      case 'agreeField':
        return e.token === 'Name' ? voteGrades.map((g) => ({ label: g, kind: 'value' as const, detail: 'vote grade', documentation: valueDoc('grade', g), sortText: `0${g}` })) : [];
      case 'typeRef':
        return [
          ...builtinTypes.map((t) => ({ label: t, kind: 'type' as const, detail: 'built-in type', documentation: valueDoc('type', t), sortText: `0${t}` })),
          ...symbols.ofKind('enum').map((s) => this.symbolItem(s, 'enum', 'enum')),
        ];
      default:
        return [];
    }
  }

  /** A field's words: the grading scheme's levels for strength and certainty, with their GRADE meaning. */
  private fieldValues(field: string): CompletionEntry[] {
    const scheme = gradingContext(this.analysis).scheme;
    const name = field.replace('Field', '') as ValueField;
    // A level of the guideline's own scheme is explained through the GRADE word it means.
    const levelDoc = (level: string, grade: string): string | undefined => (scheme.builtin ? valueDoc(name, level) : schemeLevelDoc(level, name as 'strength' | 'certainty', scheme.name, grade));
    const graded: [string, string, string | undefined][] | undefined = field === 'strengthField'
      ? [...scheme.strengths].map(([l, g]) => [l, levelLabel(l, g) === l ? `strength${l === 'weak' ? ' (conditional)' : ''}` : `GRADE ${g}`, levelDoc(l, g)])
      : field === 'certaintyField'
        ? [...scheme.certainties].map(([l, g]) => [l, l === g ? certaintyLabel(g) : `GRADE ${certaintyLabel(g)}`, levelDoc(l, g)])
        : undefined;
    const entries = graded ?? (fieldWords[field] ?? []).map((w): [string, string, string | undefined] => [w, name, valueDoc(name, w)]);
    return entries.map(([label, detail, documentation], i) => ({ label, kind: 'value' as const, detail, documentation, sortText: `0${String(i).padStart(3, '0')}` }));
  }

  private attributes(): CompletionEntry[] {
    return this.analysis.symbols.ofKind('attribute').map((s) => this.symbolItem(s, 'attribute', describeType(attributeType(s, this.analysis.symbols))));
  }

  /** After `=`, `!=` or `in {`: only the members of the compared attribute's enum, not yet listed. */
  private members(): CompletionEntry[] {
    const type = this.comparedType();
    if (!type || type.kind !== 'enum') return [];
    const listed = new Set(this.setSoFar());
    const members = this.analysis.symbols.members.get(type.enum);
    return [...(members?.values() ?? [])].filter((m) => !listed.has(m.name)).map((m, i) => ({
      ...this.symbolItem(m, 'member', type.enum.name),
      sortText: `0${String(i).padStart(3, '0')}`,
    }));
  }

  private units(units: string[]): CompletionEntry[] {
    const attr = this.comparedAttribute();
    const own = units[0];
    return units.map((u, i) => ({
      label: u,
      kind: 'unit' as const,
      detail: attr ? `unit of \`${attr.name}\`${i === 0 ? ' (its own)' : ''}` : 'unit',
      documentation: unitDoc(u, attr?.name, own),
      sortText: `0${i}`,
    }));
  }

  private symbolItem(sym: Sym, kind: CompletionKind, detail: string): CompletionEntry {
    return { label: sym.name, kind, detail, documentation: describeSymbol(this.analysis, sym), sortText: `1${sym.name}` };
  }

  /** The comparison the cursor is in: its operator's index among the preceding tokens, and the attribute before it. */
  private comparison(): { index: number; attribute?: AttributeSymbol } | undefined {
    for (let i = this.preceding.length - 1; i > 0; i--) {
      const t = this.preceding[i];
      if (t.type === 'Kw_when' || t.type === 'Kw_where' || t.type === 'Kw_given' || t.type === 'Kw_then') return undefined;
      if (comparisonTokens.has(t.type)) return { index: i, attribute: this.analysis.symbols.lookup(this.preceding[i - 1].image, 'attribute') };
    }
    return undefined;
  }

  private comparedAttribute(): AttributeSymbol | undefined {
    return this.comparison()?.attribute;
  }

  private comparedType(): AttrType | undefined {
    const attr = this.comparedAttribute();
    return attr && attributeType(attr, this.analysis.symbols);
  }

  /** The words already listed in the `in { ... }` the cursor is in. */
  private setSoFar(): string[] {
    const c = this.comparison();
    if (!c || this.preceding[c.index].type !== 'Kw_in') return [];
    return this.preceding.slice(c.index + 2).filter((t) => t.type !== 'Comma').map((t) => t.image);
  }
}

/** Unit words (`weeks`) for a duration attribute. */
function durationUnitsFor(type: AttrType | undefined): string[] {
  return type?.kind === 'duration' ? compatibleUnits(type) : [];
}

/** Quoted units (`"IU/mL"`) for a number attribute with a unit. */
function quotedUnitsFor(type: AttrType | undefined): string[] {
  return type?.kind === 'number' ? compatibleUnits(type).map((u) => JSON.stringify(u)) : [];
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
