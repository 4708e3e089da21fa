// Syntax errors in rules and expectations: `when`, `then`, the verb and its interventions.
import { nearestWord } from './near-words.js';
import {
  at, endOf, type Explainer, indentOf, insertFix, is, isEnd, isIdentifier, isName, isWord, onLaterLine, quote,
  replaceFix, type Situation, spanning, spanOf,
} from './syntax-situation.js';
import { verbs } from './syntax-vocabulary.js';
import { comparisonKinds } from './syntax-explain-values.js';

const verbWords = ['recommend', 'suggest'];

/** `then` or `expect` (with `only`, `not`) before the verb being parsed, for quoting. */
function phraseStart(s: Situation, from: number): number {
  let i = from;
  while (i > 0 && isWord(s.tokens[i], 'recommend', 'suggest', 'against', 'only', 'not')) i--;
  return isWord(s.tokens[i], 'then', 'expect') ? i : from;
}

/** `then recommend` with no intervention after it. */
export const missingIntervention: Explainer = (s) => {
  if (s.rule !== 'action') return undefined;
  const prev = at(s, -1);
  if (!prev || !isWord(prev, 'recommend', 'suggest', 'against')) return undefined;
  if (isName(s.found) && !onLaterLine(s, prev, s.found)) return undefined;
  const start = s.tokens[phraseStart(s, s.index - 1)];
  const span = spanning(start, prev);
  const written = s.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  return { message: `\`${written}\` needs an intervention: \`${written} <intervention>\``, span };
};

/** The verb after `then` or `expect`: missing, misspelt, or `against` alone. */
export const missingVerb: Explainer = (s) => {
  const inAction = s.rule === 'action' || s.rule === 'expectField';
  if (!inAction || s.exception !== 'NoViableAltException') return undefined;
  const prev = at(s, -1);
  if (!prev) return undefined;
  const f = s.found;
  const opener = isWord(prev, 'then') ? 'then' : 'expect';
  if (!isEnd(f) && !onLaterLine(s, prev, f)) {
    if (isWord(f, 'against')) return { message: `Write the verb before \`against\`: \`${opener} recommend against …\` or \`${opener} suggest against …\``, span: spanOf(f) };
    if (isName(f)) {
      const near = nearestWord(f.image, verbWords);
      if (near) return { message: `Write \`${near}\`, not \`${f.image}\``, span: spanOf(f), fix: replaceFix(`Change to \`${near}\``, spanOf(f), near) };
      if (opener === 'expect' && nearestWord(f.image, ['nothing', 'only'])) {
        const word = nearestWord(f.image, ['nothing', 'only'])!;
        return { message: `Write \`${word}\`, not \`${f.image}\``, span: spanOf(f), fix: replaceFix(`Change to \`${word}\``, spanOf(f), word) };
      }
      return { message: `Write the verb before \`${f.image}\`: \`${opener} recommend ${f.image}\` or \`${opener} suggest ${f.image}\``, span: spanOf(f) };
    }
  }
  if (opener === 'expect') return { message: '`expect` needs what the case expects: `expect recommend <intervention>`, or `expect nothing`', span: spanOf(prev) };
  return { message: '`then` needs a recommendation: `then recommend <intervention>` or `then suggest <intervention>`', span: spanOf(prev) };
};

/** A rule with no `then` after its condition. */
export const missingThen: Explainer = (s) => {
  if (s.rule !== 'ruleDecl' || s.expected !== "'then'") return undefined;
  const prev = at(s, -1)!;
  const f = s.found;
  const sameLine = !isEnd(f) && !onLaterLine(s, prev, f);
  // `age <` at the end of a line, and the next line's first word read as its value.
  const op = at(s, -2);
  if (op && is(op, ...comparisonKinds) && onLaterLine(s, op, prev)) {
    const attribute = at(s, -3);
    const written = attribute && isName(attribute) ? `${attribute.image} ${op.image}` : op.image;
    return { message: `\`${written}\` needs a value after it: an enum member, \`true\`, \`false\` or a number with its unit`, span: spanOf(op) };
  }
  if (isWord(f, ...verbs)) {
    // Certain only where a recommendation follows whole (`recommend [against] x`): else the
    // added `then` brings the verb's own error into view.
    const what = isWord(at(s, 1), 'against') ? at(s, 2) : at(s, 1);
    const whole = what !== undefined && isName(what) && !onLaterLine(s, f, what);
    return { message: `Write \`then\` before \`${f.image}\``, span: spanOf(f), fix: whole ? insertFix('Add `then`', f.startOffset, 'then ') : undefined };
  }
  if (sameLine && isWord(f, 'not') && isWord(at(s, 1), 'in', 'between') && isName(prev)) {
    const span = spanning(prev, f);
    return { message: `Write \`not\` before the condition: \`not ${prev.image} ${at(s, 1)!.image} …\``, span, fix: replaceFix(`Change to \`not ${prev.image}\``, span, `not ${prev.image}`) };
  }
  if (sameLine && isIdentifier(f) && f.image === 'is' && isName(prev)) {
    const negated = isWord(at(s, 1), 'not');
    const right = negated ? '!=' : '=';
    const span = negated ? spanning(f, at(s, 1)!) : spanOf(f);
    return { message: `Compare with \`${right}\`: \`${prev.image} ${right} …\``, span, fix: replaceFix(`Change to \`${right}\``, span, right) };
  }
  if (sameLine && is(f, 'RParen')) return { message: 'This `)` has no `(` to close', span: spanOf(f) };
  // An empty set whose `}` is the statement's: `when stage in {` then the statement's `}`.
  if (is(prev, 'RBrace') && is(at(s, -2), 'LBrace') && isWord(at(s, -3), 'in') && onLaterLine(s, at(s, -2), prev)) {
    return { message: 'This set is not closed: add its members and `}`', span: spanOf(at(s, -2)!) };
  }
  if (sameLine && (isName(f) || is(f, 'NumberLiteral', 'StringLiteral'))) {
    if (is(f, 'NumberLiteral') && isName(prev)) return { message: `Compare \`${prev.image}\` with \`=\`, \`!=\`, \`<\`, \`<=\`, \`>\` or \`>=\`: \`${prev.image} >= ${f.image}\``, span: spanOf(f) };
    return { message: `After the condition write \`and\`, \`or\` or \`then\`, not ${quote(f.image)}`, span: spanOf(f) };
  }
  return { message: 'The rule needs `then` and a recommendation after its condition: `then recommend <intervention>`', span: spanOf(prev) };
};

const whenSlips = ['if', 'If', 'IF', 'where', 'whenever', 'While', 'while'];

/** A rule with no `when` after its name. */
export const missingWhen: Explainer = (s) => {
  if (s.rule !== 'ruleDecl' || s.expected !== "'when'") return undefined;
  const prev = at(s, -1)!;
  const f = s.found;
  if (isName(f) && !onLaterLine(s, prev, f) && (whenSlips.includes(f.image) || nearestWord(f.image, ['when']))) {
    return { message: `Write \`when\`, not \`${f.image}\``, span: spanOf(f), fix: replaceFix('Change to `when`', spanOf(f), 'when') };
  }
  if (isIdentifier(f) && !onLaterLine(s, prev, f)) {
    const near = nearestWord(f.image, ['overrides', 'strength', 'certainty']);
    if (near) return { message: `Write \`${near}\`, not \`${f.image}\``, span: spanOf(f), fix: replaceFix(`Change to \`${near}\``, spanOf(f), near) };
  }
  if (isWord(f, 'then')) return { message: 'The rule needs a condition before `then`: `when <condition> then …`', span: spanOf(f) };
  const rule = s.tokens[s.index - 1];
  return { message: `\`rule ${isName(rule) ? rule.image : ''}\` needs a condition and a recommendation: \`when <condition> then recommend <intervention>\``.replace('`rule `', '`rule`'), span: spanOf(prev) };
};

/** `expect only recommend a, suggest b`: a second verb inside one list of interventions. */
export const secondVerb: Explainer = (s) => {
  if (!(s.rule === 'caseDecl' || s.rule === 'statementDecl') || s.expected !== "'}'") return undefined;
  let verb = s.index - 1;
  if (isWord(s.tokens[verb], 'against')) verb--;
  const comma = s.tokens[verb - 1];
  if (!isWord(s.tokens[verb], 'recommend', 'suggest') || !is(comma, 'Comma') || !isName(s.found) || onLaterLine(s, s.tokens[verb], s.found)) return undefined;
  const phrase = spanning(s.tokens[verb], s.found);
  const written = s.text.slice(phrase.start, phrase.end);
  if (s.rule === 'statementDecl') return { message: `A rule has one verb: \`${written}\` needs a rule of its own`, span: phrase };
  const start = s.tokens[phraseStart(s, verb - 2)];
  const indent = indentOf(s.text, start.startOffset);
  return {
    message: `One verb per \`expect\`: write \`expect ${written}\` on a line of its own`,
    span: phrase,
    fix: replaceFix(`Move \`${written}\` to its own \`expect\``, { start: comma.startOffset, end: s.tokens[verb].startOffset }, `\n${indent}expect `),
  };
};

/** `case "c" { expect }`-like endings: `expect` with nothing after it. */
export const emptyExpect: Explainer = (s) => {
  if (s.rule !== 'expectField') return undefined;
  const prev = at(s, -1);
  if (!prev || !isWord(prev, 'only', 'not')) return undefined;
  if (!isEnd(s.found) && !onLaterLine(s, prev, s.found) && isName(s.found)) return undefined;
  return { message: `\`expect ${prev.image}\` needs a verb and interventions: \`expect ${prev.image} recommend <intervention>\``, span: spanOf(prev) };
};

