// Hostile text in every field (units too) reaches hover Markdown and the SVG as text: no link, image,
// HTML or command: URI can be injected into a hover, DOI and PubMed links point only to
// doi.org and PubMed with the value fully encoded, and the SVG stays well-formed XML.
import * as assert from 'node:assert/strict';
import { escapeXml } from '../../server/src/render/svg.js';
import { hover } from '../../server/src/services/hover.js';
import { hoverLinkProblems } from '../fuzz/markdown-safety.js';
import { xmlProblem } from '../fuzz/oracle.js';
import { analyzeText } from '../helpers.js';

const hostile = '[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> ![i](https://evil.example/i.png) https://evil.example www.evil.example a@evil.example <https://evil.example> [r]: https://evil.example';

const text = `reference R1 "${hostile}" doi "10.1/x)(https://evil.example/phish)" pmid 123
reference R2 "x" doi "10.1000/(unbalanced" pmid 99999
enum E "${hostile}" { a, b }
attribute f: E "${hostile}"
attribute u: number unit "${hostile}" "${hostile}"
intervention x "${hostile}"
statement S1 "${hostile}" { text "${hostile}" basis evidence strength strong certainty high agreement 90% cites R1, R2, ${'`'}x${'`'} rationale "${hostile}" section "${hostile}"
  rule r when f = a and u > 1 then recommend x }
`;

describe('hostile text', () => {
  it('reaches every hover as text, with links only to doi.org and PubMed', () => {
    const a = analyzeText(text);
    const hovers = new Map<string, string>();
    for (let o = 0; o < text.length; o++) {
      const h = hover(a, o);
      if (h) hovers.set(text.slice(h.span.start, h.span.end), h.markdown);
    }
    for (const name of ['R1', 'R2', 'E', 'f', 'u', 'x', 'S1', 'a']) assert.ok(hovers.has(name), `no hover on ${name}`);
    for (const [name, md] of hovers) assert.deepEqual(hoverLinkProblems(md), [], `${name}: ${md}`);
    const r1 = hovers.get('R1') ?? '';
    assert.ok(r1.includes('(https://doi.org/10.1/x%29%28https%3A/'), r1);
    assert.ok(r1.includes('(https://pubmed.ncbi.nlm.nih.gov/123/)'));
    assert.ok((hovers.get('R2') ?? '').includes('(https://doi.org/10.1000/%28unbalanced)'));
  });

  it('the Markdown check itself finds each kind of injection', () => {
    assert.equal(hoverLinkProblems(hostile).length >= 5, true);
    assert.deepEqual(hoverLinkProblems('[ok](https://doi.org/10.1/x) [ok](https://pubmed.ncbi.nlm.nih.gov/1/)'), []);
  });

  it('drops the characters XML forbids, lone surrogates included, so the SVG parses', () => {
    const nasty = 'a\u0000b\u0008\ufffe\uffff\ud800x\udc00y😀<&>"\'';
    const xml = `<svg xmlns="http://www.w3.org/2000/svg"><title t="${escapeXml(nasty)}">${escapeXml(nasty)}</title></svg>`;
    assert.equal(xmlProblem(xml), undefined);
    assert.ok(escapeXml(nasty).includes('😀'));
    assert.notEqual(xmlProblem(`<svg>${nasty.replace(/[<&>]/g, '')}</svg>`), undefined);
  });
});
