// Syntax errors in the shape of a file: declarations and blocks, their fields, names and
// comma-separated lists. Each explainer recognises one common mistake from the parser's
// situation and says, in the committee's words, what to write instead.
import type { IToken } from 'chevrotain';
import { reservedKeywords } from './lexer.js';
import { nearestWord } from './near-words.js';
import {
  at, deleteFix, endOf, type Explained, type Explainer, indentOf, insertFix, is, isEnd, isIdentifier, isName, isWord, missingAfter,
  onLaterLine, quote, replaceFix, type Situation, spanning, spanOf,
} from './syntax-situation.js';
import { blockNames, blockWords, declarationWords, fieldExamples, joinedWords, statementFieldWords } from './syntax-vocabulary.js';

/** The unmatched opening token before the found one (`{` of an unclosed block). */
export function unmatchedOpen(s: Situation, open: string, close: string): IToken | undefined {
  let depth = 0;
  // Far enough for any block a committee writes; a bound keeps garbage cheap.
  for (let i = s.index - 1; i >= Math.max(0, s.index - 20_000); i--) {
    const k = s.tokens[i].tokenType.name;
    if (k === close) depth++;
    else if (k === open) {
      if (depth === 0) return s.tokens[i];
      depth--;
    }
  }
  return undefined;
}

/** `statement S1` for the `{` of statement S1: the block's keyword and the name after it. */
function blockLabel(s: Situation, brace: IToken | undefined): string {
  const word = blockNames[s.rule] ?? 'block';
  if (!brace) return `\`${word}\``;
  const i = s.tokens.indexOf(brace);
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    if (isWord(s.tokens[j], word)) {
      const name = s.tokens[j + 1];
      return name !== brace && (isName(name) || is(name, 'StringLiteral')) ? `\`${word} ${name.image}\`` : `\`${word}\``;
    }
  }
  return `\`${word}\``;
}

const startsLine = (s: Situation, token: IToken): boolean => onLaterLine(s, s.tokens[s.tokens.indexOf(token) - 1], token);

/** `very low` for `very_low`: two words that are one with an underscore. */
export const splitWord: Explainer = (s) => {
  const prev = at(s, -1);
  if (!prev || isEnd(s.found) || !isName(prev) || !isName(s.found) || s.text.slice(endOf(prev), s.found.startOffset).trim() !== '') return undefined;
  const joined = `${prev.image}_${s.found.image}`;
  if (!(joinedWords as readonly string[]).includes(joined)) return undefined;
  const span = spanning(prev, s.found);
  return { message: `Write \`${joined}\`, one word with an underscore`, span, fix: replaceFix(`Change to \`${joined}\``, span, joined) };
};

/** The word that starts a comma-separated list the found token continues, and which list. */
function listBefore(s: Situation): { intro: IToken; what: string; example: string } | undefined {
  for (let i = s.index - 1; i >= Math.max(0, s.index - 200); i--) {
    const tok = s.tokens[i];
    const k = tok.tokenType.name;
    const lists: Record<string, [string, string]> = {
      Kw_agree: ['grades', 'A, B'],
      Kw_ask: ['attributes', 'stage, age'],
      Kw_from: ['statements', 'S1, S2'],
      Kw_cites: ['references', '12, 14'],
      Kw_votes: ['votes', 'A 12, B 5'],
      Kw_recommend: ['interventions', 'x, y'],
      Kw_suggest: ['interventions', 'x, y'],
      Kw_against: ['interventions', 'x, y'],
      Kw_over: ['interventions', 'x, y'],
      Kw_overrides: ['rules', 'r1, r2'],
    };
    if (lists[k]) return { intro: tok, what: lists[k][0], example: lists[k][1] };
    if (k === 'LBrace') return s.rule === 'enumDecl' ? { intro: tok, what: 'members', example: 'a, b' } : s.rule === 'condition' ? { intro: tok, what: "set's members", example: 'a, b' } : undefined;
    if (!(k === 'Comma' || k === 'NumberLiteral' || k === 'Minus' || k === 'PercentSign' || isName(tok))) return undefined;
    if (onLaterLine(s, tok, s.tokens[i + 1])) return undefined;
  }
  return undefined;
}

/** A `given` earlier on the found token's line. */
function givenOnLine(s: Situation): boolean {
  for (let i = s.index - 1; i >= 0 && !onLaterLine(s, s.tokens[i], s.tokens[i + 1]); i--) if (isWord(s.tokens[i], 'given')) return true;
  return false;
}

/** `a b` in a list: a comma is missing; `x and y` in a list: a comma, not `and`. */
export const listComma: Explainer = (s) => {
  const prev = at(s, -1);
  if (!prev || isEnd(s.found) || onLaterLine(s, prev, s.found)) return undefined;
  if (!(isName(prev) || is(prev, 'NumberLiteral')) || is(s.found, 'Comma')) return undefined;
  // `then recommend x within hour`: the timing's number is missing, so `within` read as an intervention.
  if (isWord(prev, 'within', 'after') && isName(s.found)) {
    return { message: `\`${prev.image}\` needs a number before the unit: \`${prev.image} 1 ${s.found.image}\``, span: spanOf(s.found) };
  }
  // `given a = 1 b = 2`: the next assignment starts without a comma.
  if ((s.stack.includes('givenField') || (s.rule === 'caseDecl' && givenOnLine(s))) && isName(s.found) && is(at(s, 1), 'Equals')) {
    return { message: `Separate the values with commas: \`${prev.image}, ${s.found.image} = …\``, span: spanOf(s.found), fix: insertFix('Add `,`', endOf(prev), ',') };
  }
  const list = listBefore(s);
  if (!list) return undefined;
  if (isWord(s.found, 'and', 'or') && isName(at(s, 1))) {
    const span = { start: endOf(prev), end: endOf(s.found) };
    return { message: `Separate the ${list.what} with commas, not \`${s.found.image}\`: \`${list.example}\``, span: spanOf(s.found), fix: replaceFix('Change to `,`', span, ',') };
  }
  if (!(isName(s.found) || is(s.found, 'NumberLiteral'))) return undefined;
  // A list of votes is pairs: a comma goes after the count, not between grade and count.
  if (list.what === 'votes' && !is(prev, 'NumberLiteral')) return undefined;
  const pair = list.what === 'votes' && at(s, -2) && is(at(s, 1), 'NumberLiteral');
  const example = pair ? `${at(s, -2)!.image} ${prev.image}, ${s.found.image} ${at(s, 1)!.image}` : `${prev.image}, ${s.found.image}`;
  return { message: `Separate the ${list.what} with commas: \`${example}\``, span: spanOf(s.found), fix: insertFix('Add `,`', endOf(prev), ',') };
};

/** `a, }`: a comma that nothing follows. */
export const trailingComma: Explainer = (s) => {
  let comma = at(s, -1);
  // `given a = 1, expect nothing`: the comma made `expect` read as a name.
  if (s.rule === 'assignment' && isWord(at(s, -1), 'expect', 'given') && is(at(s, -2), 'Comma')) comma = at(s, -2);
  else if (!(isEnd(s.found) || is(s.found, 'RBrace', 'RParen') || !isName(s.found) || onLaterLine(s, comma, s.found))) return undefined;
  if (!comma || !is(comma, 'Comma')) return undefined;
  const before = s.tokens[s.tokens.indexOf(comma) - 1];
  if (is(s.found, 'Comma')) return repeatedComma(s, comma, before);
  const next = s.tokens[s.tokens.indexOf(comma) + 1];
  const why = next && isWord(next, 'expect', 'given', ...statementFieldWords) ? `\`${next.image}\` starts the next field` : 'nothing follows it in the list';
  // Certain where the list plainly ends after the comma; where something the list cannot
  // take follows on the same line (`72-76, 3` in a list of names), it would follow the item.
  const ends = comma !== at(s, -1) || isEnd(s.found) || is(s.found, 'RBrace', 'RParen') || onLaterLine(s, comma, s.found);
  return { message: `Remove the comma after ${before ? quote(before.image) : 'this'}: ${why}`, span: spanOf(comma), fix: ends ? deleteFix(s, 'Remove the comma', comma) : undefined };
};

/**
 * `a,, b` and `a,,`: commas in a row. Removing one would leave the same error, so the extra
 * ones go, and with nothing after them in the list, all of them.
 */
function repeatedComma(s: Situation, comma: IToken, before: IToken | undefined): Explained {
  let last = s.tokens.indexOf(s.found);
  while (is(s.tokens[last + 1], 'Comma')) last++;
  const end = endOf(s.tokens[last]);
  const after = s.tokens[last + 1];
  const what = before ? quote(before.image) : 'this';
  // The list goes on past the commas only where the item after them ends it or is followed by another.
  const next = s.tokens[last + 2];
  if (after && (isName(after) || is(after, 'NumberLiteral')) && !onLaterLine(s, s.tokens[last], after) && (!next || is(next, 'Comma', 'RBrace', 'RParen'))) {
    const extra = last - s.tokens.indexOf(s.found) > 0 ? 'extra commas' : 'extra comma';
    return { message: `Remove the ${extra} after ${what}: one comma separates the items of a list`, span: { start: s.found.startOffset, end }, fix: { title: `Remove the ${extra}`, edits: [{ span: { start: endOf(comma), end }, newText: '' }] } };
  }
  const message = `Remove the commas after ${what}: nothing follows them in the list`;
  // Before a closing bracket the list is certainly over; before anything else it may not be.
  if (!is(after, 'RBrace', 'RParen')) return { message, span: { start: comma.startOffset, end } };
  const whole = deleteFix(s, 'Remove the commas', comma).edits[0].span;
  return { message, span: { start: comma.startOffset, end }, fix: { title: 'Remove the commas', edits: [{ span: { start: whole.start, end }, newText: '' }] } };
}

/** `statement S { strenght strong }`: a misspelt or unknown field word in a block. */
export const unknownField: Explainer = (s) => {
  const words = blockWords[s.rule];
  if (!words || s.expected !== "'}'" || isEnd(s.found)) return undefined;
  const block = blockNames[s.rule];
  const f = s.found;
  if (s.rule === 'statementDecl' && isWord(f, 'when')) return { message: 'A rule starts with `rule` and its name: `rule r1 when …`', span: spanOf(f) };
  if (s.rule === 'statementDecl' && isWord(f, 'then')) return { message: '`then` comes after a rule\'s condition: `rule r1 when … then …`', span: spanOf(f) };
  if (s.rule === 'statementDecl' && isIdentifier(f) && f.image === 'else') return { message: 'There is no `else`: write a second rule with the opposite condition', span: spanOf(f) };
  if (s.rule === 'statementDecl' && isIdentifier(f) && f.image === 'if') return { message: 'A rule is written `rule r1 when <condition> then …`, not with `if`', span: spanOf(f) };
  if (s.rule === 'caseDecl') {
    if (isName(f) && is(at(s, 1), 'Equals')) return { message: `Write \`given\` before \`${f.image} =\`: \`given ${f.image} = …\``, span: spanOf(f), fix: insertFix('Add `given`', f.startOffset, 'given ') };
    if (isWord(f, 'recommend', 'suggest', 'nothing', 'only')) return { message: `Write \`expect\` before \`${f.image}\`: \`expect ${f.image} …\``, span: spanOf(f), fix: insertFix('Add `expect`', f.startOffset, 'expect ') };
  }
  if (!isName(f)) return undefined;
  const near = nearestWord(f.image, words);
  const span = spanOf(f);
  if (near) return { message: `\`${f.image}\` is not a ${block} field: did you mean \`${near}\`?`, span, fix: replaceFix(`Change to \`${near}\``, span, near) };
  const listed = words.map((w) => `\`${w}\``);
  return { message: `\`${f.image}\` is not a ${block} field: write ${listed.slice(0, -1).join(', ')} or ${listed[listed.length - 1]}`, span };
};

/** A block whose `}` never comes before the next declaration or the end of the file. */
export const unclosedBlock: Explainer = (s) => {
  if (s.expected !== "'}'" || !(s.rule in blockNames)) return undefined;
  const f = s.found;
  const parentWords = s.stack.slice(0, -1).flatMap((r) => blockWords[r] ?? []);
  const next = isEnd(f) ? undefined : f;
  if (next && !(startsLine(s, next) && (isWord(next, ...declarationWords) || isWord(next, ...parentWords) || is(next, 'RBrace')))) return undefined;
  const open = unmatchedOpen(s, 'LBrace', 'RBrace');
  const prev = at(s, -1)!;
  const indent = open ? indentOf(s.text, open.startOffset) : '';
  return {
    message: `${blockLabel(s, open)} is not closed: add \`}\` ${next ? `before \`${next.image}\`` : 'at the end'}`,
    span: open ? spanOf(open) : missingAfter(s),
    // An empty block may be a stray `{`: only a block with something in it is surely closed at its end.
    fix: is(prev, 'LBrace') ? undefined : insertFix('Add `}`', endOf(prev), `\n${indent}}`),
  };
};

/** A word where a declaration should start: a misspelt keyword, a stray `}`, a field outside its block. */
export const strayDeclaration: Explainer = (s) => {
  if (!(s.rule === 'file' && (s.expected === 'EOF' || s.exception === 'NotAllInputParsedException'))) return undefined;
  const f = s.found;
  if (isEnd(f)) return undefined;
  const span = spanOf(f);
  // Of `} }`, the second is hidden as the same mistake: removing the first would only show it.
  if (is(f, 'RBrace')) return { message: 'This `}` closes nothing: remove it', span, fix: is(at(s, 1), 'RBrace') ? undefined : deleteFix(s, 'Remove the `}`', f) };
  if (isWord(f, 'rule')) return { message: 'A rule belongs inside a statement: `statement S1 { rule … }`', span };
  if (isWord(f, ...statementFieldWords)) return { message: `\`${f.image}\` belongs inside a statement's \`{ … }\`: was the statement closed too early?`, span };
  if (isWord(f, 'given', 'expect')) return { message: `\`${f.image}\` belongs inside a case: \`case "…" { ${f.image} … }\``, span };
  if (isName(f)) {
    const near = nearestWord(f.image, declarationWords);
    if (near) return { message: `\`${f.image}\` is not a declaration: did you mean \`${near}\`?`, span, fix: replaceFix(`Change to \`${near}\``, span, near) };
  }
  return { message: `A declaration starts here (${declarationWords.map((w) => `\`${w}\``).join(', ')}), not ${quote(f.image)}`, span };
};

const nameExamples: Record<string, string> = {
  Kw_rule: 'r1', Kw_statement: 'S1', Kw_intervention: 'surgery', Kw_attribute: 'age', Kw_enum: 'Stage',
  Kw_decision: 'roadmap', Kw_guideline: 'my_guideline', Kw_grading: 'my_scheme',
};

/** A name that is missing, a number, a reserved word or quoted. */
export const missingName: Explainer = (s) => {
  if (s.expected !== 'Name') return undefined;
  const prev = at(s, -1);
  const f = s.found;
  if (s.rule === 'typeRef') {
    return { message: `${prev ? quote(prev.image === ':' ? `${at(s, -2)?.image ?? ''}:` : prev.image) : 'The attribute'} needs a type: boolean, number, percent, days, weeks, months, years or an enum`, span: missingAfter(s) };
  }
  const owner = prev && nameExamples[prev.tokenType.name] ? prev : undefined;
  const example = owner ? `, such as \`${nameExamples[owner.tokenType.name]}\`` : '';
  const ownerText = owner ? `\`${owner.image}\`` : 'This';
  if (!isEnd(f) && !onLaterLine(s, prev, f)) {
    if (is(f, 'NumberLiteral')) return { message: `${owner ? `\`${owner.image}\` needs a name` : 'A name'} that starts with a letter${example}: ${quote(f.image)} is a number`, span: spanOf(f) };
    if ((reservedKeywords as readonly string[]).includes(f.image)) return { message: `\`${f.image}\` is a reserved word and cannot be a name`, span: spanOf(f) };
    if (is(f, 'StringLiteral') && /^"[A-Za-z_][A-Za-z0-9_]*"$/.test(f.image) && owner) {
      const bare = f.image.slice(1, -1);
      return { message: `A name is written without quotes: \`${bare}\``, span: spanOf(f), fix: replaceFix(`Change to \`${bare}\``, spanOf(f), bare) };
    }
  }
  if (owner) return { message: `${ownerText} needs a name${example}`, span: spanOf(owner) };
  return undefined;
};

/** `strength: strong`, `votes A: 10`, `basis = evidence`: a `:` or `=` the language does not write. */
export const strayColon: Explainer = (s) => {
  const f = s.found;
  const prev = at(s, -1);
  const next = at(s, 1);
  if (!prev || !(is(f, 'Colon') || is(f, 'Equals'))) return undefined;
  // Only right after a field's keyword, a vote's grade or a rule's name, where nothing else fits.
  const afterField = prev.tokenType.name.startsWith('Kw_') && prev.tokenType.name.slice(3) in fieldExamples && s.stack.some((r) => r.endsWith('Field') || r === 'percentage' || r === 'string');
  const afterGrade = s.rule === 'vote' && is(f, 'Colon');
  const afterRuleName = s.rule === 'ruleDecl' && is(f, 'Colon') && isWord(at(s, -2), 'rule');
  if (!afterField && !afterGrade && !afterRuleName) return undefined;
  const example = next && !isEnd(next) && !onLaterLine(s, f, next) ? `: write \`${prev.image} ${next.image}\`` : '';
  return { message: `Remove the \`${f.image}\`${example}`, span: spanOf(f), fix: deleteFix(s, `Remove the \`${f.image}\``, f) };
};

/** `attribute age years`, `attribute age = years`: the `:` before the type. */
export const attributeColon: Explainer = (s) => {
  if (s.rule !== 'attributeDecl' || s.expected !== "':'") return undefined;
  const prev = at(s, -1)!;
  const f = s.found;
  if (is(f, 'Equals')) return { message: `Write \`:\` before the type, not \`=\`: \`${prev.image}: ${at(s, 1)?.image ?? 'years'}\``, span: spanOf(f), fix: replaceFix('Change to `:`', spanOf(f), ':') };
  if (isName(f) && !onLaterLine(s, prev, f)) {
    // Certain only when the line reads as a whole declaration once the `:` is in.
    const tail: string[] = [];
    for (let i = s.index + 1; i < s.tokens.length && !onLaterLine(s, s.tokens[i - 1], s.tokens[i]); i++) tail.push(s.tokens[i].tokenType.name);
    const whole = /^(Kw_unit StringLiteral ?)?(Kw_molar_mass NumberLiteral ?)?(StringLiteral)?$/.test(tail.join(' '));
    return { message: `Write \`:\` before the type: \`${prev.image}: ${f.image}\``, span: spanOf(f), fix: whole ? insertFix('Add `:`', endOf(prev), ':') : undefined };
  }
  return { message: `\`attribute ${prev.image}\` needs a type: \`attribute ${prev.image}: years\``, span: spanOf(prev) };
};

/** A field keyword with nothing after it (`basis` then `}`), or with a value of the wrong kind. */
export const missingFieldValue: Explainer = (s) => {
  const field = s.stack.length >= 2 ? s.stack[s.stack.length - 2] : undefined;
  const owner = at(s, -1);
  if (!owner || !owner.tokenType.name.startsWith('Kw_')) return undefined;
  const word = owner.tokenType.name.slice(3);
  const example = fieldExamples[word];
  if (!example) return undefined;
  const valueRule = s.rule === 'fieldValue' || s.rule === 'percentage' || s.rule === 'string' || s.rule === 'quantity' || s.rule === 'label' || (s.rule === 'vote' && field === 'votesField');
  const ownsValue = valueRule || s.expected === 'number' || s.expected === 'string' || s.exception === 'EarlyExitException';
  if (!ownsValue) return undefined;
  const f = s.found;
  if (isEnd(f) || onLaterLine(s, owner, f) || is(f, 'RBrace') || isWord(f, ...statementFieldWords)) {
    return { message: `\`${word}\` needs a value: \`${example}\``, span: spanOf(owner) };
  }
  return undefined;
};
