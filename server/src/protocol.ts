// The custom requests between the extension and the language server, typed once and used
// by both sides (like rust-analyzer's lsp_ext.ts). Plain data only: no vscode, no LSP
// library types beyond positions.

export interface Position {
  line: number;
  character: number;
}

export interface SourceRange {
  uri: string;
  range: { start: Position; end: Position };
}

export interface DecisionTreeParams {
  uri: string;
  /** A decision's name; omitted: the file's first decision, or the default tree. */
  decision?: string;
}

export interface DecisionSummary {
  name: string;
  title?: string;
}

export type Verb = 'recommend' | 'suggest';

export interface LeafRecommendation {
  rule: string;
  statement: string;
  statementTitle?: string;
  verb: Verb;
  against: boolean;
  intervention: string;
  /** The intervention's description, when it has one. */
  interventionLabel?: string;
  /** `within 1 hour`, as written. */
  timing?: string;
  /** `suggest X over Y`: what X is preferred to. */
  over?: string[];
  strength?: 'strong' | 'conditional';
  certainty?: 'high' | 'moderate' | 'low' | 'very_low';
  /** The levels as the guideline's grading scheme writes them (`IIa`, `weak`), where not GRADE's own words. */
  strengthLevel?: string;
  certaintyLevel?: string;
  /** From a best practice statement: ungraded, so no strength or certainty is shown. */
  bestPractice?: boolean;
  /** Percent. */
  agreement?: number;
  /** Where the rule is written. */
  source?: SourceRange;
  /** Every rule of the statement that gives this recommendation somewhere in the leaf (`rule` is the first). */
  rules?: string[];
}

export interface TreeBranch {
  /** The values or interval this branch takes, as readers write them: "IIIa, IIIb", "< 30%", "yes". */
  label: string;
  /** The same values in the enum members' own descriptions, where it gives them: "Complete response, Partial response". */
  words?: string;
  node: TreeNode;
}

export interface SplitNode {
  kind: 'split';
  /** Stable within one result; merged identical subtrees share an id. */
  id: string;
  attribute: string;
  /** The attribute's description, when it has one. */
  attributeLabel?: string;
  /** What kind of values it takes, for wording conditions ("not fit", "age < 65 years"). */
  attributeType?: 'boolean' | 'enum' | 'number';
  branches: TreeBranch[];
  /** The rules whose conditions test this attribute here. */
  sources: SourceRange[];
  /** See LeafNode.ref. */
  ref?: boolean;
}

export interface LeafNode {
  kind: 'leaf';
  id: string;
  recommendations: LeafRecommendation[];
  /** No rule recommends anything for patients here. */
  gap: boolean;
  /** Some intervention is recommended both for and against here. */
  conflict: boolean;
  sources: SourceRange[];
  /** The tree grew past its size limit here: rules that cover only part of this region are not shown. */
  truncated?: boolean;
  /** A patient in this leaf, as the language writes it: "stage = IIIb, surgically_resectable = false". */
  example?: string;
  /**
   * A repeat of a shared subtree: the node with this id was sent in full at its first
   * occurrence in pre-order, and this copy carries no branches, recommendations or sources.
   * Shared subtrees go over the wire once, so a tree with much sharing stays small.
   */
  ref?: boolean;
}

export type TreeNode = SplitNode | LeafNode;

export interface DecisionTreeResult {
  uri: string;
  /** Every decision in the file, for a picker. */
  decisions: DecisionSummary[];
  /** The decision this tree is for; undefined for the default tree of a file with none. */
  decision?: DecisionSummary;
  /** The file has syntax or name errors: the tree shows what parses. */
  hasErrors: boolean;
  tree?: TreeNode;
  /** The attributes split on first (the decision's `ask`), and its population (`where`) as written. */
  ask?: string[];
  where?: string;
  /** The rules' tree for the patients outside the `where`, so no branch vanishes silently. */
  outside?: TreeNode;
  /** The reviewer's view of `tree` (and `outside`): hoisted, folded, in words. */
  view?: TreeView;
  /** Some leaves were cut short by the size limit. */
  truncated?: boolean;
  /** Set when `decision` named no decision of the file. */
  error?: string;
  /** Where each rule of the tree is written, and its statement: what the editor's cursor is in. */
  rules?: RuleLocation[];
}

/** A rule's place in the source, for following the editor's cursor into the tree. */
export interface RuleLocation {
  rule: string;
  statement: string;
  source: SourceRange;
  statementSource?: SourceRange;
}

/**
 * The reviewer's view of a decision tree, built from the partition's tree: a recommendation
 * that holds throughout a subtree is shown once at its root; splits on attributes the
 * decision does not ask about are folded into their leaf as conditional additions (the
 * unfolded splits come along as `detail`); shared subtrees are copied, or, when large,
 * drawn once and referred to by a marker.
 */
export interface TreeView {
  /** The decision's title, or a name for the default tree. */
  title: string;
  root?: ViewNode;
  /** The decision's `where`, in words, and what holds for the patients outside it. */
  population?: ViewPopulation;
  /** How much the view folds: leaves of the partition shown inside other boxes. */
  folded: { leaves: number; levels: number; note?: string };
  /** Boxes the default view draws. */
  boxes: number;
}

export interface ViewPopulation {
  text: string;
  outside?: ViewNode;
}

/** "If Child-Pugh A, age < 65 years: + suggest ALPPS". */
export interface ViewAddition {
  conditions: string[];
  /** For each condition, what it is about, as a noun ("Child-Pugh class", "FLR/SLV"). */
  subjects: string[];
  recommendations: LeafRecommendation[];
  /** For each recommendation, a condition of its own beyond `conditions` ("" for none). */
  qualifiers?: string[];
}

export interface ViewNode {
  /** Unique in the view (a path of branch indexes), stable across folding and unfolding. */
  id: string;
  /** The partition node it stands for (TreeNode.id). */
  node: string;
  kind: 'question' | 'outcome' | 'marker';
  /** The branch that leads here, in words ("no", "IIb", "< 30%"). */
  branch?: string;
  /** question: the attribute and the question asked of it. */
  attribute?: string;
  attributeType?: SplitNode['attributeType'];
  question?: string;
  description?: string;
  /** What holds for everyone here and is not shown above ("for all patients here"). */
  recommendations: LeafRecommendation[];
  children: ViewNode[];
  /** outcome: what some patients here get as well, under conditions the decision does not ask about. */
  additions: ViewAddition[];
  /** outcome: the folded splits, as a question node to draw in its place (once built). */
  detail?: ViewNode;
  /** outcome: has folded splits to unfold, built on demand (`expandDetail`) when `detail` is not yet there. */
  unfolds?: boolean;
  /** outcome: how many leaves of the partition it holds. */
  leaves: number;
  gap: boolean;
  conflict: boolean;
  truncated: boolean;
  example?: string;
  sources: SourceRange[];
  /** marker: the label of the subtree drawn elsewhere ("A") and what it is. */
  marker?: string;
  refersTo?: string;
}

export const decisionTreeMethod = 'guideline/decisionTree';

/** Statement details for a leaf's hover in the preview. */
export interface StatementDetailsParams {
  uri: string;
  statement: string;
}

export interface StatementDetails {
  id: string;
  title?: string;
  text?: string;
  citations: string[];
}

export const statementDetailsMethod = 'guideline/statementDetails';

/** The cases of files, for the Testing view. Omitted `uris`: every open file and every file of the workspace folders. */
export interface ListCasesParams {
  uris?: string[];
}

export interface CaseItem {
  /** Stable while the case keeps its title. */
  id: string;
  title: string;
  range: { start: Position; end: Position };
}

export interface FileCases {
  uri: string;
  cases: CaseItem[];
}

export interface ListCasesResult {
  files: FileCases[];
}

export const listCasesMethod = 'guideline/listCases';

/** Runs a file's cases: those with the given ids, or all of them. */
export interface RunCasesParams {
  uri: string;
  ids?: string[];
}

export interface CaseFailure {
  /** The `expect` that failed. */
  range: { start: Position; end: Position };
  message: string;
  /** As the language writes them, one recommendation a line, or `nothing`. */
  expected: string;
  actual: string;
}

export interface CaseResult {
  id: string;
  passed: boolean;
  failures: CaseFailure[];
  /** The rules that fire for the case's patient. */
  fired: string[];
  /** Rules the case leaves undetermined, and what to give. */
  notes: string[];
}

export interface RunCasesResult {
  uri: string;
  results: CaseResult[];
  /** Set when the file could not be read. */
  error?: string;
}

export const runCasesMethod = 'guideline/runCases';

/** The client command a case's "Run" code lens invokes, with the file's URI and the case's id. */
export const runCaseCommand = 'guideline.runCase';

/** The editor's Export command: one guideline file in a format other tools read. */
export interface ExportParams {
  uri: string;
  format: 'fhir' | 'markdown' | 'html' | 'docx';
}

export interface ExportedFile {
  name: string;
  /** The file's bytes, base64-encoded (Word files are binary). */
  base64: string;
}

export interface ExportResult {
  /** Empty when the file has errors: nothing partial is exported. */
  files: ExportedFile[];
  /** What the format cannot carry faithfully, one line each. */
  notes: string[];
  /** The file's errors, `line:col code message`, when it was refused. */
  errors: string[];
}

export const exportMethod = 'guideline/export';
