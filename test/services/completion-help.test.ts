import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../grammar/src/index.js';
import { completions } from '../../server/src/services/completion.js';
import type { CompletionEntry, CompletionOptions } from '../../server/src/services/completion-entry.js';
import { snippetFile, snippets } from '../../server/src/services/snippets.js';
import { analyzeText, cursor, repoRoot } from '../helpers.js';

const vocab = `enum Stage { Ia, IIIa }
attribute stage: Stage
attribute resectable: boolean
attribute age: years
intervention resection "Surgical resection"
reference 7 "Zhou J. Guidelines for HCC."
`;

function items(marked: string, options: CompletionOptions = {}): CompletionEntry[] {
  const { text, offset } = cursor(marked);
  return completions(analyzeText(text), offset, options).items;
}

const labels = (marked: string, options?: CompletionOptions): string[] => items(marked, options).map((i) => i.label);
const snippetsAt = (marked: string): CompletionEntry[] => items(marked, { snippets: true }).filter((i) => i.kind === 'snippet');

describe('completion: templates, documentation and when a list opens', () => {
  describe('templates', () => {
    it('an empty file offers the header, statement, case and decision templates, and no rule', () => {
      assert.deepEqual(snippetsAt('|').map((s) => s.label).sort(), ['case', 'decision', 'guideline', 'statement']);
      // Beside the keywords, not instead of them.
      assert.ok(labels('|', { snippets: true }).filter((l) => l === 'statement').length === 2);
    });

    it('are left out unless asked for', () => {
      assert.deepEqual(items('|').filter((i) => i.kind === 'snippet'), []);
    });

    it('between statements: no second header; in a statement\'s body only the rule', () => {
      const file = `guideline g { }\n${vocab}statement S1 { basis evidence }\n|\nstatement S2 { }`;
      assert.deepEqual(snippetsAt(file).map((s) => s.label).sort(), ['case', 'decision', 'statement']);
      assert.ok(!labels(file).includes('guideline'), 'the header keyword is not offered twice either');
      assert.deepEqual(snippetsAt(`${vocab}statement S1 {\n  basis evidence\n  |\n}`).map((s) => s.label), ['rule']);
      assert.deepEqual(snippetsAt(`${vocab}statement S1 { rule r when |`), []);
      assert.deepEqual(snippetsAt(`${vocab}case "c" { given |`), []);
    });

    it('take the scheme\'s levels, the statement\'s verb and the next free statement id', () => {
      const scheme = `guideline g { grading acc }\ngrading acc "ACC" { strength I strong, IIa conditional certainty A high, C_EO very_low }\nstatement S7 { }\n`;
      const statement = snippetsAt(`${scheme}|`).find((s) => s.label === 'statement')!;
      assert.match(statement.snippet!, /^statement \$\{1:S8\} /);
      assert.match(statement.snippet!, /strength \$\{5\|I,IIa\|\}/);
      assert.match(statement.snippet!, /certainty \$\{6\|A,C_EO\|\}/);
      const strong = snippetsAt(`${vocab}statement S1 {\n  strength strong\n  |\n}`)[0]!;
      assert.match(strong.snippet!, /then \$\{3:recommend\} \$\{4:intervention\}/);
      const conditional = snippetsAt(`${vocab}statement S1 {\n  strength weak\n  |\n}`)[0]!;
      assert.match(conditional.snippet!, /then \$\{3:suggest\}/);
      const ungraded = snippetsAt(`${vocab}statement S1 {\n  |\n}`)[0]!;
      assert.match(ungraded.snippet!, /then \$\{3\|recommend,suggest\|\}/);
    });

    it('inserted with their defaults, each template parses where it is offered', () => {
      const places: Record<string, string> = {
        guideline: '|',
        statement: `${vocab}|`,
        case: `${vocab}|`,
        decision: `${vocab}|`,
        rule: `${vocab}statement S1 {\n  |\n}`,
      };
      for (const s of snippets) {
        const at = places[s.keyword]!;
        const entry = snippetsAt(at).find((e) => e.label === s.keyword);
        assert.ok(entry, `${s.keyword} offered`);
        // The documentation shows the template as inserted with its defaults.
        const shown = /```guideline\n([\s\S]*)\n```$/.exec(entry.documentation!)?.[1];
        assert.ok(shown, `${s.keyword} documents its text`);
        assert.doesNotMatch(shown, /\$/);
        const errors = parse(at.replace('|', shown)).errors;
        assert.deepEqual(errors.map((e) => e.message), [], s.keyword);
      }
    });

    it('the editor\'s snippet file holds the same templates, bundled in the package', () => {
      const file = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', 'guideline.json'), 'utf8')) as unknown;
      assert.deepEqual(file, snippetFile(), 'snippets/guideline.json is stale: run `npx tsc -b && node scripts/write-snippets.mjs`');
      const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
      assert.deepEqual(manifest.contributes.snippets, [{ language: 'guideline', path: './snippets/guideline.json' }]);
      assert.match(fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8'), /^!snippets\/guideline\.json$/m);
    });
  });

  describe('documentation', () => {
    const places = [
      '|',
      `${vocab}statement S1 {\n  |\n}`,
      `${vocab}statement S1 { basis |`,
      `${vocab}statement S1 { strength |`,
      `${vocab}statement S1 { certainty |`,
      `${vocab}statement S1 { status |`,
      `${vocab}statement S1 { kind |`,
      `${vocab}statement S1 { history |`,
      `${vocab}statement S1 { votes |`,
      `${vocab}statement S1 { cites |`,
      `${vocab}statement S1 { rule r when |`,
      `${vocab}statement S1 { rule r when stage |`,
      `${vocab}statement S1 { rule r when stage = |`,
      `${vocab}statement S1 { rule r when resectable = |`,
      `${vocab}statement S1 { rule r when age < 65 |`,
      `${vocab}statement S1 { rule r when resectable then |`,
      `${vocab}statement S1 { rule r when resectable then suggest |`,
      `${vocab}statement S1 { rule r when resectable then suggest resection |`,
      `${vocab}attribute x: |`,
      `${vocab}case "c" { given stage = Ia |`,
      `${vocab}case "c" { expect |`,
      `${vocab}decision d { ask |`,
      'guideline g { panel { agree |',
      'guideline g { grading |',
      'grading acc { strength I |',
    ];

    it('every item at every place carries documentation', () => {
      for (const place of places) {
        const found = items(place, { snippets: true });
        assert.ok(found.length > 0, `items at ${JSON.stringify(place.slice(-30))}`);
        for (const i of found) assert.ok(i.documentation && i.documentation.length > 20, `${i.label} at ${JSON.stringify(place.slice(-30))}`);
      }
    });

    it('keywords say what they do; values what GRADE and Delphi mean', () => {
      const at = (place: string, label: string) => items(place).find((i) => i.label === label)?.documentation ?? '';
      assert.match(at(`${vocab}statement S1 {\n  |\n}`, 'agreement'), /^\*\*agreement\*\* \(keyword\)[\s\S]*Delphi level of agreement/);
      assert.match(at(`${vocab}statement S1 { strength |`, 'conditional'), /values and preferences/);
      assert.match(at(`${vocab}statement S1 { certainty |`, 'very_low'), /very little confidence/);
      assert.match(at(`${vocab}statement S1 { rule r when age < 65 |`, 'weeks'), /converted into/);
      assert.match(at(`${vocab}statement S1 { rule r when age < 65 |`, 'years'), /the unit of `age`/);
    });

    it('a unit the committee wrote is text in the documentation, not markup', () => {
      const doc = items('attribute a: number unit "<b>x</b>*"\nstatement S { rule r when a > 5 |').find((i) => i.kind === 'unit')?.documentation ?? '';
      assert.match(doc, /\\<b\\>x\\<\/b\\>\\\*/);
      assert.doesNotMatch(doc, /<b>/);
    });
  });

  describe('when a typed character opens the list', () => {
    it('never on `{`', () => {
      assert.deepEqual(labels(`${vocab}statement S1 {|`, { trigger: '{' }), []);
      assert.deepEqual(labels(`${vocab}statement S1 { rule r when stage in {|`, { trigger: '{' }), []);
    });

    it('not on a space where only keywords could follow, or after a complete value', () => {
      assert.deepEqual(labels(`${vocab}statement S1 { |`, { trigger: ' ' }), []);
      assert.deepEqual(labels(`${vocab}statement S1 { basis evidence |`, { trigger: ' ' }), []);
      assert.deepEqual(labels(`${vocab}statement S1 { strength strong |`, { trigger: ' ' }), []);
      assert.deepEqual(labels(`${vocab}statement S1 { agreement 90% |`, { trigger: ' ' }), []);
      assert.deepEqual(labels(`${vocab}statement S1 { rule r when age < 65 |`, { trigger: ' ' }), []);
      assert.deepEqual(labels(`${vocab}statement S1 { rule r when stage = Ia |`, { trigger: ' ' }), []);
      assert.deepEqual(labels(`${vocab}statement S1 { rule r when (resectable) |`, { trigger: ' ' }), []);
      // Asked for, the same places do list what may come.
      assert.ok(labels(`${vocab}statement S1 { basis evidence |`).includes('strength'));
      assert.ok(labels(`${vocab}statement S1 { rule r when age < 65 |`).includes('years'));
    });

    it('on a space, `=` or `,` where a name or value must follow', () => {
      assert.deepEqual(labels(`${vocab}statement S1 { rule r when |`, { trigger: ' ' }).filter((l) => l !== 'not'), ['stage', 'resectable', 'age']);
      assert.deepEqual(labels(`${vocab}statement S1 { basis |`, { trigger: ' ' }), ['evidence', 'expert_opinion']);
      assert.deepEqual(labels(`${vocab}statement S1 { rule r when stage =|`, { trigger: '=' }), ['Ia', 'IIIa']);
      assert.deepEqual(labels(`${vocab}statement S1 { rule r when resectable =|`, { trigger: '=' }), ['true', 'false']);
      assert.deepEqual(labels(`${vocab}statement S1 { rule r when stage in { |`, { trigger: ' ' }), ['Ia', 'IIIa']);
      assert.deepEqual(labels(`${vocab}statement S1 { cites 7,|`, { trigger: ',' }), ['7']);
      assert.deepEqual(labels(`${vocab}statement S1 { rule r when resectable then suggest |`, { trigger: ' ' }), ['against', 'resection']);
    });
  });
});
