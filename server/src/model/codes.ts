import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// Every diagnostic code, with the one line that explains it. Codes are stable: quick
// fixes, settings and docs/diagnostics.md key on them. A test keeps this list, the docs
// and the codes the checks actually report in step.
export const diagnosticCodes = {
  // Syntax
  'syntax': 'The text does not follow the grammar here.',
  'unknown-character': 'A character that is not part of the language.',
  'symbolic-operator': '`&&`, `||` or `!` in a condition: the language writes `and`, `or` and `not` (a quick fix replaces it).',
  'unterminated-string': 'A string or text block is not closed.',
  'unterminated-comment': 'A block comment is not closed.',
  'number-too-large': 'A number too large for any computation (more than about 1.8e308).',
  'nesting-too-deep': 'Parentheses nested deeper than the parser accepts.',
  'too-many-errors': 'So many syntax errors that the rest are not listed (past 1,000, the rest of the file is not read).',
  'document-too-large': 'A file over the size that is analysed (1 Mi characters): it is not checked.',
  // Names and files
  'unresolved-name': 'A name that no declaration in this file or its `use`d files defines.',
  'unresolved-member': 'A value that is not a member of the attribute\'s enum.',
  'unresolved-reference': 'A citation of a reference label that no `reference` declares.',
  'unknown-type': 'An attribute type that is neither built in nor a declared enum.',
  'duplicate-name': 'Two declarations with the same name.',
  'repeated-field': 'A field written twice in one statement or rule: only the last counts.',
  'duplicate-member': 'An enum lists the same member twice.',
  'missing-file': 'A `use` of a file that does not exist.',
  'use-refused': 'A `use` of a file outside the workspace folder (or, with none, outside the using file\'s folder), of something that is not a regular file, or of a file over the size limit: it is not read.',
  'use-cycle': 'Files that `use` each other in a cycle.',
  'invalid-value': 'A field value outside the words the language allows (for example a misspelt strength).',
  'placeholder': 'A `TODO` a quick fix left where only the committee knows the value (a basis, a type); a warning until it is filled in.',
  'internal-error': 'A check failed on this file; the other checks still ran. Please report it.',
  // Types and units
  'type-mismatch': 'A value of the wrong kind for its attribute: a number for an enum, a name for a duration, and so on.',
  'unit-mismatch': 'A quantity whose unit cannot be converted to the attribute\'s unit.',
  'unknown-unit': 'A unit that UCUM does not know (common spellings such as mmHg, mcg and IU/mL are accepted); the nearest known ones are suggested.',
  'invalid-molar-mass': 'A `molar_mass` that is not a positive number, or on an attribute that is not a number with a unit.',
  'quantity-out-of-range': 'A quantity too large to compare once converted to the attribute\'s unit.',
  'percent-out-of-range': 'A percentage below 0% or above 100%.',
  'not-a-condition': 'An attribute that is not a boolean used on its own as a condition.',
  'invalid-operator': 'An ordering (`<`, `between`, ...) on an enum or boolean, whose values have no order.',
  'between-order': 'A `between` whose lower bound is above its upper bound.',
  // Methodology (GRADE and Delphi)
  'missing-field': 'A statement without basis, strength, certainty or agreement.',
  'below-consensus': 'An adopted statement whose agreement is below the panel\'s consensus threshold.',
  'votes-total': 'Votes that do not add up to the panel\'s voters.',
  'agreement-votes-mismatch': 'A stated agreement that differs from the one its votes give.',
  'unattainable-percentage': 'A percentage no whole number of the panel\'s voters can give at the precision written.',
  'strong-not-endorsed': 'A strong statement endorsed as strong by fewer panelists than the panel\'s threshold.',
  'verb-strength-mismatch': 'A rule verb that does not match its statement\'s strength (`recommend` is strong, `suggest` conditional).',
  'discordant-without-rationale': 'A strong recommendation on low or very low certainty without a `rationale`.',
  'invalid-doi': 'A DOI that does not have the shape of one (10.NNNN/suffix).',
  'invalid-pmid': 'A PMID that is not a PubMed id (a whole number).',
  'invalid-voters': 'A `voters` count that is not a whole number from 1 up: zero, negative, fractional or too large to count exactly.',
  'grading-not-allowed': 'A strength, certainty or strong endorsement on a best practice or informational statement, which is ungraded.',
  'informational-rule': 'A rule under an informational statement: an informational statement recommends nothing.',
  'grading-empty': 'A grading scheme that lists no strength levels or no certainty levels.',
  'grading-unmapped-level': 'A level of a grading scheme without the GRADE word it means.',
  'grading-invalid-grade': 'A level of a grading scheme mapped to a word that is not one of GRADE\'s.',
  'grading-duplicate-level': 'A grading scheme that lists the same level twice.',
  'grading-ambiguous-level': 'A scheme level spelled as one GRADE word but mapped to another (`certainty low moderate`).',
  'grading-not-selected': 'A declared grading scheme that the guideline header does not select, so statements are graded in another.',
  'unused-reference': 'A declared reference that no statement cites.',
  'unused-declaration': 'An attribute, intervention or enum that nothing uses.',
  // Consistency of the rules (adopted statements only) and cases
  'rule-never-fires': 'A rule whose condition no patient can meet.',
  'rule-conflict': 'Two rules recommend for and against the same intervention for some of the same patients, and no `overrides` settles it (an error by default: setting `guideline.conflictSeverity`).',
  'override-self': 'A rule that names itself in `overrides`.',
  'override-cycle': 'Rules whose `overrides` form a cycle, so none of them takes precedence.',
  'override-never-applies': 'An `overrides` between rules that no patient meets both of, or that share no intervention: it never changes anything.',
  'timing-conflict': 'Two rules give the same intervention for some of the same patients with time windows that cannot both hold.',
  'timing-on-against': 'A timing (`within`, `after`, `between`) on a recommendation against.',
  'invalid-timing': 'A timing that is not a duration, is negative, or ends before it starts.',
  'rule-redundant': 'Another rule already gives every recommendation of this rule to every patient it covers.',
  'decision-gap': 'A patient in a decision\'s population for whom no rule of the decision recommends anything.',
  'decision-empty': 'A decision whose `where` no patient can meet: its tree is empty.',
  'decision-too-large': 'A decision tree past the size limit: the regions beyond it are not checked for gaps.',
  'decisions-not-checked': "Decisions past the file's total limit for gap checks: they are not checked for gaps.",
  'consistency-incomplete': 'So many rules overlap that the conflict and redundancy checks stopped early; some findings may be missing.',
  'empty-set': 'An `in { }` with no values: it holds for no patient.',
  'condition-too-complex': 'A condition with too many alternatives to analyse: the consistency checks leave its rule out.',
  'attribute-not-analysed': 'A condition on an enum with more members than the consistency checks model (31): its rule is left out.',
  'assumptions-unsatisfiable': 'The `assume`s together admit no patient.',
  'assumption-not-analysed': 'An `assume` too complex to analyse (alone or with the others): the consistency checks do without it.',
  'case-violates-assumption': 'A case whose `given` contradicts an `assume`: a patient who cannot exist.',
  'case-failed': 'A case whose expectation the rules do not meet.',
  'case-undetermined': 'A case that does not give an attribute that a rule it depends on tests, so the rule may or may not fire.',
} as const satisfies Record<string, string>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/** The explanations ship with the extension, so the link works offline: docs/diagnostics.md. */
function findDocs(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'docs', 'diagnostics.md');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

let docsUri: string | undefined | null = null;

export function codeHref(code: string): string | undefined {
  if (docsUri === null) {
    const file = findDocs();
    docsUri = file ? pathToFileURL(file).href : undefined;
  }
  return docsUri && `${docsUri}#${code}`;
}
