// CST -> AST. Defensive everywhere: after error recovery a node may lack any child, and
// tokens inserted by recovery have no position; both simply leave the AST field unset.
import type { IToken } from 'chevrotain';
import type * as A from './ast.js';
import type * as C from './cst-types.js';
import { spanOf, type Spanned } from './span-of.js';

type Child<T> = T[] | undefined;

function real(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

function first<T>(items: Child<T>): T | undefined {
  return items?.[0];
}

/** `| 0`: Chevrotain's offsets are doubles, and a span of small integers takes no boxed numbers (see parse.ts). */
function tokenSpan(token: IToken): A.Span {
  return { start: token.startOffset | 0, end: (token.startOffset + token.image.length) | 0 };
}

/** A word at `span`: the node is its own span. */
function nameOf(text: string, span: A.Span): A.Name {
  return { text, start: span.start, end: span.end };
}

function numberOf(value: number, text: string, span: A.Span): A.NumberLit {
  return { value, text, start: span.start, end: span.end };
}

function join(a: A.Span, b: A.Span): A.Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** The span of a CST node: from its first real token to its last. */
function nodeSpan(node: { location?: { startOffset: number; endOffset?: number } }, fallback: A.Span): A.Span {
  const loc = node.location;
  if (loc && Number.isFinite(loc.startOffset) && loc.endOffset !== undefined && Number.isFinite(loc.endOffset)) {
    return { start: loc.startOffset | 0, end: (loc.endOffset + 1) | 0 };
  }
  return fallback;
}

function name(token: IToken | undefined): A.Name | undefined {
  return real(token) ? nameOf(token.image, tokenSpan(token)) : undefined;
}

function names(tokens: Child<IToken>): A.Name[] {
  const out: A.Name[] = [];
  if (tokens) for (const tok of tokens) if (real(tok)) out.push(nameOf(tok.image, tokenSpan(tok)));
  return out;
}

function unescape(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** Triple-quoted text is dedented: the indentation of its continuation lines is layout, not content. */
function dedent(body: string): string {
  const lines = body.split(/\r?\n/);
  const indents = lines
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? indents.reduce((a, b) => Math.min(a, b)) : 0;
  return lines
    .map((l, i) => (i === 0 ? l : l.slice(cut)))
    .join('\n')
    .trim();
}

export function stringValue(token: IToken): string {
  const image = token.image;
  switch (token.tokenType.name) {
    case 'TripleString':
      return dedent(image.slice(3, -3));
    case 'UnterminatedTripleString':
      return dedent(image.slice(3));
    case 'StringLiteral':
      return unescape(image.slice(1, -1));
    default:
      return unescape(image.slice(1));
  }
}

function string(node: C.StringCstNode | undefined): A.StringLit | undefined {
  if (!node) return undefined;
  const c = node.children;
  const token = [first(c.StringLiteral), first(c.TripleString), first(c.UnterminatedString), first(c.UnterminatedTripleString)].find(real);
  return token ? { value: stringValue(token), ...tokenSpan(token) } : undefined;
}

function numberLit(token: IToken | undefined): A.NumberLit | undefined {
  // A literal past the largest double reads as the largest double (parse reports it), so no
  // Infinity ever reaches the model.
  return real(token) ? numberOf(Math.min(Number(token.image), Number.MAX_VALUE), token.image, tokenSpan(token)) : undefined;
}

function percentage(node: C.PercentageCstNode | undefined): A.NumberLit | undefined {
  if (!node) return undefined;
  const num = numberLit(first(node.children.NumberLiteral));
  const pct = first(node.children.PercentSign);
  if (!num) return undefined;
  return real(pct) ? numberOf(num.value, num.text, join(num, tokenSpan(pct))) : num;
}

function label(node: C.LabelCstNode | undefined): A.Name | undefined {
  if (!node) return undefined;
  return name(first(node.children.NumberLiteral)) ?? name(first(node.children.Name));
}

/** Wraps a field's value with its keyword's span; undefined when the value was not recovered. */
function field<T>(keyword: IToken | undefined, value: T | undefined, valueSpan?: A.Span): A.Field<T> | undefined {
  if (!real(keyword) || value === undefined) return undefined;
  const kw = tokenSpan(keyword);
  return { keyword: kw, value, span: valueSpan ? join(kw, valueSpan) : kw };
}

/** Each description goes with the member written just before it (recovery may drop members). */
function memberDescriptions(members: readonly A.Name[], descriptions: readonly (A.StringLit | undefined)[]): (A.StringLit | undefined)[] {
  const out: (A.StringLit | undefined)[] = members.map(() => undefined);
  for (const d of descriptions) {
    if (!d) continue;
    let owner = -1;
    members.forEach((m, i) => { if (m.end <= d.start) owner = i; });
    if (owner >= 0 && out[owner] === undefined) out[owner] = d;
  }
  return out;
}

function stringField(keyword: IToken | undefined, node: C.StringCstNode | undefined): A.Field<A.StringLit> | undefined {
  const value = string(node);
  return field(keyword, value, value);
}

function nameField(keyword: IToken | undefined, token: IToken | undefined): A.Field<A.Name> | undefined {
  const value = name(token);
  return field(keyword, value, value);
}

/** A field value word; a numbered level (`strength 1`) is kept as a name spelled "1". */
function fieldValueName(node: C.FieldValueCstNode | undefined): A.Name | undefined {
  return node && (name(first(node.children.Name)) ?? name(first(node.children.NumberLiteral)));
}

function valueField(keyword: IToken | undefined, node: C.FieldValueCstNode | undefined): A.Field<A.Name> | undefined {
  const value = fieldValueName(node);
  return field(keyword, value, value);
}

function percentField(keyword: IToken | undefined, node: C.PercentageCstNode | undefined): A.Field<A.NumberLit> | undefined {
  const value = percentage(node);
  return field(keyword, value, value);
}

function listField<T extends Spanned>(keyword: IToken | undefined, items: T[]): A.Field<T[]> | undefined {
  if (!real(keyword)) return undefined;
  const kw = tokenSpan(keyword);
  const span = items.reduce((s, item) => join(s, spanOf(item)), kw);
  return { keyword: kw, value: items, span };
}

/** Every occurrence of each field but the last, which wins; undefined when none repeats. */
function repeatedFields(fields: readonly (readonly [string, readonly { location?: { startOffset: number; endOffset?: number } }[] | undefined])[]): A.RepeatedField[] | undefined {
  let out: A.RepeatedField[] | undefined;
  for (const [field, nodes] of fields) {
    if (!nodes || nodes.length < 2) continue;
    for (let i = 0; i < nodes.length - 1; i++) {
      const span = nodeSpan(nodes[i], { start: 0, end: 0 });
      if (span.end > span.start) (out ??= []).push({ field, span });
    }
  }
  return out;
}

/** The last occurrence wins; the earlier ones are listed by `repeatedFields` for the checker. */
function lastOf<T>(items: Child<T>): T | undefined {
  return items?.[items.length - 1];
}

export class AstBuilder {
  /** `&& || !` read as operators while building the last file: each is reported with a fix. */
  symbolic: IToken[] = [];

  file(node: C.FileCstNode, length: number): A.GuidelineFile {
    const c = node.children;
    const declarations: A.Declaration[] = [
      ...(c.enumDecl ?? []).map((n) => this.enumDecl(n)),
      ...(c.attributeDecl ?? []).map((n) => this.attributeDecl(n)),
      ...(c.interventionDecl ?? []).map((n) => this.interventionDecl(n)),
      ...(c.referenceDecl ?? []).map((n) => this.referenceDecl(n)),
      ...(c.statementDecl ?? []).map((n) => this.statementDecl(n)),
      ...(c.caseDecl ?? []).map((n) => this.caseDecl(n)),
      ...(c.decisionDecl ?? []).map((n) => this.decisionDecl(n)),
      ...(c.assumeDecl ?? []).map((n) => this.assumeDecl(n)),
    ].sort((a, b) => a.span.start - b.span.start);
    const headers = (c.guidelineHeader ?? []).map((n) => this.header(n));
    return {
      kind: 'File',
      span: { start: 0, end: length },
      header: headers[0],
      uses: (c.useDecl ?? []).map((n) => this.useDecl(n)),
      declarations,
      gradings: (c.gradingDecl ?? []).map((n) => this.gradingDecl(n)),
    };
  }

  private assumeDecl(node: C.AssumeDeclCstNode): A.AssumeDecl {
    const c = node.children;
    const e = first(c.impliesExpr);
    return { kind: 'Assume', span: nodeSpan(node, tokenSpan(c.Kw_assume[0])), condition: e && this.impliesExpr(e) };
  }

  private header(node: C.GuidelineHeaderCstNode): A.GuidelineHeader {
    const c = node.children;
    const title = lastOf(c.titleField);
    const doi = lastOf(c.doiField);
    const grading = lastOf(c.gradingSelect);
    return {
      kind: 'Guideline',
      span: nodeSpan(node, tokenSpan(c.Kw_guideline[0])),
      name: name(first(c.Name)),
      title: title && stringField(first(title.children.Kw_title), first(title.children.string)),
      doi: doi && stringField(first(doi.children.Kw_doi), first(doi.children.string)),
      panel: c.panelBlock?.[0] && this.panel(c.panelBlock[0]),
      grading: grading && nameField(first(grading.children.Kw_grading), first(grading.children.Name)),
    };
  }

  private gradingDecl(node: C.GradingDeclCstNode): A.GradingDecl {
    const c = node.children;
    const list = (keyword: IToken | undefined, levels: C.GradingLevelsCstNode | undefined): A.Field<A.GradingLevel[]>[] => {
      const field = listField(keyword, (levels?.children.gradingLevel ?? []).flatMap((l) => this.gradingLevel(l)));
      return field ? [field] : [];
    };
    return {
      kind: 'Grading',
      span: nodeSpan(node, tokenSpan(c.Kw_grading[0])),
      name: name(first(c.Name)),
      title: string(first(c.string)),
      strength: (c.gradingStrengths ?? []).flatMap((n) => list(first(n.children.Kw_strength), first(n.children.gradingLevels))),
      certainty: (c.gradingCertainties ?? []).flatMap((n) => list(first(n.children.Kw_certainty), first(n.children.gradingLevels))),
    };
  }

  private gradingLevel(node: C.GradingLevelCstNode): A.GradingLevel[] {
    const level = label(first(node.children.level));
    if (!level) return [];
    const grade = name(first(node.children.grade));
    return [{ span: grade ? join(level, grade) : level, level, grade }];
  }

  private panel(node: C.PanelBlockCstNode): A.Panel {
    const c = node.children;
    const voters = lastOf(c.votersField);
    const agree = lastOf(c.agreeField);
    const consensus = lastOf(c.consensusField);
    const strong = lastOf(c.strongField);
    const votersValue = voters && this.voters(voters);
    return {
      kind: 'Panel',
      span: nodeSpan(node, tokenSpan(c.Kw_panel[0])),
      voters: voters && field(first(voters.children.Kw_voters), votersValue, votersValue),
      agree: agree && listField(first(agree.children.Kw_agree), names(agree.children.Name)),
      consensus: consensus && percentField(first(consensus.children.Kw_consensus), first(consensus.children.percentage)),
      strong: strong && percentField(first(strong.children.Kw_strong), first(strong.children.percentage)),
    };
  }

  /** A voters count, with the sign it may (wrongly) carry. */
  private voters(node: C.VotersFieldCstNode): A.NumberLit | undefined {
    const num = numberLit(first(node.children.NumberLiteral));
    const minus = first(node.children.Minus);
    if (!num || !real(minus)) return num;
    return numberOf(-num.value, `-${num.text}`, join(tokenSpan(minus), num));
  }

  private useDecl(node: C.UseDeclCstNode): A.Use {
    const c = node.children;
    return { kind: 'Use', span: nodeSpan(node, tokenSpan(c.Kw_use[0])), path: string(first(c.string)) };
  }

  private enumDecl(node: C.EnumDeclCstNode): A.EnumDecl {
    const c = node.children;
    const members = names(c.members);
    return {
      kind: 'Enum',
      span: nodeSpan(node, tokenSpan(c.Kw_enum[0])),
      name: name(first(c.Name)),
      description: string(first(c.string)),
      members,
      memberDescriptions: memberDescriptions(members, (c.memberDescriptions ?? []).map((n) => string(n))),
    };
  }

  private attributeDecl(node: C.AttributeDeclCstNode): A.AttributeDecl {
    const c = node.children;
    const typeNode = first(c.typeRef);
    return {
      kind: 'Attribute',
      span: nodeSpan(node, tokenSpan(c.Kw_attribute[0])),
      name: name(first(c.Name)),
      type: typeNode && this.typeRef(typeNode),
      molarMass: (() => {
        const value = numberLit(first(c.NumberLiteral));
        return field(first(c.Kw_molar_mass), value, value);
      })(),
      description: string(first(c.string)),
    };
  }

  private typeRef(node: C.TypeRefCstNode): A.TypeRef | undefined {
    const typeName = name(first(node.children.Name));
    if (!typeName) return undefined;
    const unit = string(first(node.children.string));
    return { span: unit ? join(typeName, unit) : typeName, name: typeName, unit };
  }

  private interventionDecl(node: C.InterventionDeclCstNode): A.InterventionDecl {
    const c = node.children;
    return {
      kind: 'Intervention',
      span: nodeSpan(node, tokenSpan(c.Kw_intervention[0])),
      name: name(first(c.Name)),
      description: string(first(c.string)),
    };
  }

  private referenceDecl(node: C.ReferenceDeclCstNode): A.ReferenceDecl {
    const c = node.children;
    const doi = first(c.doiField);
    const pmid = label(first(c.pmid));
    return {
      kind: 'Reference',
      span: nodeSpan(node, tokenSpan(c.Kw_reference[0])),
      name: label(first(c.label)),
      citation: string(first(c.string)),
      doi: doi && stringField(first(doi.children.Kw_doi), first(doi.children.string)),
      pmid: field(first(c.Kw_pmid), pmid, pmid),
    };
  }

  private statementDecl(node: C.StatementDeclCstNode): A.StatementDecl {
    const c = node.children;
    const open = first(c.LBrace);
    const close = first(c.RBrace);
    const text = lastOf(c.textField);
    const basis = lastOf(c.basisField);
    const strength = lastOf(c.strengthField);
    const certainty = lastOf(c.certaintyField);
    const agreement = lastOf(c.agreementField);
    const votes = lastOf(c.votesField);
    const endorsed = lastOf(c.endorsedStrongField);
    const cites = lastOf(c.citesField);
    const section = lastOf(c.sectionField);
    const rationale = lastOf(c.rationaleField);
    const status = lastOf(c.statusField);
    const statementKind = lastOf(c.kindField);
    const voters = lastOf(c.votersField);
    const votersValue = voters && this.voters(voters);
    const history = lastOf(c.historyField);
    const historyWord = history && fieldValueName(first(history.children.fieldValue));
    const historyNote = history && string(first(history.children.string));
    const repeated = repeatedFields([
      ['text', c.textField], ['basis', c.basisField], ['strength', c.strengthField], ['certainty', c.certaintyField],
      ['agreement', c.agreementField], ['votes', c.votesField], ['endorsed_strong', c.endorsedStrongField], ['cites', c.citesField],
      ['section', c.sectionField], ['rationale', c.rationaleField], ['status', c.statusField], ['kind', c.kindField],
      ['voters', c.votersField], ['history', c.historyField],
    ]);
    return {
      kind: 'Statement',
      span: nodeSpan(node, tokenSpan(c.Kw_statement[0])),
      name: name(first(c.Name)),
      title: string(first(c.string)),
      body: real(open) ? join(tokenSpan(open), real(close) ? tokenSpan(close) : tokenSpan(open)) : undefined,
      text: text && stringField(first(text.children.Kw_text), first(text.children.string)),
      basis: basis && valueField(first(basis.children.Kw_basis), first(basis.children.fieldValue)),
      strength: strength && valueField(first(strength.children.Kw_strength), first(strength.children.fieldValue)),
      certainty: certainty && valueField(first(certainty.children.Kw_certainty), first(certainty.children.fieldValue)),
      agreement: agreement && percentField(first(agreement.children.Kw_agreement), first(agreement.children.percentage)),
      votes: votes && listField(first(votes.children.Kw_votes), (votes.children.vote ?? []).flatMap((v) => this.vote(v))),
      endorsedStrong: endorsed && percentField(first(endorsed.children.Kw_endorsed_strong), first(endorsed.children.percentage)),
      cites: cites && listField(first(cites.children.Kw_cites), (cites.children.citeItem ?? []).flatMap((i) => this.citeItem(i))),
      section: section && stringField(first(section.children.Kw_section), first(section.children.string)),
      rationale: rationale && stringField(first(rationale.children.Kw_rationale), first(rationale.children.string)),
      status: status && valueField(first(status.children.Kw_status), first(status.children.fieldValue)),
      statementKind: statementKind && valueField(first(statementKind.children.Kw_kind), first(statementKind.children.fieldValue)),
      voters: voters && field(first(voters.children.Kw_voters), votersValue, votersValue),
      remarks: (c.remarkField ?? []).flatMap((r) => stringField(first(r.children.Kw_remark), first(r.children.string)) ?? []),
      ...(repeated ? { repeated } : {}),
      history: history && field(first(history.children.Kw_history), historyWord && { word: historyWord, note: historyNote }, historyWord && join(historyWord, (historyNote ?? historyWord))),
      rules: (c.ruleDecl ?? []).map((r) => this.ruleDecl(r)),
    };
  }

  private vote(node: C.VoteCstNode): A.Vote[] {
    const grade = name(first(node.children.Name));
    const count = numberLit(first(node.children.NumberLiteral));
    return grade && count ? [{ span: join(grade, count), grade, count }] : [];
  }

  private citeItem(node: C.CiteItemCstNode): A.CiteItem[] {
    const from = label(first(node.children.label));
    if (!from) return [];
    const to = label(first(node.children.to));
    return [{ span: to ? join(from, to) : from, from, to }];
  }

  private ruleDecl(node: C.RuleDeclCstNode): A.RuleDecl {
    const c = node.children;
    const when = first(c.impliesExpr);
    const then = first(c.action);
    const strength = lastOf(c.strengthField);
    const certainty = lastOf(c.certaintyField);
    const repeated = repeatedFields([['strength', c.strengthField], ['certainty', c.certaintyField]]);
    return {
      kind: 'Rule',
      span: nodeSpan(node, tokenSpan(c.Kw_rule[0])),
      name: name(first(c.Name)),
      strength: strength && valueField(first(strength.children.Kw_strength), first(strength.children.fieldValue)),
      certainty: certainty && valueField(first(certainty.children.Kw_certainty), first(certainty.children.fieldValue)),
      overrides: c.Kw_overrides && listField(first(c.Kw_overrides), names(c.overridden)),
      when: when && this.impliesExpr(when),
      then: then && this.action(then),
      ...(repeated ? { repeated } : {}),
    };
  }

  action(node: C.ActionCstNode): A.Action | undefined {
    const c = node.children;
    const verbToken = [first(c.Kw_recommend), first(c.Kw_suggest)].find(real);
    if (!verbToken) return undefined;
    const interventions = names(c.Name);
    const verbSpan = tokenSpan(verbToken);
    const against = first(c.Kw_against);
    const over = c.Kw_over ? names(c.over) : undefined;
    const timingNode = first(c.timing);
    const timing = timingNode && this.timing(timingNode);
    const lastName = [...interventions, ...(over ?? [])].reduce<A.Span | undefined>((s, n) => (s ? join(s, n) : n), undefined);
    const end = timing?.span ?? lastName ?? (real(against) ? tokenSpan(against) : verbSpan);
    return {
      span: join(verbSpan, end),
      verb: verbToken.image === 'recommend' ? 'recommend' : 'suggest',
      against: real(against),
      interventions,
      ...(over ? { over } : {}),
      ...(timing ? { timing } : {}),
    };
  }

  private timing(node: C.TimingCstNode): A.Timing | undefined {
    const c = node.children;
    const kwToken = [first(c.Kw_within), first(c.Kw_after), first(c.Kw_between)].find(real);
    if (!kwToken) return undefined;
    const keyword = tokenSpan(kwToken);
    const q = (n: C.QuantityCstNode[] | undefined): A.QuantityValue | undefined => (n && n[0] ? this.quantity(n[0]) : undefined);
    const kind = kwToken.image === 'within' ? 'within' : kwToken.image === 'after' ? 'after' : 'between';
    const low = kind === 'after' ? q(c.after) : kind === 'between' ? q(c.low) : undefined;
    const high = kind === 'within' ? q(c.within) : kind === 'between' ? q(c.high) : undefined;
    const end = high ?? low ?? keyword;
    return { span: join(keyword, end), kind, keyword, ...(low ? { low } : {}), ...(high ? { high } : {}) };
  }

  impliesExpr(node: C.ImpliesExprCstNode): A.Expr | undefined {
    const operands: A.Expr[] = [];
    for (const n of node.children.orExpr ?? []) {
      const e = this.orExpr(n);
      if (e) operands.push(e);
    }
    if (operands.length <= 1) return operands[0];
    return { kind: 'Implies', span: join(operands[0].span, operands[operands.length - 1].span), operands };
  }

  orExpr(node: C.OrExprCstNode): A.Expr | undefined {
    this.noteSymbolic(node.children.SymbolicOr);
    const operands: A.Expr[] = [];
    for (const n of node.children.andExpr ?? []) {
      const e = this.andExpr(n);
      if (e) operands.push(e);
    }
    return combine('Or', operands);
  }

  private andExpr(node: C.AndExprCstNode): A.Expr | undefined {
    this.noteSymbolic(node.children.SymbolicAnd);
    const operands: A.Expr[] = [];
    for (const n of node.children.notExpr ?? []) {
      const e = this.notExpr(n);
      if (e) operands.push(e);
    }
    return combine('And', operands);
  }

  private noteSymbolic(tokens: Child<IToken>): void {
    if (tokens) for (const tok of tokens) if (real(tok)) this.symbolic.push(tok);
  }

  private notExpr(node: C.NotExprCstNode): A.Expr | undefined {
    const c = node.children;
    const paren = first(c.parenExpr);
    const inner = paren
      ? (first(paren.children.impliesExpr) && this.impliesExpr(first(paren.children.impliesExpr)!))
      : first(c.condition) && this.condition(first(c.condition)!);
    if (!inner) return undefined;
    // `(a)` keeps the parentheses in its span, so ranges cover what the user wrote.
    let expr: A.Expr = paren ? { ...inner, span: nodeSpan(paren, inner.span) } : inner;
    if (!c.Kw_not && !c.SymbolicNot) return expr;
    this.noteSymbolic(c.SymbolicNot);
    const nots = [...(c.Kw_not ?? []), ...(c.SymbolicNot ?? [])].filter(real).sort((a, b) => a.startOffset - b.startOffset);
    for (let i = nots.length - 1; i >= 0; i--) {
      expr = { kind: 'Not', span: join(tokenSpan(nots[i]), expr.span), operand: expr };
    }
    return expr;
  }

  private condition(node: C.ConditionCstNode): A.Expr | undefined {
    const c = node.children;
    const attribute = name(first(c.Name));
    if (!attribute) return undefined;
    const span = nodeSpan(node, attribute);
    const opNode = first(c.compareOp);
    if (opNode) {
      const o = opNode.children;
      const opToken = [first(o.Equals), first(o.NotEquals), first(o.LessEq), first(o.GreaterEq), first(o.Less), first(o.Greater)].find(real);
      const value = this.value(first(c.value));
      if (!opToken || !value) return undefined;
      return { kind: 'Compare', span, attribute, op: compareOp(opToken.image), value };
    }
    if (c.Kw_in) {
      const open = first(c.LBrace);
      const close = first(c.RBrace);
      const values = (c.members ?? []).map((v) => this.value(v)).filter((v): v is A.Value => !!v);
      const setStart = real(open) ? tokenSpan(open) : span;
      const setSpan = real(close) ? join(setStart, tokenSpan(close)) : setStart;
      return { kind: 'In', span, attribute, values, setSpan };
    }
    if (c.Kw_between) {
      const low = this.value(first(c.low));
      const high = this.value(first(c.high));
      if (!low || !high) return undefined;
      return { kind: 'Between', span, attribute, low, high };
    }
    return { kind: 'Flag', span: attribute, attribute };
  }

  value(node: C.ValueCstNode | undefined): A.Value | undefined {
    if (!node) return undefined;
    const c = node.children;
    const t = first(c.Kw_true) ?? first(c.Kw_false);
    if (real(t)) return { kind: 'Bool', value: t.image === 'true', ...tokenSpan(t) };
    const q = first(c.quantity);
    if (q) return this.quantity(q);
    const n = name(first(c.Name));
    return n && { kind: 'Symbol', text: n.text, start: n.start, end: n.end };
  }

  private quantity(node: C.QuantityCstNode): A.QuantityValue | undefined {
    const c = node.children;
    const number = numberLit(first(c.NumberLiteral));
    if (!number) return undefined;
    const minus = first(c.Minus);
    const pct = first(c.PercentSign);
    const unitString = string(first(c.string));
    const unit: A.Name | undefined = real(pct)
      ? nameOf('%', tokenSpan(pct))
      : unitString
        ? nameOf(unitString.value, unitString)
        : name(first(c.Identifier));
    const start = real(minus) ? tokenSpan(minus) : number;
    const span = join(start, unit ? unit : number);
    return {
      kind: 'Quantity',
      start: span.start,
      end: span.end,
      number,
      negative: real(minus),
      unit,
    };
  }

  private caseDecl(node: C.CaseDeclCstNode): A.CaseDecl {
    const c = node.children;
    const given = (c.givenField ?? []).flatMap((g) => (g.children.assignment ?? []).flatMap((a) => this.assignment(a)));
    const expects = (c.expectField ?? []).flatMap((e) => this.expectation(e));
    return {
      kind: 'Case',
      span: nodeSpan(node, tokenSpan(c.Kw_case[0])),
      title: string(first(c.string)),
      given,
      expects,
    };
  }

  private assignment(node: C.AssignmentCstNode): A.Assignment[] {
    const attribute = name(first(node.children.Name));
    const value = this.value(first(node.children.value));
    return attribute && value ? [{ span: join(attribute, value), attribute, value }] : [];
  }

  private expectation(node: C.ExpectFieldCstNode): A.Expectation[] {
    const c = node.children;
    const kw = tokenSpan(c.Kw_expect[0]);
    const nothing = first(c.Kw_nothing);
    if (real(nothing)) return [{ span: join(kw, tokenSpan(nothing)), nothing: true, only: false, negated: false }];
    const action = first(c.action) && this.action(first(c.action)!);
    if (!action) return [];
    return [{ span: join(kw, action.span), nothing: false, only: real(first(c.Kw_only)), negated: real(first(c.Kw_not)), action }];
  }

  private decisionDecl(node: C.DecisionDeclCstNode): A.DecisionDecl {
    const c = node.children;
    const where = first(c.where);
    return {
      kind: 'Decision',
      span: nodeSpan(node, tokenSpan(c.Kw_decision[0])),
      name: name(first(c.Name)),
      title: string(first(c.string)),
      ask: names(c.asked),
      where: where && this.impliesExpr(where),
      from: c.Kw_from && listField(first(c.Kw_from), names(c.from)),
    };
  }
}

/** `≤ ≥ ≠` are written as their ASCII forms in the tree. */
export function compareOp(image: string): A.CompareOp {
  switch (image) {
    case '≤': return '<=';
    case '≥': return '>=';
    case '≠': return '!=';
    default: return image as A.CompareOp;
  }
}

function combine(kind: 'And' | 'Or', operands: A.Expr[]): A.Expr | undefined {
  if (operands.length <= 1) return operands[0];
  return { kind, span: join(operands[0].span, operands[operands.length - 1].span), operands };
}
