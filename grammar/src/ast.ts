// Typed syntax tree of a .guideline file. Every node keeps its source span (character
// offsets) so analysis can report precise ranges: in a `span` field, or, for the words,
// numbers, strings and values that make up most of a file, as its own `start` and `end`
// (the node is its own span). Positions are the numeric `start` and `end` fields of any
// object of the tree: code that moves or compares trees generically goes by that. Values the language enumerates
// (basis, strength, ...) are kept as written names: the checker, not the parser, says
// when one is misspelt, which gives a better message than a syntax error.

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A word as written: its own span, with the text. Words are the tree's most numerous nodes
 * (one in every six characters of a rule-heavy file); a span kept inline rather than in an
 * object of its own halves what each costs.
 */
export interface Name extends Span {
  readonly text: string;
}

/** A string as written, its own span. */
export interface StringLit extends Span {
  readonly value: string;
}

/** A number as written: like a name, its own span. */
export interface NumberLit extends Span {
  /** Negative only where a sign is allowed (`voters -3`, kept for its diagnostic). */
  readonly value: number;
  /** As written, e.g. "96.2": precision matters to the agreement checks. */
  readonly text: string;
}

/** A field of a block: the keyword's span plus its value; `span` covers both. */
export interface Field<T> {
  readonly keyword: Span;
  readonly value: T;
  readonly span: Span;
}

export interface GuidelineFile {
  readonly kind: 'File';
  readonly span: Span;
  readonly header?: GuidelineHeader;
  readonly uses: Use[];
  readonly declarations: Declaration[];
  /** `grading` blocks: schemes of levels, kept apart from the named declarations. */
  readonly gradings: GradingDecl[];
}

export interface GuidelineHeader {
  readonly kind: 'Guideline';
  readonly span: Span;
  readonly name?: Name;
  readonly title?: Field<StringLit>;
  readonly doi?: Field<StringLit>;
  readonly panel?: Panel;
  /** `grading NAME`: the scheme the statements are graded in; GRADE when absent. */
  readonly grading?: Field<Name>;
}

/** One level of a grading scheme and the GRADE word it means (`IIa conditional`). */
export interface GradingLevel {
  readonly span: Span;
  /** As written: a name (`IIa`) or a number (`1`). */
  readonly level: Name;
  readonly grade?: Name;
}

export interface GradingDecl {
  readonly kind: 'Grading';
  readonly span: Span;
  readonly name?: Name;
  readonly title?: StringLit;
  /** Every `strength` list of the block, in order (one is expected). */
  readonly strength: Field<GradingLevel[]>[];
  readonly certainty: Field<GradingLevel[]>[];
}

export interface Panel {
  readonly kind: 'Panel';
  readonly span: Span;
  readonly voters?: Field<NumberLit>;
  readonly agree?: Field<Name[]>;
  readonly consensus?: Field<NumberLit>;
  readonly strong?: Field<NumberLit>;
}

export interface Use {
  readonly kind: 'Use';
  readonly span: Span;
  readonly path?: StringLit;
}

export type Declaration =
  | EnumDecl
  | AttributeDecl
  | InterventionDecl
  | ReferenceDecl
  | StatementDecl
  | CaseDecl
  | DecisionDecl
  | AssumeDecl;

/** `assume EXPR`: only patients for whom it holds are considered. */
export interface AssumeDecl {
  readonly kind: 'Assume';
  readonly span: Span;
  readonly condition?: Expr;
}

export interface EnumDecl {
  readonly kind: 'Enum';
  readonly span: Span;
  readonly name?: Name;
  readonly description?: StringLit;
  readonly members: Name[];
  /** Each member's own description (`CR "Complete response"`), aligned with `members`. */
  readonly memberDescriptions: readonly (StringLit | undefined)[];
}

export interface TypeRef {
  readonly span: Span;
  /** boolean, number, percent, days, weeks, months, years, or an enum's name. */
  readonly name: Name;
  /** `number unit "IU/mL"` */
  readonly unit?: StringLit;
}

export interface AttributeDecl {
  readonly kind: 'Attribute';
  readonly span: Span;
  readonly name?: Name;
  readonly type?: TypeRef;
  /** `molar_mass 90.08` (g/mol): mass and molar amounts convert through it. */
  readonly molarMass?: Field<NumberLit>;
  readonly description?: StringLit;
}

export interface InterventionDecl {
  readonly kind: 'Intervention';
  readonly span: Span;
  readonly name?: Name;
  readonly description?: StringLit;
}

export interface ReferenceDecl {
  readonly kind: 'Reference';
  readonly span: Span;
  /** A number as written ("72") or an identifier. */
  readonly name?: Name;
  readonly citation?: StringLit;
  readonly doi?: Field<StringLit>;
  readonly pmid?: Field<Name>;
}

export interface Vote {
  readonly span: Span;
  readonly grade: Name;
  readonly count: NumberLit;
}

export interface CiteItem {
  readonly span: Span;
  readonly from: Name;
  /** The end of a range such as 72-76. */
  readonly to?: Name;
}

export interface StatementDecl {
  readonly kind: 'Statement';
  readonly span: Span;
  readonly name?: Name;
  readonly title?: StringLit;
  /** The span of the body's braces, where new fields are inserted. */
  readonly body?: Span;
  readonly text?: Field<StringLit>;
  readonly basis?: Field<Name>;
  readonly strength?: Field<Name>;
  readonly certainty?: Field<Name>;
  readonly agreement?: Field<NumberLit>;
  readonly votes?: Field<Vote[]>;
  readonly endorsedStrong?: Field<NumberLit>;
  readonly cites?: Field<CiteItem[]>;
  readonly section?: Field<StringLit>;
  readonly rationale?: Field<StringLit>;
  readonly status?: Field<Name>;
  /** `kind best_practice`; the field is `statementKind` because `kind` names the node type. */
  readonly statementKind?: Field<Name>;
  /** This statement's voters, where they differ from the panel's. */
  readonly voters?: Field<NumberLit>;
  readonly remarks: Field<StringLit>[];
  readonly history?: Field<HistoryNote>;
  readonly rules: RuleDecl[];
  /** Fields written more than once: every occurrence but the last, which is the one that counts. */
  readonly repeated?: readonly RepeatedField[];
}

/** An occurrence of a field that a later one of the same block replaces. */
export interface RepeatedField {
  /** The field's keyword: `strength`, `text`, ... */
  readonly field: string;
  readonly span: Span;
}

/** `history revised "note"` */
export interface HistoryNote {
  readonly word: Name;
  readonly note?: StringLit;
}

export type Verb = 'recommend' | 'suggest';

/** Starts with its verb (`verbSpan` in derived-spans.ts). */
export interface Action {
  readonly span: Span;
  readonly verb: Verb;
  readonly against: boolean;
  readonly interventions: Name[];
  /** `suggest X over Y`: what X is preferred to. */
  readonly over?: Name[];
  readonly timing?: Timing;
}

/** When the intervention is to happen, from the time the condition holds. */
export interface Timing {
  readonly span: Span;
  readonly kind: 'within' | 'after' | 'between';
  readonly keyword: Span;
  /** `after D`, and the first bound of `between`. */
  readonly low?: QuantityValue;
  /** `within D`, and the second bound of `between`. */
  readonly high?: QuantityValue;
}

export interface RuleDecl {
  readonly kind: 'Rule';
  readonly span: Span;
  readonly name?: Name;
  /** The rule's own grading, overriding its statement's. */
  readonly strength?: Field<Name>;
  readonly certainty?: Field<Name>;
  /** `rule b overrides a, c` */
  readonly overrides?: Field<Name[]>;
  readonly when?: Expr;
  readonly then?: Action;
  /** `strength` or `certainty` written more than once: the earlier occurrences. */
  readonly repeated?: readonly RepeatedField[];
}

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Expr = ImpliesExpr | AndExpr | OrExpr | NotExpr | CompareExpr | InExpr | BetweenExpr | FlagExpr;

/** `a implies b implies c`, right-associative: a -> (b -> c). Kept flat, so long chains recurse no deeper. */
export interface ImpliesExpr {
  readonly kind: 'Implies';
  readonly span: Span;
  readonly operands: Expr[];
}

export interface AndExpr {
  readonly kind: 'And';
  readonly span: Span;
  readonly operands: Expr[];
}
export interface OrExpr {
  readonly kind: 'Or';
  readonly span: Span;
  readonly operands: Expr[];
}
export interface NotExpr {
  readonly kind: 'Not';
  readonly span: Span;
  readonly operand: Expr;
}
/** The operator's span is found from the text (`operatorSpan` in derived-spans.ts). */
export interface CompareExpr {
  readonly kind: 'Compare';
  readonly span: Span;
  readonly attribute: Name;
  readonly op: CompareOp;
  readonly value: Value;
}
export interface InExpr {
  readonly kind: 'In';
  readonly span: Span;
  readonly attribute: Name;
  readonly values: Value[];
  /** Span of the `{ ... }` set, for completion and empty-set reports. */
  readonly setSpan: Span;
}
export interface BetweenExpr {
  readonly kind: 'Between';
  readonly span: Span;
  readonly attribute: Name;
  readonly low: Value;
  readonly high: Value;
}
/** A boolean attribute used on its own as a condition. */
export interface FlagExpr {
  readonly kind: 'Flag';
  readonly span: Span;
  readonly attribute: Name;
}

export type Value = SymbolValue | BoolValue | QuantityValue;

/**
 * An enum member (or, mistakenly, any other name). The value is its own name (a `Name` with
 * a kind), not a node around one: a rule-heavy file has an enum value every 35 characters.
 */
export interface SymbolValue extends Name {
  readonly kind: 'Symbol';
}
export interface BoolValue extends Span {
  readonly kind: 'Bool';
  readonly value: boolean;
}
/** Its own span, as every value is, from the sign to the unit. */
export interface QuantityValue extends Span {
  readonly kind: 'Quantity';
  readonly number: NumberLit;
  readonly negative: boolean;
  /** `%`, a unit word such as `years`, or a quoted unit such as "IU/mL". */
  readonly unit?: Name;
}

export interface Assignment {
  readonly span: Span;
  readonly attribute: Name;
  readonly value: Value;
}

export interface Expectation {
  readonly span: Span;
  /** `expect nothing` */
  readonly nothing: boolean;
  /** `expect only ...`: these and no other recommendations. */
  readonly only: boolean;
  /** `expect not ...`: this recommendation must not be given. */
  readonly negated: boolean;
  readonly action?: Action;
}

export interface CaseDecl {
  readonly kind: 'Case';
  readonly span: Span;
  readonly title?: StringLit;
  readonly given: Assignment[];
  readonly expects: Expectation[];
}

export interface DecisionDecl {
  readonly kind: 'Decision';
  readonly span: Span;
  readonly name?: Name;
  readonly title?: StringLit;
  readonly ask: Name[];
  readonly where?: Expr;
  /** `from S1, S2`: only these statements' rules. */
  readonly from?: Field<Name[]>;
}

export interface SyntaxError {
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  /** The edit that certainly repairs the mistake (add a `%`, write `and` for `&&`), if there is one. */
  readonly fix?: SyntaxFix;
}

/** A repair known from the text alone: a title for the light bulb and its edits. */
export interface SyntaxFix {
  readonly title: string;
  readonly edits: readonly { readonly span: Span; readonly newText: string }[];
}

/** A token as lexed: its token type's name (`Kw_rule`, `Name`, `LBrace`, ...) and where it is. */
export interface Lexeme {
  readonly type: string;
  readonly span: Span;
}

export interface ParseResult {
  readonly ast: GuidelineFile;
  readonly errors: SyntaxError[];
  /** Comment spans, for folding and highlighting. */
  readonly comments: Span[];
  /** Every token but comments and whitespace, in text order, for the formatter. */
  readonly tokens: readonly Lexeme[];
  /** Where the parser stopped reading a file of too many errors: the tree holds nothing from here on. */
  readonly unreadFrom?: number;
}
