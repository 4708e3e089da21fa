// Syntax errors in values and conditions: percentages, comparisons, sets, ranges,
// parentheses and quoted text.
import type { IToken } from 'chevrotain';
import { unmatchedOpen } from './syntax-explain-structure.js';
import {
  at, deleteFix, endOf, type Explainer, insertFix, is, isEnd, isName, isWord, onLaterLine, quote,
  replaceFix, type Situation, spanning, spanOf,
} from './syntax-situation.js';

/** `agreement 85`: the `%` after a percentage. */
export const missingPercent: Explainer = (s) => {
  if (s.rule !== 'percentage' || s.expected !== "'%'") return undefined;
  const number = at(s, -1);
  if (!number || !is(number, 'NumberLiteral')) return undefined;
  const f = s.found;
  if (!isEnd(f) && !onLaterLine(s, number, f) && /^(percent|per_cent|pct|percents)$/i.test(f.image)) {
    const span = { start: endOf(number), end: endOf(f) };
    return { message: `Write \`%\`, not \`${f.image}\`: \`${number.image}%\``, span: spanOf(f), fix: replaceFix('Change to `%`', span, '%') };
  }
  const value = Number(number.image);
  if (number.image.includes('.') && value > 0 && value < 1) {
    // 0.85 is most likely 85%, but not certainly: no quick fix.
    return { message: `A percentage needs \`%\`: for a share of ${number.image}, write \`${+(value * 100).toFixed(6)}%\``, span: spanOf(number) };
  }
  // A number run into the next word (`80rule`) is only part of what was meant: a `%` between
  // them would leave the word where the percentage ends, no more certain than before.
  const glued = !isEnd(f) && f.startOffset === endOf(number);
  return { message: `A percentage needs \`%\`: \`${number.image}%\``, span: spanOf(number), fix: glued ? undefined : insertFix('Add `%`', endOf(number), '%') };
};

/** `85%%`: one `%` too many. */
export const doublePercent: Explainer = (s) => {
  const prev = at(s, -1);
  if (!is(s.found, 'PercentSign') || !is(prev, 'PercentSign')) return undefined;
  return { message: 'One `%` is enough', span: spanOf(s.found), fix: deleteFix(s, 'Remove the second `%`', s.found) };
};

/** Two-character operators from other languages, or mistyped: `==`, `<>`, `=>`, `=<`. */
const operatorSlips: Record<string, string> = { 'Equals Equals': '=', 'Less Greater': '!=', 'Equals Greater': '>=', 'Equals Less': '<=', 'NotEquals Equals': '!=', 'GreaterEq Equals': '>=', 'LessEq Equals': '<=' };

export const operatorSlip: Explainer = (s) => {
  const prev = at(s, -1);
  if (!prev || isEnd(s.found) || endOf(prev) !== s.found.startOffset) return undefined;
  const right = operatorSlips[`${prev.tokenType.name} ${s.found.tokenType.name}`];
  if (!right) return undefined;
  const span = spanning(prev, s.found);
  const written = s.text.slice(span.start, span.end);
  return { message: `Write \`${right}\`, not \`${written}\``, span, fix: replaceFix(`Change to \`${right}\``, span, right) };
};

export const comparisonKinds = ['Equals', 'NotEquals', 'Less', 'LessEq', 'Greater', 'GreaterEq'];

/** A comparison with no value after its operator, or a quoted enum member. */
export const missingValue: Explainer = (s) => {
  if (s.rule !== 'value' && s.rule !== 'quantity') return undefined;
  const prev = at(s, -1);
  if (!prev) return undefined;
  const f = s.found;
  if (is(f, 'StringLiteral') && /^"[A-Za-z_][A-Za-z0-9_]*"$/.test(f.image) && (is(prev, ...comparisonKinds) || is(prev, 'Comma', 'LBrace'))) {
    const bare = f.image.slice(1, -1);
    return { message: `An enum member is written without quotes: \`${bare}\``, span: spanOf(f), fix: replaceFix(`Change to \`${bare}\``, spanOf(f), bare) };
  }
  if (isWord(prev, 'within', 'after') && !isEnd(f) && !onLaterLine(s, prev, f) && isName(f)) {
    return { message: `\`${prev.image}\` needs a number before the unit: \`${prev.image} 1 ${f.image}\``, span: spanOf(f) };
  }
  const missing = isEnd(f) || onLaterLine(s, prev, f) || is(f, 'RBrace', 'RParen') || isWord(f, 'then', 'and', 'or', 'rule', 'implies', 'when');
  if (!missing) return undefined;
  if (is(prev, ...comparisonKinds)) {
    const attribute = at(s, -2);
    const written = attribute && isName(attribute) ? `${attribute.image} ${prev.image}` : prev.image;
    return { message: `\`${written}\` needs a value after it: an enum member, \`true\`, \`false\` or a number with its unit`, span: spanOf(prev) };
  }
  if (isWord(prev, 'between')) return { message: '`between` needs two values: `between 10% and 20%`', span: spanOf(prev) };
  if (isWord(prev, 'and') && s.stack.includes('condition')) return { message: '`between … and` needs a second value: `between 10% and 20%`', span: spanOf(prev) };
  if (isWord(prev, 'within', 'after')) return { message: `\`${prev.image}\` needs a duration: \`${prev.image} 1 hour\``, span: spanOf(prev) };
  return undefined;
};

/** `in (a, b)`, `in a, b`, an unclosed `in {`, `between 1 - 3`. */
export const setOrRange: Explainer = (s) => {
  if (s.rule !== 'condition') return undefined;
  const f = s.found;
  const prev = at(s, -1)!;
  if (s.expected === "'{'") {
    if (is(f, 'LParen')) {
      const close = matchingClose(s, f);
      const edits = [{ span: spanOf(f), newText: '{' }, ...(close ? [{ span: spanOf(close), newText: '}' }] : [])];
      return { message: 'A set is written in braces: `in { a, b }`', span: spanOf(f), fix: close ? { title: 'Change to `{ … }`', edits } : undefined };
    }
    return { message: '`in` takes a set in braces: `in { a, b }`', span: isEnd(f) || onLaterLine(s, prev, f) ? spanOf(prev) : spanOf(f) };
  }
  if (s.expected === "'}'") {
    const open = unmatchedOpen(s, 'LBrace', 'RBrace');
    if (isEnd(f) || onLaterLine(s, prev, f) || isWord(f, 'then', 'and', 'or', 'rule') || is(f, 'RParen')) {
      // With no member yet, what goes in the set is the writer's to say.
      if (is(prev, 'LBrace')) return { message: 'This set is not closed: add its members and `}`', span: spanOf(prev) };
      return { message: 'This set is not closed: add `}` after its last member', span: open ? spanOf(open) : spanOf(prev), fix: insertFix('Add `}`', endOf(prev), ' }') };
    }
    return undefined;
  }
  if (s.expected === "'and'") {
    if (!isEnd(f) && !onLaterLine(s, prev, f) && (is(f, 'Minus') || /^(to|\.\.)$/.test(f.image))) {
      return { message: `Write \`and\` between the two values, not \`${f.image}\`: \`between 1 and 3\``, span: spanOf(f), fix: replaceFix('Change to `and`', spanOf(f), 'and') };
    }
    return { message: '`between` takes two values joined by `and`: `between 1 and 3`', span: isEnd(f) || onLaterLine(s, prev, f) ? spanOf(prev) : spanOf(f) };
  }
  return undefined;
};

function matchingClose(s: Situation, open: IToken): IToken | undefined {
  let depth = 0;
  for (let i = s.tokens.indexOf(open); i < s.tokens.length; i++) {
    const k = s.tokens[i].tokenType.name;
    if (k === 'LParen') depth++;
    else if (k === 'RParen' && --depth === 0) return s.tokens[i];
    else if (k === 'LBrace' || k === 'RBrace') return undefined;
  }
  return undefined;
}

/** An unclosed `(`. */
export const unclosedParen: Explainer = (s) => {
  if (s.rule !== 'parenExpr' || s.expected !== "')'") return undefined;
  const open = unmatchedOpen(s, 'LParen', 'RParen');
  const prev = at(s, -1)!;
  const f = s.found;
  const certain = isEnd(f) || onLaterLine(s, prev, f) || isWord(f, 'then') || is(f, 'RBrace');
  if (!certain) return { message: `After a condition in parentheses write \`and\`, \`or\` or \`)\`, not ${quote(f.image)}`, span: spanOf(f) };
  return { message: 'This `(` is not closed: add `)` where the condition ends', span: open ? spanOf(open) : spanOf(prev), fix: insertFix('Add `)`', endOf(prev), ')') };
};

const conditionOpeners = ['Kw_when', 'Kw_and', 'Kw_or', 'Kw_not', 'Kw_implies', 'Kw_where', 'Kw_assume', 'LParen', 'SymbolicAnd', 'SymbolicOr', 'SymbolicNot'];

/** `when then`, `and then`, `or or`: a condition is missing. */
export const missingCondition: Explainer = (s) => {
  if (s.rule !== 'notExpr') return undefined;
  const prev = at(s, -1);
  if (!prev || !is(prev, ...conditionOpeners)) return undefined;
  const f = s.found;
  if (!isEnd(f) && f.tokenType === prev.tokenType && !onLaterLine(s, prev, f)) {
    return { message: `\`${f.image}\` is written twice`, span: spanOf(f), fix: deleteFix(s, `Remove the second \`${f.image}\``, f) };
  }
  if (!isEnd(f) && !onLaterLine(s, prev, f) && is(f, 'NumberLiteral', 'StringLiteral')) {
    return { message: `A condition starts with an attribute's name, not ${quote(f.image)}: \`age >= 65 years\``, span: spanOf(f) };
  }
  if (isWord(prev, 'when')) return { message: '`when` needs a condition: `when stage = IIa`', span: spanOf(prev) };
  if (is(prev, 'LParen')) return { message: '`(` needs a condition inside it', span: spanOf(prev) };
  return { message: `\`${prev.image}\` needs a condition after it`, span: spanOf(prev) };
};

const stringOwners: Record<string, string> = {
  Kw_text: 'the text', Kw_section: 'the section', Kw_rationale: 'the rationale', Kw_remark: 'the remark', Kw_title: 'the title',
  Kw_doi: 'the DOI', Kw_use: 'the file name', Kw_case: "the case's title", Kw_unit: 'the unit',
};

/** `text abc`, `use hcc.guideline`, `case c`: text the language writes in double quotes. */
export const unquotedText: Explainer = (s) => {
  if (s.rule !== 'string') return undefined;
  const owner = at(s, -1);
  if (!owner) return undefined;
  const what = stringOwners[owner.tokenType.name] ?? 'the text';
  const f = s.found;
  if (isEnd(f) || onLaterLine(s, owner, f) || is(f, 'RBrace', 'LBrace')) return { message: `\`${owner.image}\` needs ${what} in double quotes: \`${owner.image} "…"\``, span: spanOf(owner) };
  if (!isName(f) && !is(f, 'NumberLiteral')) return undefined;
  // One word, or a run of characters with no blank (a file name): quoting it is certain.
  const run = /^[^\s{}"]+/.exec(s.text.slice(f.startOffset))![0];
  const span = { start: f.startOffset, end: f.startOffset + run.length };
  // Not a `use` path: the file it names may not exist, which quoting would newly report.
  const rest = s.tokens.find((t) => t.startOffset >= span.end);
  const alone = !rest || onLaterLine(s, f, rest) || is(rest, 'RBrace', 'LBrace');
  const single = owner.tokenType.name !== 'Kw_use' && alone && (run.length === f.image.length || owner.tokenType.name === 'Kw_doi');
  return {
    message: `Put ${what} in double quotes: \`"${run.length > 30 ? run.slice(0, 30) + '…' : run}"\``,
    span,
    fix: single ? replaceFix('Add the quotes', span, `"${run}"`) : undefined,
  };
};

/** `strength "strong"`: a field's word written as a string. */
export const quotedWord: Explainer = (s) => {
  if (s.rule !== 'fieldValue' || !is(s.found, 'StringLiteral') || !/^"[A-Za-z_][A-Za-z0-9_]*"$/.test(s.found.image)) return undefined;
  const bare = s.found.image.slice(1, -1);
  return { message: `Write \`${bare}\` without quotes`, span: spanOf(s.found), fix: replaceFix(`Change to \`${bare}\``, spanOf(s.found), bare) };
};

