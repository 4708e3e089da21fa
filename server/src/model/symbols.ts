// The declarations in scope: the root file's and its used files'. Enums, attributes,
// interventions, statements, rules and decisions share one namespace; reference labels
// have their own; each enum's members are a namespace of their own.
import type * as A from '../../../grammar/src/index.js';
import type { Finding } from './findings.js';
import type { SourceFile } from './sources.js';

export type SymbolKind = 'enum' | 'member' | 'attribute' | 'intervention' | 'reference' | 'statement' | 'rule' | 'decision';

interface SymbolBase {
  readonly name: string;
  readonly uri: string;
  /** The span of the declaring name. */
  readonly span: A.Span;
}
export interface EnumSymbol extends SymbolBase { readonly kind: 'enum'; readonly decl: A.EnumDecl }
export interface MemberSymbol extends SymbolBase { readonly kind: 'member'; readonly decl: A.EnumDecl; readonly parent: EnumSymbol }
export interface AttributeSymbol extends SymbolBase { readonly kind: 'attribute'; readonly decl: A.AttributeDecl }
export interface InterventionSymbol extends SymbolBase { readonly kind: 'intervention'; readonly decl: A.InterventionDecl }
export interface ReferenceSymbol extends SymbolBase { readonly kind: 'reference'; readonly decl: A.ReferenceDecl }
export interface StatementSymbol extends SymbolBase { readonly kind: 'statement'; readonly decl: A.StatementDecl }
export interface RuleSymbol extends SymbolBase { readonly kind: 'rule'; readonly decl: A.RuleDecl; readonly parent: StatementSymbol }
export interface DecisionSymbol extends SymbolBase { readonly kind: 'decision'; readonly decl: A.DecisionDecl }

export type Sym =
  | EnumSymbol | MemberSymbol | AttributeSymbol | InterventionSymbol
  | ReferenceSymbol | StatementSymbol | RuleSymbol | DecisionSymbol;

export type GlobalSymbol = Exclude<Sym, MemberSymbol | ReferenceSymbol>;

export class SymbolTable {
  readonly globals = new Map<string, GlobalSymbol>();
  readonly references = new Map<string, ReferenceSymbol>();
  readonly members = new Map<EnumSymbol, Map<string, MemberSymbol>>();
  /** Every declared symbol, in file order: the root file's first. */
  readonly all: Sym[] = [];

  ofKind<K extends GlobalSymbol['kind']>(kind: K): Extract<GlobalSymbol, { kind: K }>[] {
    return this.all.filter((s): s is Extract<GlobalSymbol, { kind: K }> => s.kind === kind);
  }

  lookup<K extends GlobalSymbol['kind']>(name: string, kind: K): Extract<GlobalSymbol, { kind: K }> | undefined {
    const sym = this.globals.get(name);
    return sym && sym.kind === kind ? (sym as Extract<GlobalSymbol, { kind: K }>) : undefined;
  }

  /** The statement and rule symbols for a rule declaration. */
  ruleOf(decl: A.RuleDecl): RuleSymbol | undefined {
    return this.all.find((s): s is RuleSymbol => s.kind === 'rule' && s.decl === decl);
  }
}

const kindWords: Record<SymbolKind, string> = {
  enum: 'enum', member: 'member', attribute: 'attribute', intervention: 'intervention',
  reference: 'reference', statement: 'statement', rule: 'rule', decision: 'decision',
};

export function describeKind(kind: SymbolKind): string {
  return kindWords[kind];
}

export function buildSymbols(files: readonly SourceFile[], rootUri: string): { table: SymbolTable; findings: Finding[] } {
  const table = new SymbolTable();
  const findings: Finding[] = [];

  const duplicate = (sym: Sym, earlier: Sym): void => {
    // Report in the root file: at the later declaration if it is there, else at the earlier one.
    const here = sym.uri === rootUri ? sym : earlier.uri === rootUri ? earlier : undefined;
    if (!here) return;
    const other = here === sym ? earlier : sym;
    findings.push({
      severity: 'error',
      code: 'duplicate-name',
      message: `\`${sym.name}\` is already declared as ${article(other.kind)} ${describeKind(other.kind)}${other.uri === here.uri ? '' : ' in a used file'}`,
      uri: here.uri,
      span: here.span,
      related: [{ uri: other.uri, span: other.span, message: `the other \`${sym.name}\`` }],
    });
  };

  const addGlobal = (sym: GlobalSymbol): void => {
    table.all.push(sym);
    const earlier = table.globals.get(sym.name);
    if (earlier) duplicate(sym, earlier);
    else table.globals.set(sym.name, sym);
  };

  for (const file of files) {
    for (const decl of file.parse.ast.declarations) {
      const uri = file.uri;
      switch (decl.kind) {
        case 'Enum': {
          if (!decl.name) break;
          const sym: EnumSymbol = { kind: 'enum', name: decl.name.text, uri, span: decl.name.span, decl };
          addGlobal(sym);
          const members = new Map<string, MemberSymbol>();
          for (const m of decl.members) {
            const member: MemberSymbol = { kind: 'member', name: m.text, uri, span: m.span, decl, parent: sym };
            table.all.push(member);
            if (members.has(m.text)) {
              if (uri === rootUri) {
                findings.push({ severity: 'error', code: 'duplicate-member', message: `\`${m.text}\` is listed twice in enum \`${sym.name}\``, uri, span: m.span });
              }
            } else members.set(m.text, member);
          }
          if (!table.members.has(sym)) table.members.set(sym, members);
          break;
        }
        case 'Attribute':
          if (decl.name) addGlobal({ kind: 'attribute', name: decl.name.text, uri, span: decl.name.span, decl });
          break;
        case 'Intervention':
          if (decl.name) addGlobal({ kind: 'intervention', name: decl.name.text, uri, span: decl.name.span, decl });
          break;
        case 'Decision':
          if (decl.name) addGlobal({ kind: 'decision', name: decl.name.text, uri, span: decl.name.span, decl });
          break;
        case 'Reference': {
          if (!decl.name) break;
          const sym: ReferenceSymbol = { kind: 'reference', name: decl.name.text, uri, span: decl.name.span, decl };
          table.all.push(sym);
          const earlier = table.references.get(sym.name);
          if (earlier) duplicate(sym, earlier);
          else table.references.set(sym.name, sym);
          break;
        }
        case 'Statement': {
          if (!decl.name) break;
          const sym: StatementSymbol = { kind: 'statement', name: decl.name.text, uri, span: decl.name.span, decl };
          addGlobal(sym);
          for (const rule of decl.rules) {
            if (rule.name) addGlobal({ kind: 'rule', name: rule.name.text, uri, span: rule.name.span, decl: rule, parent: sym });
          }
          break;
        }
        case 'Case':
          break;
      }
    }
  }
  return { table, findings };
}

function article(kind: SymbolKind): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}
