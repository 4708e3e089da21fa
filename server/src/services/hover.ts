// Hover: what a reviewer needs to read the evidence behind a name. A statement shows its
// GRADE grading, agreement, basis, text and full citations; a reference its citation.
// Keywords and the methodology's words are explained by keyword-hover.ts.
import type * as A from '../../../grammar/src/index.js';
import type { Analysis } from '../pipeline/analysis.js';
import { gradingContext, gradingOf, ruleGradingOf, type Grading } from '../model/grading.js';
import { citedLabels, occurrenceAt } from '../model/resolve.js';
import type { ReferenceSymbol, StatementSymbol, Sym } from '../model/symbols.js';
import { attributeType, describeType } from '../model/types.js';
import { certaintyLabel } from '../model/vocabulary.js';
import { wordHover } from './keyword-hover.js';
import { escapeMarkdown } from './markdown-text.js';
import { doiUrl } from './links.js';

export { escapeMarkdown };

export interface HoverResult {
  markdown: string;
  span: A.Span;
}

/** A name the committee declared shows what it is; otherwise a word of the language says what it means. */
export function hover(analysis: Analysis, offset: number): HoverResult | undefined {
  const occ = occurrenceAt(analysis.resolution, offset);
  if (!occ) return wordHover(analysis, offset);
  return { markdown: describeSymbol(analysis, occ.symbol), span: occ.span };
}

/** Markdown for a symbol; also used by completion item documentation. */
export function describeSymbol(analysis: Analysis, sym: Sym): string {
  switch (sym.kind) {
    case 'statement':
      return statementMarkdown(analysis, sym);
    case 'rule':
      return [`**rule** \`${sym.name}\` ${verbPhrase(sym.decl.then)}`, ...ruleGradingLines(analysis, sym.parent.decl, sym.decl), '', '---', '', statementMarkdown(analysis, sym.parent)].join('\n');
    case 'reference':
      return referenceMarkdown(sym);
    case 'attribute': {
      const type = attributeType(sym, analysis.symbols);
      const desc = sym.decl.description ? `\n\n${escapeMarkdown(sym.decl.description.value)}` : '';
      const members = type.kind === 'enum' ? `\n\nValues: ${memberList(type.enum.decl)}` : '';
      return `**attribute** \`${sym.name}\`: ${escapeMarkdown(describeType(type))}${desc}${members}`;
    }
    case 'enum': {
      const desc = sym.decl.description ? `\n\n${escapeMarkdown(sym.decl.description.value)}` : '';
      return `**enum** \`${sym.name}\`${desc}\n\nValues: ${memberList(sym.decl)}`;
    }
    case 'member': {
      const desc = sym.parent.decl.description ? ` (${escapeMarkdown(sym.parent.decl.description.value)})` : '';
      const own = memberDescription(sym.decl, sym.name);
      return `\`${sym.name}\`: member of enum \`${sym.parent.name}\`${desc}${own ? `\n\n${escapeMarkdown(own)}` : ''}`;
    }
    case 'intervention': {
      const desc = sym.decl.description ? `\n\n${escapeMarkdown(sym.decl.description.value)}` : '';
      return `**intervention** \`${sym.name}\`${desc}`;
    }
    case 'decision': {
      const title = sym.decl.title ? ` · ${escapeMarkdown(sym.decl.title.value)}` : '';
      const ask = sym.decl.ask.length ? `\n\nAsks, in order: ${sym.decl.ask.map((a) => `\`${a.text}\``).join(' → ')}` : '';
      return `**decision** \`${sym.name}\`${title}${ask}`;
    }
  }
}

/** "`CR` (Complete response), `PR`": each member with its own description where it has one. */
function memberList(decl: A.EnumDecl): string {
  return decl.members.map((m, i) => {
    const own = decl.memberDescriptions[i]?.value;
    return `\`${m.text}\`${own ? ` (${escapeMarkdown(own)})` : ''}`;
  }).join(', ');
}

function memberDescription(decl: A.EnumDecl, name: string): string | undefined {
  const i = decl.members.findIndex((m) => m.text === name);
  return i >= 0 ? decl.memberDescriptions[i]?.value : undefined;
}

function verbPhrase(action: A.Action | undefined): string {
  if (!action) return '';
  const names = (ns: readonly A.Name[]): string => ns.map((i) => `\`${i.text}\``).join(', ');
  const over = action.over && action.over.length > 0 ? ` over ${names(action.over)}` : '';
  const t = action.timing;
  const bound = (q: A.QuantityValue | undefined): string => (q ? escapeMarkdown(`${q.negative ? '-' : ''}${q.number.text}${q.unit ? ` ${q.unit.text}` : ''}`) : '');
  const timing = !t ? '' : t.kind === 'within' ? ` within ${bound(t.high)}` : t.kind === 'after' ? ` after ${bound(t.low)}` : ` between ${bound(t.low)} and ${bound(t.high)}`;
  return `→ ${action.verb}${action.against ? ' against' : ''} ${names(action.interventions)}${over}${timing}`;
}

/** A rule graded on its own says so above its statement's hover. */
function ruleGradingLines(analysis: Analysis, statement: A.StatementDecl, rule: A.RuleDecl): string[] {
  if (!rule.strength && !rule.certainty) return [];
  const ctx = gradingContext(analysis);
  const own = ruleGradingOf(gradingOf(statement, ctx), rule, ctx.scheme);
  return own.kind === 'recommendation' ? ['', `Own grading: ${gradingLine(own)}`] : [];
}

/**
 * "Strong recommendation · ⊕⊕◯◯ low certainty"; in another scheme, or with GRADE's `weak`,
 * the level as written beside GRADE's meaning: "IIa (GRADE: conditional recommendation)".
 */
/** `text` makes a level as written safe for where the line goes: Markdown for a hover, nothing for plain text. */
export function gradingLine(g: Grading, text: (s: string) => string = escapeMarkdown): string {
  if (g.kind === 'best_practice') return 'Best practice statement (ungraded)';
  if (g.kind === 'informational') return 'Informational statement (ungraded)';
  const meaning = g.strength && `${g.strength === 'strong' ? 'Strong' : 'Conditional'} recommendation`;
  const written = g.written.strength;
  const strength = !meaning ? 'Strength not given' : written && written !== g.strength ? `${text(written)} (GRADE: ${meaning.toLowerCase()})` : meaning;
  const level = g.written.certainty;
  const certainty = !g.certainty
    ? 'certainty not given'
    : level && level !== g.certainty ? `certainty ${text(level)} (GRADE: ${certaintyLabel(g.certainty)})` : `${certaintyLabel(g.certainty)} certainty`;
  return `${strength} · ${certainty}`;
}

export function agreementLine(g: Grading): string {
  const votes = g.votes ? ` (votes ${Object.entries(g.votes).map(([k, v]) => `${k} ${v}`).join(', ')})` : '';
  if (g.agreement === undefined) return `Agreement not given${votes}`;
  return `Agreement ${g.agreement}%${g.agreementFromVotes ? ' from the votes' : ''}${votes}`;
}

function statementMarkdown(analysis: Analysis, sym: StatementSymbol): string {
  const decl = sym.decl;
  const ctx = gradingContext(analysis);
  const g = gradingOf(decl, ctx);
  const title = decl.title ? ` · ${escapeMarkdown(decl.title.value)}` : '';
  const lines = [`**Statement ${sym.name}**${title}`, ''];
  lines.push(`${gradingLine(g)}  `);
  if (g.kind === 'recommendation' && !ctx.scheme.builtin) lines.push(`Graded in ${escapeMarkdown(ctx.scheme.title ?? ctx.scheme.name)}  `);
  if (g.agreement !== undefined || g.votes || ctx.panel.requiresAgreement) lines.push(`${agreementLine(g)}${decl.voters && g.voters !== undefined ? ` · ${g.voters} voters` : ''}  `);
  const basis = g.basis === 'expert_opinion' ? 'expert opinion' : g.basis;
  const basisLine = g.kind === 'recommendation' || basis ? [`Basis: ${basis ?? 'not given'}`] : [];
  const facts = [...basisLine, ...(g.status !== 'adopted' ? [`Status: ${g.status}`] : []), ...(g.endorsedStrong !== undefined ? [`Endorsed strong by ${g.endorsedStrong}%`] : [])];
  if (g.history) facts.push(`History: ${g.history.word}${g.history.note ? ` (${escapeMarkdown(g.history.note)})` : ''}`);
  if (facts.length) lines.push(facts.join(' · '));
  if (decl.section) lines.push('', `Section: ${escapeMarkdown(decl.section.value.value)}`);
  if (decl.text) lines.push('', ...decl.text.value.value.split('\n').map((l) => `> ${escapeMarkdown(l)}`));
  if (decl.rationale) lines.push('', `*Rationale:* ${escapeMarkdown(decl.rationale.value.value)}`);
  for (const remark of g.remarks) lines.push('', `*Remark:* ${escapeMarkdown(remark)}`);
  const refs = citedReferences(analysis, decl);
  if (refs.cited.length || refs.missing.length) {
    lines.push('', '**References**', '');
    for (const ref of refs.cited) lines.push(`- ${referenceLine(ref)}`);
    for (const label of refs.missing) lines.push(`- [${escapeMarkdown(label)}] *not declared*`);
  }
  return lines.join('\n');
}

function citedReferences(analysis: Analysis, decl: A.StatementDecl): { cited: ReferenceSymbol[]; missing: string[] } {
  const cited: ReferenceSymbol[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const item of decl.cites?.value ?? []) {
    for (const label of citedLabels(item)) {
      if (seen.has(label)) continue;
      seen.add(label);
      const ref = analysis.symbols.references.get(label);
      if (ref) cited.push(ref);
      else missing.push(label);
    }
  }
  return { cited, missing };
}

function referenceLine(ref: ReferenceSymbol): string {
  const d = ref.decl;
  const parts = [`[${escapeMarkdown(ref.name)}] ${d.citation ? escapeMarkdown(d.citation.value) : '*no citation text*'}`];
  const doi = d.doi?.value.value;
  // The slash between prefix and suffix stays as doi.org writes it; all else is encoded.
  if (doi) parts.push(`DOI: [${escapeMarkdown(doi)}](${doiUrl(doi)})`);
  const pmid = d.pmid?.value.text;
  if (pmid && /^\d+$/.test(pmid)) parts.push(`PubMed: [${pmid}](https://pubmed.ncbi.nlm.nih.gov/${pmid}/)`);
  return parts.join(' · ');
}

function referenceMarkdown(ref: ReferenceSymbol): string {
  return `**Reference ${escapeMarkdown(ref.name)}**\n\n${referenceLine(ref)}`;
}
