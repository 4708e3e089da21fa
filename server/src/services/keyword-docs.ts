// What each word of the language means, in one place: hover shows these texts on a keyword
// or a field's value, and completion attaches them to the items it offers. The GRADE and
// Delphi terms say what the methodology means by them, not only what the checker does.
import { builtinTypes } from '../model/types.js';
import { certaintyLabel, voteGrades, type Certainty } from '../model/vocabulary.js';
import { escapeMarkdown } from './markdown-text.js';

/** Markdown for every keyword of the language (reserved and soft), keyed by the word. */
export const keywordDocs: Readonly<Record<string, string>> = {
  // Structure of a file.
  guideline: doc('guideline', 'The header of the file: its id, then optionally a `title`, a `doi`, the `panel` that voted and the `grading` scheme its statements use. One per guideline; a file it `use`s need not have one.', 'guideline hcc_2021 {\n  title "Expert consensus on ..."\n  panel { voters 52 agree A, B consensus 80% strong 70% }\n}'),
  title: doc('title', 'The guideline\'s published title, as a string. Exports and the decision-tree preview show it.', 'title "Chinese expert consensus on conversion therapy (2021 edition)"'),
  doi: doc('doi', 'A Digital Object Identifier, as a string without `https://doi.org/`: of the guideline (in its header) or of a reference. Hover on a citation links it.', 'doi "10.21037/hbsn-21-328"'),
  pmid: doc('pmid', 'A reference\'s PubMed identifier, a whole number. Hover links it to PubMed.', 'reference 72 "Schnitzbauer AA, et al." pmid 22330038'),
  panel: doc('panel', 'The Delphi panel that voted on the statements: how many `voters`, which grades `agree`, the `consensus` an adopted statement needs and the share that must endorse a `strong` one. Leave the block out, or leave out `consensus`, for a guideline that held no vote: then no statement has to give its agreement.', 'panel {\n  voters 52\n  agree A, B\n  consensus 80%\n  strong 70%\n}'),
  voters: doc('voters', 'How many panelists voted. In the `panel` block, for every statement; in a statement, for that statement\'s vote alone (when some panelists abstained or joined later). Vote counts must add up to it, and an `agreement` must be a share of it that can exist (with 52 voters, 96.2% is 50 of 52; 97% is not attainable).', 'voters 52'),
  agree: doc('agree', 'The grades of the Delphi rating scale that count as agreement, on the A to E scale. The agreement of a statement given as `votes` is the share of voters who gave one of these grades. Without a panel block, A and B count.', 'agree A, B'),
  consensus: doc('consensus', 'The Delphi consensus threshold: an adopted statement needs at least this agreement (`below-consensus` otherwise). Setting it says the panel voted, so every graded statement must then give its `agreement` or `votes`. Without it, the setting `guideline.defaultConsensus` (80%) applies to the agreements that are given.', 'consensus 80%'),
  strong: doc('strong', 'In the `panel` block: the share of panelists that must endorse a recommendation as strong before it may be graded `strength strong` (compared with each statement\'s `endorsed_strong`). Without it, the setting `guideline.defaultStrong` (70%) applies. As a strength, see `strength strong`.', 'strong 70%'),
  use: doc('use', 'Brings the declarations of another file into scope: attributes, enums, interventions, references, statements, grading schemes. The path is relative to this file, and `use` is transitive. A missing file or a cycle of uses is an error at the `use`.', 'use "hcc-vocabulary.guideline"'),
  grading: doc('grading', 'In the header, `grading NAME` selects the scheme the statements are graded in (GRADE when absent; GRADE may also be named). At the top level, `grading NAME "title" { ... }` declares a scheme: its own strength and certainty levels, each followed by the GRADE word it means, so every check reads the GRADE meaning while hover and exports show the level as written.', 'grading acc_aha "ACC/AHA class and level" {\n  strength I strong, IIa conditional, IIb conditional\n  certainty A high, B_R moderate, C_LD low, C_EO very_low\n}'),

  // Vocabulary.
  enum: doc('enum', 'A closed list of values, such as a stage or a class. Attributes of the enum\'s type are compared with its members (`stage = IIIa`, `stage in { IIIa, IIIb }`); each enum\'s members are names of their own, so two enums may share a member name.', 'enum ChildPugh "Child-Pugh class" { A, B, C }'),
  attribute: doc('attribute', 'A fact about the patient that rules test and cases set: a name, a type (`boolean`, `number` with an optional `unit`, `percent`, a duration such as `years`, or an enum\'s name) and an optional description.', 'attribute age: years "Age at diagnosis"\nattribute hbv_dna: number unit "IU/mL"'),
  unit: doc('unit', 'The UCUM unit of a `number` attribute, as a string. A quantity written in another unit of the same kind converts into it (`2 "kIU/L"` for an attribute in `"IU/mL"`); a bare number is in this unit.', 'attribute hbv_dna: number unit "IU/mL"'),
  molar_mass: doc('molar_mass', 'The molar mass of the measured substance in g/mol. Only with it do mass and molar concentrations convert into each other (`18 "mg/dL"` of lactate is 2.0 mmol/L).', 'attribute lactate: number unit "mmol/L" molar_mass 90.08'),
  intervention: doc('intervention', 'Something a rule can recommend or suggest, for or against: a treatment, a test, a referral. The description says what exactly (regimen, dose), so a rule need not.', 'intervention haic "Hepatic artery infusion chemotherapy, FOLFOX regimen"'),
  reference: doc('reference', 'A publication the statements cite: a label (a number or a name), the citation as printed, and optionally a `doi` and a `pmid`. A statement\'s `cites` names labels; hover shows the citations in full.', 'reference 72 "Schnitzbauer AA, et al. Ann Surg 2012;255:405-14." doi "10.1097/SLA.0b013e31824856f5"'),
  assume: doc('assume', 'A fact true of every patient. Consistency checks, gaps, trees and case witnesses consider only patients for whom every assumption holds, so a combination that cannot occur is not reported as a gap or a conflict.', 'assume septic_shock implies sepsis'),

  // Statements.
  statement: doc('statement', 'A consensus statement as the committee adopted it: its `text`, its GRADE grading (`basis`, `strength`, `certainty`), its Delphi agreement (`agreement` or `votes`), what it `cites`, and the `rule`s that make it computable. Fields may come in any order.', 'statement S8 "Increasing the future liver remnant" {\n  text "..."\n  basis evidence\n  strength conditional\n  certainty low\n  agreement 90.4%\n  rule ...\n}'),
  text: doc('text', 'The statement\'s wording as published. `"""..."""` spans several lines; the common indentation of its continuation lines is dropped.', 'text """In patients with ...,\n  ALPPS or PVE is suggested."""'),
  basis: doc('basis', 'What the grading rests on: `evidence` (a review of the published evidence) or `expert_opinion` (the panel\'s experience, where evidence is lacking). Required of a recommendation.', 'basis evidence'),
  strength: doc('strength', 'The GRADE strength of the recommendation: `strong` or `conditional` (also written `weak`), or a level of the guideline\'s own `grading` scheme. The verb of each rule must match it: `recommend` under strong, `suggest` under conditional. Written in a rule, between its name and `when`, it grades that rule alone. In a `grading` block, it lists the scheme\'s strength levels.', 'strength conditional'),
  certainty: doc('certainty', 'The GRADE certainty of the evidence: how confident the panel is that the estimated effects are close to the true ones. `high` ⊕⊕⊕⊕, `moderate` ⊕⊕⊕◯, `low` ⊕⊕◯◯ or `very_low` ⊕◯◯◯, or a level of the guideline\'s own scheme. In GRADE, evidence from randomised trials starts high and observational evidence low; risk of bias, inconsistency, indirectness, imprecision and publication bias lower it, and a large effect, a dose-response gradient or confounding that would shrink the effect raise it.', 'certainty low'),
  agreement: doc('agreement', 'The Delphi level of agreement: the share of voters who gave a grade the panel counts as agreement (`agree`), as a percentage. An adopted statement needs at least the panel\'s `consensus`; the percentage must be attainable with the number of voters. Give `votes` instead and it is computed.', 'agreement 90.4%'),
  votes: doc('votes', 'How many voters gave each grade of the A to E scale. They must add up to the voters, and the agreement is computed from them and the panel\'s `agree` grades (or checked against a stated `agreement`).', 'votes A 30, B 17, C 3, D 2, E 0'),
  endorsed_strong: doc('endorsed_strong', 'The share of panelists who endorsed the recommendation as strong. A `strength strong` statement needs at least the panel\'s `strong` threshold.', 'endorsed_strong 75%'),
  cites: doc('cites', 'The references the statement rests on, by label. A range such as `72-76` names every label in it; each label must be declared by a `reference`.', 'cites 72-76, 83, 91'),
  section: doc('section', 'The section of the published guideline the statement belongs to. Exports group statements by it.', 'section "Treatment for liver parenchyma"'),
  rationale: doc('rationale', 'Why the panel graded the statement as it did. GRADE asks for it where a strong recommendation rests on low or very low certainty (a discordant recommendation), which is reported without one.', 'rationale """Expected benefit is large and harms are small."""'),
  status: doc('status', 'Where the statement stands: `adopted` (the default), `draft` or `rejected`. Only adopted statements\' rules count in the consistency checks, the cases and the tree; a draft needs no agreement yet.', 'status draft'),
  kind: doc('kind', 'What sort of statement this is: a graded `recommendation` (the default), a `best_practice` statement (GRADE\'s good practice statement, ungraded) or an `informational` one (a definition or a fact, with no rules).', 'kind best_practice'),
  remark: doc('remark', 'A note on the statement, shown in hover and kept by exports. A statement may have several.', 'remark "Applies to every ward."'),
  history: doc('history', 'How the statement changed since the previous edition: `new`, `revised` or `unchanged`, with an optional note.', 'history revised "Downgraded from strong"'),

  // Rules.
  rule: doc('rule', 'The computable part of a statement: for the patients its `when` condition selects, it recommends or suggests interventions (`then`). It takes the statement\'s grading unless it gives its own `strength` and `certainty` before `when`.', 'rule flr_increase\n  when flr_slv < 30% and age < 65 years\n  then suggest alpps, pve'),
  when: doc('when', 'The condition of a rule: which patients it applies to. Comparisons (`= != < <= > >=`), `in { ... }`, `between ... and ...`, boolean attributes on their own, joined with `and`, `or`, `not`, `implies` and parentheses.', 'when stage in { IIIa, IIIb } and not resectable'),
  then: doc('then', 'What a rule recommends for the patients its condition selects: a verb (`recommend`, `suggest`, optionally `against`) and one or more interventions, optionally with `over` and a timing.', 'then suggest alpps, pve'),
  recommend: doc('recommend', 'A strong recommendation (GRADE: "we recommend"): most informed patients would choose this course, and clinicians can follow it for nearly everyone the rule covers. Allowed under `strength strong` (and in best practice statements). `recommend against` advises not to.', 'then recommend resection'),
  suggest: doc('suggest', 'A conditional recommendation (GRADE: "we suggest"): the balance of benefits and harms is closer or less certain, and the right choice depends on the patient\'s values and preferences. Allowed under `strength conditional`. `suggest against` advises not to, conditionally.', 'then suggest haic'),
  against: doc('against', 'Turns a recommendation around: `recommend against X` (strong) or `suggest against X` (conditional) advises not to give X. Two adopted rules for and against the same intervention for the same patients conflict unless one `overrides` the other.', 'then recommend against resection'),
  over: doc('over', 'What the intervention is preferred to: `suggest X over Y` recommends X in preference to Y. Shown in hover, the tree and exports.', 'then suggest balanced_crystalloids over saline'),
  within: doc('within', 'A timing: the intervention is to happen at most this long after the condition holds. Only on a recommendation for; a rule whose window cannot agree with another\'s on the same intervention is a timing conflict.', 'then recommend antimicrobials within 1 hour'),
  after: doc('after', 'A timing: the intervention is to happen no sooner than this long after the condition holds.', 'then suggest resection after 4 weeks'),
  overrides: doc('overrides', 'Makes the rule an exception to the rules it names: where both apply, its recommendations replace theirs on the interventions it names. An exception is then no conflict. Only the named rules are overridden.', 'rule spare overrides treat when sepsis and low_risk then suggest against antibiotics'),

  // Conditions.
  and: doc('and', 'Both conditions hold. Binds tighter than `or` and `implies`, looser than `not`. Write `and`, not `&&`.', 'when age < 65 years and child_pugh = A'),
  or: doc('or', 'At least one of the conditions holds. Binds looser than `and`, tighter than `implies`. Write `or`, not `||`.', 'when stage = IIIa or stage = IIIb'),
  not: doc('not', 'In a condition: the condition does not hold (binds tightest; write `not`, not `!`). In a case, `expect not ...` requires that the rules do not give that recommendation.', 'when not chronic_liver_disease'),
  implies: doc('implies', 'If the first condition holds, so does the second (`a implies b` is `not a or b`). Binds loosest of all and groups to the right. Most useful in `assume`.', 'assume septic_shock implies sepsis'),
  in: doc('in', 'The attribute has one of the listed members of its enum.', 'when stage in { IIIa, IIIb }'),
  between: doc('between', 'In a condition: the value lies between the two bounds, both included. As a timing (`then recommend X between 2 and 6 hours`): the intervention is to happen in that window after the condition holds.', 'when flr_slv between 30% and 40%'),
  true: doc('true', 'The boolean value true: `flag = true` is the same as `flag` on its own.', 'given resectable = true'),
  false: doc('false', 'The boolean value false: `flag = false` is the same as `not flag`.', 'given resectable = false'),

  // Cases.
  case: doc('case', 'A patient vignette that tests the rules: `given` sets the patient\'s attributes and every `expect` must hold for what the adopted rules recommend. `guideline test` runs every case; the editor shows a failing one at its `expect`.', 'case "Stage IIIa, resectable" {\n  given stage = IIIa, resectable = true\n  expect recommend conversion_therapy\n}'),
  given: doc('given', 'The patient of a case: attribute values, separated by commas. Several `given` lines add up. An attribute the case does not give is unknown, not false.', 'given stage = IIIa, age = 60 years'),
  expect: doc('expect', 'What the rules must give the case\'s patient: `expect recommend X` (or `suggest`, `against`), `expect not ...` (must not be given), `expect only ...` (these and nothing else), or `expect nothing`.', 'expect suggest alpps'),
  only: doc('only', '`expect only ...`: these recommendations and no other. It also fails when a rule the case leaves undetermined could give something not listed; the failure names the attributes to give.', 'expect only suggest alpps, pve'),
  nothing: doc('nothing', '`expect nothing`: no rule recommends anything for this patient, including rules the case leaves undetermined.', 'expect nothing'),

  // Decisions.
  decision: doc('decision', 'A decision tree drawn from the rules: `ask` gives the order in which attributes are split, `where` narrows the population, `from` limits it to some statements. Patients in the population for whom no rule recommends anything are reported as gaps.', 'decision roadmap "Roadmap of conversion therapy" {\n  ask resectable, stage, response\n  where not resectable\n}'),
  ask: doc('ask', 'The attributes a decision tree splits on, in the order a clinician would ask about them.', 'ask resectable, stage, response'),
  where: doc('where', 'The population a decision tree covers, as a condition. Gaps are looked for only inside it.', 'where not resectable'),
  from: doc('from', 'The statements whose rules a decision tree draws on; without it, every adopted statement\'s.', 'from S8, S12'),
};

/** The fields whose values are words of the language, each with what its words mean. */
export type ValueField = 'strength' | 'certainty' | 'basis' | 'status' | 'kind' | 'history' | 'grade' | 'type';

const strengthDocs: Record<string, string> = {
  strong: term('strong', 'GRADE strong recommendation', 'The panel is confident that the desirable effects clearly outweigh the undesirable ones (or, against, the reverse). Most informed patients would want this course and only a few would not; clinicians can apply it to nearly everyone it covers, and it can serve as a performance measure. Rules write `recommend`. Under the Delphi panel, the statement\'s `endorsed_strong` must reach the panel\'s `strong` threshold. A strong recommendation on low or very low certainty is *discordant* and needs a `rationale`.'),
  conditional: term('conditional', 'GRADE conditional recommendation', 'The desirable effects probably outweigh the undesirable ones (or, against, the reverse), but the balance is close or uncertain. Informed patients would choose differently according to their values and preferences, so the decision is shared with the patient. Rules write `suggest`.'),
  weak: term('weak', 'GRADE conditional recommendation', 'GRADE\'s other word for a conditional recommendation: read as `conditional` by every check and shown as written. Rules write `suggest`.'),
};

const certaintyMeaning: Record<Certainty, string> = {
  high: 'The panel is very confident that the true effect lies close to the estimate. Further research is very unlikely to change that confidence.',
  moderate: 'The panel is moderately confident: the true effect is likely close to the estimate, but it may be substantially different.',
  low: 'Confidence in the estimate is limited: the true effect may be substantially different from it. A strong recommendation on it is discordant and needs a `rationale`.',
  very_low: 'The panel has very little confidence in the estimate: the true effect is likely to be substantially different from it. A strong recommendation on it is discordant and needs a `rationale`.',
};

const certaintyDocs: Record<string, string> = Object.fromEntries(
  (Object.keys(certaintyMeaning) as Certainty[]).map((c) => [c, term(c, `GRADE certainty ${certaintyLabel(c)}`, certaintyMeaning[c])]),
);

const basisDocs: Record<string, string> = {
  evidence: term('evidence', 'basis', 'The grading rests on a review of the published evidence; the certainty says how far that evidence can be trusted.'),
  expert_opinion: term('expert_opinion', 'basis', 'The grading rests on the panel\'s clinical experience, where published evidence is lacking or indirect. Its certainty is usually low or very low.'),
};

const statusDocs: Record<string, string> = {
  adopted: term('adopted', 'status', 'The panel adopted the statement (the default). Its agreement must reach the consensus threshold, and its rules count in the consistency checks, the cases and the tree.'),
  draft: term('draft', 'status', 'Still being written or revised: it is checked for names, types and methodology, needs no agreement yet, and its rules are left out of the consistency checks, the cases and the tree.'),
  rejected: term('rejected', 'status', 'Put to the panel and not adopted, for instance below consensus; kept for the record. Its rules do not count.'),
};

const kindDocs: Record<string, string> = {
  recommendation: term('recommendation', 'kind', 'A graded recommendation (the default): it needs a basis, a strength and a certainty, and its rules\' verbs follow its strength.'),
  best_practice: term('best_practice', 'kind', 'GRADE\'s good practice statement: advice whose benefit is so clear that grading the evidence would be a poor use of the panel\'s time. It is ungraded (giving a strength or certainty is an error) and its rules write `recommend`.'),
  informational: term('informational', 'kind', 'A definition or a statement of fact: ungraded, and no rule may sit under it.'),
};

const historyDocs: Record<string, string> = {
  new: term('new', 'history', 'The statement is new in this edition.'),
  revised: term('revised', 'history', 'The statement was changed since the previous edition; the note may say how.'),
  unchanged: term('unchanged', 'history', 'The statement is carried over from the previous edition as it was.'),
};

const gradeDocs: Record<string, string> = Object.fromEntries(
  voteGrades.map((g) => [
    g,
    term(g, 'Delphi vote grade', `Grade ${g} of the five-point A to E scale the panelists vote on, where A is the fullest agreement and E the firmest disagreement. Which grades count as agreement is the panel's \`agree\` (A and B unless it says otherwise); a statement's agreement is the share of voters who gave one of them.`),
  ]),
);

const durationNote = 'a duration; minutes, hours, days, weeks, months and years convert into each other (months and years are UCUM\'s mean Julian ones).';
const typeDocs: Record<string, string> = {
  boolean: term('boolean', 'built-in type', 'true or false. In a condition, `flag` on its own means `flag = true` and `not flag` means `flag = false`.'),
  number: term('number', 'built-in type', 'A number, in the UCUM unit given after `unit` (or none). Quantities in a commensurable unit convert into it.'),
  percent: term('percent', 'built-in type', 'A percentage from 0 to 100, written with `%`.'),
  ...Object.fromEntries(builtinTypes.filter((t) => !['boolean', 'number', 'percent'].includes(t)).map((t) => [t, term(t, 'built-in type', `Measured in ${t}: ${durationNote}`)])),
};

const valueDocs: Record<ValueField, Record<string, string>> = {
  strength: strengthDocs,
  certainty: certaintyDocs,
  basis: basisDocs,
  status: statusDocs,
  kind: kindDocs,
  history: historyDocs,
  grade: gradeDocs,
  type: typeDocs,
};

/** The built-in scheme, where a header names it (`grading GRADE`). */
export const gradeSchemeDoc = '**GRADE**: built-in grading scheme\n\nGrading of Recommendations Assessment, Development and Evaluation. A recommendation is `strong` or `conditional` (also written `weak`); the certainty of its evidence is `high`, `moderate`, `low` or `very_low`. Statements are graded in it unless the header selects another scheme.';

/** A declared scheme by its levels (names only: nothing here is the committee's free text). */
export function declaredSchemeDoc(name: string, strengths: ReadonlyMap<string, string>, certainties: ReadonlyMap<string, string>): string {
  const list = (m: ReadonlyMap<string, string>): string => [...m].map(([l, g]) => `\`${l}\` → ${g}`).join(', ') || 'none';
  return `**${name}**: grading scheme\n\nStrength levels: ${list(strengths)}  \nCertainty levels: ${list(certainties)}\n\nEvery check reads a level through the GRADE word it means.`;
}

/** A level of a scheme: in its `grading` block (no scheme or meaning given), or as a statement writes it. */
export function schemeLevelDoc(level: string, field: 'strength' | 'certainty', scheme?: string, grade?: string): string {
  if (!scheme || !grade) return `**${level}**: ${field} level of this grading scheme\n\nThe GRADE word after it says what it means.`;
  const meaning = valueDoc(field, grade);
  return `**${level}**: ${field} level of \`${scheme}\`, read as GRADE \`${grade}\`${meaning ? `\n\n---\n\n${meaning}` : ''}`;
}

/** How an agreement or a strong endorsement stands against its threshold. */
export function shareVerdict(written: string, value: number, field: 'agreement' | 'endorsed_strong', threshold: number): string {
  const name = field === 'agreement' ? 'consensus' : 'strong-endorsement';
  return `**${written}%** ${value >= threshold ? 'reaches' : 'falls short of'} the panel's ${name} threshold of ${threshold}%.`;
}

/** A unit offered after a number: what it converts into. */
export function unitDoc(unit: string, attribute: string | undefined, own: string | undefined): string {
  // A quoted unit is the committee's text (an unknown one is offered as written).
  const word = unit === '%' ? 'percent' : escapeMarkdown(unit);
  if (!attribute) return `**${word}**: unit`;
  if (unit === own) return `**${word}**: the unit of \`${attribute}\`, which the analysis, the tree and the witnesses work in. A bare number means it too.`;
  return `**${word}**: a unit of the same kind as \`${attribute}\`'s own (${escapeMarkdown(own ?? '')}); the quantity is converted into that before it is compared.`;
}

export function keywordDoc(word: string): string | undefined {
  return Object.hasOwn(keywordDocs, word) ? keywordDocs[word] : undefined;
}

/** What a field's word means (`strength strong`, `basis evidence`, a vote grade, a built-in type). */
export function valueDoc(field: ValueField, word: string): string | undefined {
  const docs = valueDocs[field];
  return Object.hasOwn(docs, word) ? docs[word] : undefined;
}

/** Every word each field's documentation covers, for the tests. */
export function documentedValues(field: ValueField): string[] {
  return Object.keys(valueDocs[field]);
}

function doc(word: string, text: string, example: string): string {
  return `**${word}** (keyword)\n\n${text}\n\n\`\`\`guideline\n${example}\n\`\`\``;
}

function term(word: string, what: string, text: string): string {
  return `**${word}**: ${what}\n\n${text}`;
}
