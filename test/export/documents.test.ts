// The summary of recommendations, each format read back by a reader we did not write:
// Markdown by markdown-it, HTML by parse5, Word by mammoth. Hostile text in every field
// comes back as text, never as markup.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { docxDocument, htmlDocument, markdownDocument } from '../../server/src/services/export/documents.js';
import { citationMark, summaryOf } from '../../server/src/services/export/summary.js';
import { analyzeFiles, fileUrl, repoRoot, samplesDir } from '../helpers.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node): void => {
    if ('tagName' in n) out.push(n);
    if ('childNodes' in n) n.childNodes.forEach(walk);
    if ('content' in n && n.content) walk(n.content);
  };
  walk(root);
  return out;
}

function textOf(n: Node): string {
  if (n.nodeName === '#text' && 'value' in n) return n.value;
  return 'childNodes' in n ? n.childNodes.map(textOf).join('') : '';
}

const hostile = `<script>alert(1)</script> <img src=x onerror=alert(2)> **bold** [link](javascript:alert(3)) & \u0001 'q'`;
const hostileFile = `guideline g { title "${hostile}" doi "10.1000/x<y>" }
intervention x "${hostile}"
attribute a: boolean
reference 1 "${hostile}" doi "10.1000/a" pmid 12345
statement S1 "${hostile}" {
  text "1. ${hostile}"
  section "${hostile}"
  rationale "${hostile}"
  basis evidence strength strong certainty high agreement 90%
  cites 1
  rule r when a then recommend x
}
decision d "${hostile}" { ask a }
`;
const shown = hostile.replace('\u0001', '').replace(/\s+/g, ' ');

describe('summary documents', function () {
  this.timeout(120_000);
  const sample = () => new Workspace().analysis(fileUrl(path.join(samplesDir, 'hcc-conversion-2021.guideline')))!;

  it('numbers statements and references, references in order of first citation', async () => {
    const summary = await summaryOf(sample());
    assert.deepEqual(summary.statements.map((s) => s.number), summary.statements.map((_, i) => i + 1));
    assert.equal(summary.statements.length, 16);
    const firstCited = summary.statements.flatMap((s) => s.citations);
    assert.deepEqual([...new Set(firstCited)].slice(0, 5), [1, 2, 3, 4, 5]);
    assert.equal(citationMark([1, 2, 3, 5, 7, 8]), '[1–3, 5, 7, 8]');
    assert.ok(summary.trees.length > 0 && summary.trees[0].svg.includes('<svg'));
  });

  it('Markdown reads back through markdown-it: the statements as headings, the grading, the references, the tree', async () => {
    const summary = await summaryOf(sample());
    const [[, md], ...images] = markdownDocument(summary, 'hcc', true).files;
    const tokens = new MarkdownIt().parse(md as string, {});
    const headings = tokens.filter((t, i) => t.type === 'inline' && tokens[i - 1]?.type === 'heading_open' && tokens[i - 1].tag === 'h4').map((t) => t.content);
    assert.equal(headings.length, 16);
    assert.match(headings[7], /^8\\?\. Statement S8: /);
    const html = new MarkdownIt().render(md as string);
    assert.ok(html.includes('Conditional recommendation · ⊕⊕◯◯ low certainty'));
    assert.ok(html.includes('Agreement 90.4%'));
    assert.ok(/<img src="hcc-roadmap\.svg"/.test(html), 'the tree is an image beside the document');
    assert.equal(images.length, 1);
    assert.ok(html.includes('href="https://doi.org/'));
  });

  it("another scheme's levels read as written, and a guideline without a vote says nothing of agreement", async () => {
    const summary = await summaryOf(new Workspace().analysis(fileUrl(path.join(samplesDir, 'cholesterol-2018.guideline')))!);
    const [[, md]] = markdownDocument(summary, 'chol', true).files;
    const html = new MarkdownIt().render(md as string);
    assert.ok(html.includes('certainty B_NR (GRADE: ⊕⊕⊕◯ moderate)'), 'the level B_NR as written, escaped once');
    assert.ok(!html.includes('\\'), 'no backslash shows');
    assert.ok(!/Agreement not given/.test(html));
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from((await docxDocument(summary, 'chol')).files[0][1] as Uint8Array) })).value;
    assert.ok(raw.includes('certainty B_NR (GRADE'));
    assert.ok(!raw.includes('Agreement not given'));
  });

  it('hostile text stays text in Markdown, HTML and Word', async () => {
    const summary = await summaryOf(analyzeFiles({ 'main.guideline': hostileFile }));
    const md = markdownDocument(summary, 'h', false).files[0][1] as string;
    const rendered = new MarkdownIt({ html: true }).render(md);
    const mdElements = elements(parseHtml(rendered));
    assert.deepEqual(mdElements.filter((e) => ['script', 'strong'].includes(e.tagName) && textOf(e).includes('bold')).map((e) => e.tagName), [], 'no markup from user text');
    assert.ok(!mdElements.some((e) => e.tagName === 'script'));
    assert.ok(!mdElements.some((e) => e.attrs.some((a) => a.name === 'onerror' || a.value.startsWith('javascript:'))));
    assert.ok(textOf(parseHtml(rendered)).includes(shown), 'the text arrives whole');

    const html = htmlDocument(summary, 'h').files[0][1] as string;
    const doc = parseHtml(html);
    const all = elements(doc);
    assert.ok(!all.some((e) => e.tagName === 'script'), 'no script element');
    assert.ok(!all.some((e) => e.attrs.some((a) => a.name.startsWith('on') || a.value.trim().toLowerCase().startsWith('javascript:'))), 'no handler or script link');
    const policy = all.find((e) => e.tagName === 'meta' && e.attrs.some((a) => a.value === 'Content-Security-Policy'));
    assert.match(policy?.attrs.find((a) => a.name === 'content')?.value ?? '', /default-src 'none'/);
    assert.ok(textOf(all.find((e) => e.tagName === 'h1')!).includes(shown));
    assert.ok(textOf(all.find((e) => e.tagName === 'blockquote')!).includes(`1. ${shown}`));
    const img = all.find((e) => e.tagName === 'img')!;
    assert.match(img.attrs.find((a) => a.name === 'src')!.value, /^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(img.attrs.find((a) => a.name === 'src')!.value.split(',')[1], 'base64').toString('utf8');
    assert.ok(!/<script/i.test(svg), 'the tree picture holds no script either');

    const docx = (await docxDocument(summary, 'h')).files[0][1] as Uint8Array;
    const raw = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    assert.ok(raw.value.includes(shown), 'Word holds the hostile text as text');
    const asHtml = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    assert.ok(!elements(parseHtml(asHtml.value)).some((e) => e.tagName === 'script'));
  });

  it('Word reads back through mammoth: headings, grading, references and the tree as a picture', async () => {
    const { files, notes } = await docxDocument(await summaryOf(sample()), 'hcc');
    const buffer = Buffer.from(files[0][1] as Uint8Array);
    const raw = (await mammoth.extractRawText({ buffer })).value;
    assert.ok(raw.includes('8. Statement S8: Increasing the future liver remnant'));
    assert.ok(raw.includes('Conditional recommendation · ⊕⊕◯◯ low certainty'));
    assert.ok(raw.includes('Agreement 90.4%'));
    assert.match(raw, /References\n+1\. /);
    const html = (await mammoth.convertToHtml({ buffer })).value;
    assert.deepEqual(notes, [], 'the tree is drawn (resvg is installed for the tests)');
    assert.match(html, /<img [^>]*src="data:image\/png;base64,/);
  });

  it('documents carry overrides, comparators, timings and assumptions, in every format as read back', async () => {
    const fixture = path.join(repoRoot, 'test', 'fixtures', 'export', 'sepsis-quantities.guideline');
    const summary = await summaryOf(new Workspace().analysis(fileUrl(fixture))!);
    const expected = [
      'spare overrides treat: when',
      'then suggest balanced_crystalloids over saline between 1 hour and 3 hours',
      'then recommend vasopressors within 60 minutes',
      'septic_shock implies sepsis',
      'not (low_risk and septic_shock)',
    ];
    const md = new MarkdownIt().render(markdownDocument(summary, 'sq', false).files[0][1] as string);
    const mdText = textOf(parseHtml(md));
    const html = elements(parseHtml(htmlDocument(summary, 'sq').files[0][1] as string));
    const htmlText = html.map((e) => (e.tagName === 'body' ? textOf(e) : '')).join('');
    const word = (await mammoth.extractRawText({ buffer: Buffer.from((await docxDocument(summary, 'sq')).files[0][1] as Uint8Array) })).value;
    for (const [format, text] of [['markdown', mdText], ['html', htmlText], ['docx', word]]) {
      for (const x of expected) assert.ok(text.includes(x), `${format} has "${x}"`);
      assert.match(text, /Assumptions\s*The recommendations consider only patients for whom these hold/, format);
    }
    assert.ok(html.some((e) => e.tagName === 'ul' && e.attrs.some((a) => a.value === 'assumptions')));
  });

  it('the command line writes each format, and refuses docx without --out', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-docs-'));
    try {
      const run = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
      const file = path.join(samplesDir, 'hcc-conversion-2021.guideline');
      for (const f of ['markdown', 'html', 'docx']) assert.equal(run(['export', file, '--format', f, '--out', dir]).status, 0, f);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['hcc-conversion-2021-roadmap.svg', 'hcc-conversion-2021.docx', 'hcc-conversion-2021.html', 'hcc-conversion-2021.md']);
      assert.equal(run(['export', file, '--format', 'docx']).status, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
