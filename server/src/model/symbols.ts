// The declarations in scope: the root file's and its used files'. Enums, attributes,
// interventions, statements, rules and decisions share one namespace; reference labels
// have their own; each enum's members are a namespace of their own.
import type * as A from '../../../grammar/src/index.js';
import type { Finding } from './findings.js';
import type { SourceFile } from './sources.js';
import { PerObject } from './per-object.js';

export type SymbolKind = 'enum' | 'member' | 'attribute' | 'intervention' | 'reference' | 'statement' | 'rule' | 'decision';

interface SymbolBase {
  readonly name: string;
  readonly uri: string;
  /** The span of the declaring name. */
  readonly span: A.Span;
}
export interface EnumSymbol extends SymbolBase { readonly kind: 'enum'; readonly decl: A.EnumDecl }
export interface MemberSymbol extends SymbolBase {
  readonly kind: 'member';
  readonly decl: A.EnumDecl;
  readonly parent: EnumSymbol;
  /** The member's own description, where the enum gives one (`CR "Complete response"`). */
  readonly description?: string;
}
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

/** What one file declares, in order. */
interface FileDeclarations {
  readonly symbols: readonly Sym[];
  /** Each enum's members, first spelling of each name kept. */
  readonly members: ReadonlyMap<EnumSymbol, Map<string, MemberSymbol>>;
  /** Members listed twice in one enum: reported only where the file is the root. */
  readonly duplicateMembers: readonly Finding[];
}

/** What a parsed file declares, which depends on the file alone: kept on the file. */
const declaredIn = new PerObject<SourceFile, FileDeclarations>('declarations');

/**
 * What each file declares, keyed by its parse: a used file that did not change keeps its
 * symbols (and their identity) from one version of the root to the next.
 */
export class DeclarationCache {
  of(file: SourceFile): FileDeclarations {
    let declared = declaredIn.get(file);
    if (!declared) declaredIn.set(file, (declared = fileDeclarations(file)));
    return declared;
  }
}

function fileDeclarations(file: SourceFile): FileDeclarations {
  const symbols: Sym[] = [];
  const members = new Map<EnumSymbol, Map<string, MemberSymbol>>();
  const duplicateMembers: Finding[] = [];
  const uri = file.uri;
  for (const decl of file.parse.ast.declarations) {
    switch (decl.kind) {
      case 'Enum': {
        if (!decl.name) break;
        const sym: EnumSymbol = { kind: 'enum', name: decl.name.text, uri, span: decl.name, decl };
        symbols.push(sym);
        const own = new Map<string, MemberSymbol>();
        for (const [i, m] of decl.members.entries()) {
          const description = decl.memberDescriptions[i]?.value;
          const member: MemberSymbol = { kind: 'member', name: m.text, uri, span: m, decl, parent: sym, ...(description !== undefined ? { description } : {}) };
          symbols.push(member);
          if (own.has(m.text)) duplicateMembers.push({ severity: 'error', code: 'duplicate-member', message: `\`${m.text}\` is listed twice in enum \`${sym.name}\``, uri, span: m });
          else own.set(m.text, member);
        }
        members.set(sym, own);
        break;
      }
      case 'Attribute':
        if (decl.name) symbols.push({ kind: 'attribute', name: decl.name.text, uri, span: decl.name, decl });
        break;
      case 'Intervention':
        if (decl.name) symbols.push({ kind: 'intervention', name: decl.name.text, uri, span: decl.name, decl });
        break;
      case 'Decision':
        if (decl.name) symbols.push({ kind: 'decision', name: decl.name.text, uri, span: decl.name, decl });
        break;
      case 'Reference':
        if (decl.name) symbols.push({ kind: 'reference', name: decl.name.text, uri, span: decl.name, decl });
        break;
      case 'Statement': {
        if (!decl.name) break;
        const sym: StatementSymbol = { kind: 'statement', name: decl.name.text, uri, span: decl.name, decl };
        symbols.push(sym);
        for (const rule of decl.rules) {
          if (rule.name) symbols.push({ kind: 'rule', name: rule.name.text, uri, span: rule.name, decl: rule, parent: sym });
        }
        break;
      }
      case 'Case':
        break;
    }
  }
  return { symbols, members, duplicateMembers };
}

export function buildSymbols(files: readonly SourceFile[], rootUri: string, declarations = new DeclarationCache()): { table: SymbolTable; findings: Finding[] } {
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

  for (const file of files) {
    const declared = declarations.of(file);
    for (const sym of declared.symbols) {
      table.all.push(sym);
      if (sym.kind === 'member') continue;
      const namespace: Map<string, Sym> = sym.kind === 'reference' ? table.references : table.globals;
      const earlier = namespace.get(sym.name);
      if (earlier) duplicate(sym, earlier);
      else namespace.set(sym.name, sym);
    }
    for (const [sym, members] of declared.members) if (!table.members.has(sym)) table.members.set(sym, members);
    if (file.uri === rootUri) for (const f of declared.duplicateMembers) findings.push(f);
  }
  return { table, findings };
}

function article(kind: SymbolKind): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}
