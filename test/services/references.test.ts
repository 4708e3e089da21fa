// References, highlights and rename, as plain functions over analyses of in-memory files.
import * as assert from 'node:assert/strict';
import type { Analysis } from '../../server/src/pipeline/analysis.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { highlights, references, symbolAt } from '../../server/src/services/references.js';
import { prepareRename, renameEdits, type FileEdits } from '../../server/src/services/rename.js';
import { analyzeText, cursor, MemoryHost, memUri } from '../helpers.js';

const vocabulary = `enum ChildPugh { A, B, C }
attribute child_pugh: ChildPugh
attribute age: years
intervention resection "Surgical resection"
reference 72 "Schnitzbauer AA. Ann Surg 2012."
reference 73 "Second."
reference 74 "Third."
`;

const main = `use "vocab.guideline"
statement S1 "Resection" {
  basis evidence strength strong certainty high agreement 90%
  cites 72, 73-74
  // child_pugh in a comment is not a use
  rule r1 when child_pugh = A and age < 65 years then recommend resection
  rule r2 when child_pugh in { B, C } then recommend against resection
}
case "Child-Pugh A" {
  given child_pugh = A, age = 50 years
  expect recommend resection
}
`;

const other = `use "vocab.guideline"
statement S2 {
  basis evidence strength conditional certainty low agreement 85%
  rule r3 when child_pugh = C then suggest against resection
}
`;

/** The analyses of all three files, as an editor's workspace would have them. */
function workspace(files: Record<string, string> = { 'vocab.guideline': vocabulary, 'main.guideline': main, 'other.guideline': other }): Analysis[] {
  const ws = new Workspace(new MemoryHost(files));
  return Object.keys(files).map((name) => ws.analysis(memUri(name))!);
}

function at(a: Analysis, needle: string, delta = 1): number {
  const i = a.source.text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in file`);
  return i + delta;
}

/** `file:line:col text` for each location. */
function show(all: Analysis[], locs: { uri: string; span: { start: number; end: number } }[]): string[] {
  return locs.map((l) => {
    const a = all.find((x) => x.uri === l.uri)!;
    const p = a.source.lines.position(l.span.start);
    return `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${p.line + 1}:${p.character + 1} ${a.source.text.slice(l.span.start, l.span.end)}`;
  });
}

function apply(all: Analysis[], edits: FileEdits[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of all) {
    const mine = edits.find((e) => e.uri === a.uri)?.edits ?? [];
    let text = a.source.text;
    for (const e of [...mine].sort((x, y) => y.span.start - x.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
    out[a.uri.slice(a.uri.lastIndexOf('/') + 1)] = text;
  }
  return out;
}

describe('references', () => {
  it('finds an attribute across the files that use its file, declaration included or not', () => {
    const all = workspace();
    const [, m] = all;
    const sym = symbolAt(m, at(m, 'child_pugh ='))!;
    assert.equal(sym.kind, 'attribute');
    assert.deepEqual(show(all, references(sym, all, true)), [
      'main.guideline:6:16 child_pugh',
      'main.guideline:7:16 child_pugh',
      'main.guideline:10:9 child_pugh',
      'other.guideline:4:16 child_pugh',
      'vocab.guideline:2:11 child_pugh',
    ]);
    assert.equal(references(sym, all, false).length, 4);
  });

  it('finds enum members, interventions, statements, rules and decisions', () => {
    const all = workspace();
    const [v, m] = all;
    const member = symbolAt(v, at(v, 'C }'))!;
    assert.equal(member.kind, 'member');
    assert.deepEqual(show(all, references(member, all, true)), ['main.guideline:7:35 C', 'other.guideline:4:29 C', 'vocab.guideline:1:24 C']);
    const intervention = symbolAt(m, at(m, 'resection\n'))!;
    assert.equal(references(intervention, all, true).length, 5);
    const rule = symbolAt(m, at(m, 'r1'))!;
    assert.deepEqual(show(all, references(rule, all, true)), ['main.guideline:6:8 r1']);
    const d = analyzeText('attribute x: boolean\ndecision picks "Pick" { ask x }\n');
    assert.deepEqual(show([d], references(symbolAt(d, at(d, 'picks'))!, [d], true)), ['main.guideline:2:10 picks']);
  });

  it('finds a reference label, and the ranges that cite it without naming it', () => {
    const all = workspace({ 'vocab.guideline': vocabulary, 'main.guideline': main.replace('73-74', '72-74') });
    const [v] = all;
    const ref = symbolAt(v, at(v, '73'))!;
    assert.equal(ref.kind, 'reference');
    assert.deepEqual(show(all, references(ref, all, true)), ['main.guideline:4:13 72-74', 'vocab.guideline:6:11 73']);
  });

  it('is a no-op inside a comment or a string, and on a keyword', () => {
    const all = workspace();
    const m = all[1];
    assert.equal(symbolAt(m, at(m, 'child_pugh in a comment')), undefined);
    assert.equal(symbolAt(m, at(m, 'Resection"')), undefined);
    assert.equal(symbolAt(m, at(m, 'basis')), undefined);
    assert.deepEqual(highlights(m, at(m, '// child')), []);
  });

  it('highlights the symbol in this file, the declaration as a write', () => {
    const { text, offset } = cursor('attribute f|lag: boolean\nintervention x\nstatement S {\n basis evidence strength strong certainty high agreement 90%\n rule r when flag then recommend x\n rule q when not flag then recommend against x\n}\n');
    const a = analyzeText(text);
    assert.deepEqual(highlights(a, offset).map((h) => `${h.span.start}:${h.write}`), [`10:true`, `${text.indexOf('flag then')}:false`, `${text.indexOf('flag then recommend against')}:false`]);
  });
});

describe('rename', () => {
  it('renames an attribute in every file that sees it', () => {
    const all = workspace();
    const m = all[1];
    const target = prepareRename(m, at(m, 'age <'));
    assert.ok(!('refused' in target));
    assert.equal(m.source.text.slice(target.span.start, target.span.end), 'age');
    const edits = renameEdits(target.symbol, 'age_years', all);
    assert.ok(!('refused' in edits), JSON.stringify(edits));
    const after = apply(all, edits);
    assert.match(after['vocab.guideline'], /attribute age_years: years/);
    assert.match(after['main.guideline'], /age_years < 65 years/);
    assert.match(after['main.guideline'], /age_years = 50 years/);
    // The renamed files analyse without a single new error.
    const ws = new Workspace(new MemoryHost(after));
    for (const name of Object.keys(after)) {
      const errors = ws.analysis(memUri(name))!.findings.filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => f.message), [], name);
    }
  });

  it('renames an enum member only where it is that enum\'s member', () => {
    const all = workspace();
    const v = all[0];
    const target = prepareRename(v, at(v, 'B,'));
    assert.ok(!('refused' in target));
    const edits = renameEdits(target.symbol, 'B7', all);
    assert.ok(!('refused' in edits));
    const after = apply(all, edits);
    assert.match(after['vocab.guideline'], /\{ A, B7, C \}/);
    assert.match(after['main.guideline'], /child_pugh in \{ B7, C \}/);
    // `B` in other places (none here but the enum and the set) is untouched: only two edits.
    assert.deepEqual(edits.map((e) => e.edits.length), [1, 1]);
  });

  it('refuses an empty, reserved, malformed or built-in name, saying why', () => {
    const all = workspace();
    const m = all[1];
    const attr = prepareRename(m, at(m, 'age <'));
    assert.ok(!('refused' in attr));
    const refusal = (name: string, target = attr.symbol) => {
      const r = renameEdits(target, name, all);
      assert.ok('refused' in r, `${name} was accepted`);
      return r.refused;
    };
    assert.equal(refusal(''), 'A name cannot be empty');
    assert.equal(refusal('  '), 'A name cannot be empty');
    assert.match(refusal('when'), /^`when` is a reserved word/);
    assert.match(refusal('2age'), /^`2age` is not a name: use letters, digits and `_`/);
    assert.match(refusal('age group'), /is not a name/);
    const v = all[0];
    const e = prepareRename(v, at(v, 'ChildPugh'));
    assert.ok(!('refused' in e));
    assert.match(refusal('number', e.symbol), /^`number` is a built-in type/);
  });

  it('refuses a name already taken where the symbol is visible, naming the other declaration', () => {
    const all = workspace();
    const m = all[1];
    const attr = prepareRename(m, at(m, 'age <'));
    assert.ok(!('refused' in attr));
    const taken = renameEdits(attr.symbol, 'S2', all);
    assert.deepEqual(taken, { refused: '`S2` is already the name of statement `S2` (other.guideline:2); a rename must not make two declarations share a name' });
    const clash = renameEdits(attr.symbol, 'resection', all);
    assert.ok('refused' in clash && /intervention `resection` \(vocab\.guideline:4\)/.test(clash.refused));
    const member = prepareRename(m, at(m, 'A and'));
    assert.ok(!('refused' in member));
    assert.ok('refused' in renameEdits(member.symbol, 'C', all));
    // A member may share a name with a global: they are different namespaces.
    assert.ok(!('refused' in renameEdits(member.symbol, 'age', all)));
  });

  it('refuses to relabel a reference cited through a range', () => {
    const all = workspace();
    const v = all[0];
    const ref = prepareRename(v, at(v, '74'));
    assert.ok(!('refused' in ref));
    const r = renameEdits(ref.symbol, '80', all);
    assert.ok('refused' in r && /cited through the range `73-74`/.test(r.refused), JSON.stringify(r));
    const single = prepareRename(v, at(v, '72'));
    assert.ok(!('refused' in single));
    const ok = renameEdits(single.symbol, 'schnitzbauer2012', all);
    assert.ok(!('refused' in ok));
    assert.match(apply(all, ok)['main.guideline'], /cites schnitzbauer2012, 73-74/);
  });

  it('has nothing to rename on a keyword, a comment or a string', () => {
    const m = workspace()[1];
    for (const needle of ['basis', '// child', 'Resection"', 'statement']) {
      const r = prepareRename(m, at(m, needle));
      assert.ok('refused' in r, needle);
    }
  });
});
