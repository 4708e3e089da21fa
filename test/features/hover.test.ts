import * as assert from 'node:assert/strict';
import { hover } from '../../server/src/services/hover.js';
import { analyzeText, cursor } from '../helpers.js';

const source = `guideline g { panel { voters 52 agree A, B consensus 80% strong 70% } }
enum ChildPugh "Child-Pugh class" { A, B, C }
attribute child_pugh: ChildPugh "Child-Pugh class of liver function"
attribute flr_slv: percent "Future liver remnant / standard liver volume"
intervention alpps "Associating liver partition and portal vein ligation"
reference 72 "Schnitzbauer AA, et al. Ann Surg 2012;255:405-14." doi "10.1097/SLA.0b013e31824856f5" pmid 22330038
reference 73 "Second <b>paper</b>."
statement S8 "Increasing the future liver remnant" {
  text """In HCC patients with insufficient remaining liver volume,
          ALPPS and PVE are recommended."""
  basis evidence
  strength conditional
  certainty low
  votes A 30, B 17, C 3, D 2, E 0
  cites 72-73
  rule flr_increase when flr_slv < 30% and child_pugh = A then suggest alpps
}`;

function hoverAt(marked: string): string | undefined {
  const { text, offset } = cursor(marked);
  return hover(analyzeText(text), offset)?.markdown;
}

function mark(at: string, occurrence = 1): string {
  let idx = -1;
  for (let i = 0; i < occurrence; i++) idx = source.indexOf(at, idx + 1);
  assert.ok(idx >= 0, `no ${at} in the source`);
  return source.slice(0, idx + 1) + '|' + source.slice(idx + 1);
}

describe('hover', () => {
  it('a statement shows its grading in GRADE notation, agreement with votes, basis, text and full citations', () => {
    const md = hoverAt(mark('S8'))!;
    assert.ok(md, 'a hover');
    assert.match(md, /\*\*Statement S8\*\* · Increasing the future liver remnant/);
    assert.match(md, /Conditional recommendation · ⊕⊕◯◯ low certainty/);
    assert.match(md, /Agreement 90\.4% from the votes \(votes A 30, B 17, C 3, D 2, E 0\)/);
    assert.match(md, /Basis: evidence/);
    assert.match(md, /> In HCC patients with insufficient remaining liver volume,\n> ALPPS and PVE are recommended\\\./);
    assert.match(md, /\[72\] Schnitzbauer AA, et al\\\. Ann Surg 2012;255\\:405\\-14\\\./);
    assert.match(md, /DOI: \[10\\\.1097\/SLA\\\.0b013e31824856f5\]\(https:\/\/doi\.org\/10\.1097\/SLA\.0b013e31824856f5\)/);
    assert.match(md, /PubMed: \[22330038\]\(https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/22330038\/\)/);
  });

  it('a rule shows its verb and its statement', () => {
    const md = hoverAt(mark('flr_increase'))!;
    assert.match(md, /\*\*rule\*\* `flr_increase` → suggest `alpps`/);
    assert.match(md, /\*\*Statement S8\*\*/);
  });

  it('a reference label in cites shows the full citation, user markup escaped', () => {
    assert.match(hoverAt(mark('72', 2))!, /\*\*Reference 72\*\*\n\n\[72\] Schnitzbauer/);
    const md = hoverAt(mark('73', 1))!;
    assert.match(md, /Second \\<b\\>paper\\<\/b\\>/);
  });

  it('an attribute, an enum member and an intervention', () => {
    assert.match(hoverAt(mark('flr_slv <'))!, /\*\*attribute\*\* `flr_slv`: percent\n\nFuture liver remnant \/ standard liver volume/);
    assert.match(hoverAt(mark('child_pugh =')) ?? '', /`child_pugh`: ChildPugh/);
    assert.match(hoverAt(mark('A then'))!, /`A`: member of enum `ChildPugh`/);
    assert.match(hoverAt(mark('alpps', 2))!, /\*\*intervention\*\* `alpps`\n\nAssociating liver partition/);
  });

  it('a keyword explains itself; whitespace shows nothing', () => {
    assert.match(hoverAt(mark('statement'))!, /^\*\*statement\*\* \(keyword\)/);
    assert.match(hoverAt(mark('basis'))!, /^\*\*basis\*\* \(keyword\)/);
    assert.equal(hoverAt(mark('  basis')), undefined);
  });
});
