// The diagnostics page the editor shows for a code's link: every code has its anchor, the
// server's links land on one, and the page renders text as text under a strict policy.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchorOnLine, docsAnchor, docsLineLink, docsLink } from '../../client/src/docs/link.js';
import { docsPageHtml, renderDocs, slug } from '../../client/src/docs/page.js';
import { codeHref, diagnosticCodes } from '../../server/src/model/codes.js';
import { repoRoot } from '../helpers.js';

const docs = fs.readFileSync(path.join(repoRoot, 'docs', 'diagnostics.md'), 'utf8');

describe('diagnostics page', () => {
  it('gives every diagnostic code a heading id, and the server\'s link lands on it', () => {
    const { html, anchors } = renderDocs(docs);
    for (const code of Object.keys(diagnosticCodes)) {
      const href = codeHref(code);
      assert.ok(href, `no link for ${code}`);
      const anchor = docsAnchor(href);
      assert.equal(anchor, code);
      assert.ok(anchors.includes(code), `no entry #${code} on the page`);
      assert.ok(html.includes(`<h2 id="${code}">`), `the heading of ${code} has no id`);
    }
    // The page's own links between entries point at ids it has.
    for (const [, target] of docs.matchAll(/\]\(#([^)]+)\)/g)) assert.ok(anchors.includes(target!), `a link to #${target} that no heading has`);
  });

  it('knows the line of each entry\'s heading, for the desktop\'s link to that line', () => {
    const { headings } = renderDocs(docs);
    const lines = docs.split('\n');
    for (const code of Object.keys(diagnosticCodes)) {
      const h = headings.find((x) => x.anchor === code);
      assert.ok(h, code);
      assert.equal(lines[h.line], `## ${code}`);
      assert.equal(anchorOnLine(headings, h.line), code);
      assert.equal(anchorOnLine(headings, h.line + 1), undefined, 'a line below the heading is not the heading');
    }
  });

  it('names headings by their words, numbering repeats, entries before the parts that hold them', () => {
    assert.equal(slug('Quick fixes and placeholders'), 'quick-fixes-and-placeholders');
    assert.equal(slug('unresolved-name'), 'unresolved-name');
    assert.equal(slug('Names, files & `use`'), 'names-files--use');
    assert.deepEqual(renderDocs('## A\n\n## A\n').anchors, ['a', 'a-1']);
    assert.deepEqual(renderDocs('# Syntax\n\n## syntax\n\n# Names\n').anchors, ['syntax-1', 'syntax', 'names']);
  });

  it('renders raw HTML and hostile links as text', () => {
    const { html } = renderDocs('# T <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](file:///etc/passwd) [z](#ok) [w](https://example.org/)\n');
    assert.ok(!/<script|<img/i.test(html), html);
    assert.ok(html.includes('&lt;script&gt;'));
    assert.ok(!/href="(javascript|file):/i.test(html), html);
    assert.ok(html.includes('href="#ok"') && html.includes('href="https://example.org/"'));
  });

  it('runs one script, by nonce, under a policy with no default source', () => {
    const page = docsPageHtml('<p>body</p>', { nonce: 'abc123' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1];
    assert.ok(csp);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'/);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
    assert.equal(page.match(/<script/g)?.length, 1);
    assert.match(page, /<script nonce="abc123">/);
    assert.ok(!/\son[a-z]+=/i.test(page), 'an inline event handler');
  });
});

describe('diagnostic code links', () => {
  it('turn a link into docs/diagnostics.md into the extension\'s own, and leave others', () => {
    assert.equal(docsAnchor('file:///opt/ext/docs/diagnostics.md#rule-conflict'), 'rule-conflict');
    assert.equal(docsAnchor('file:///c%3A/Program%20Files/ext/docs/diagnostics.md#syntax'), 'syntax');
    assert.equal(docsAnchor('file:///opt/ext/docs/diagnostics.md'), '');
    assert.equal(docsAnchor('https://example.org/docs/diagnostics.md#syntax'), undefined);
    assert.equal(docsAnchor('file:///opt/ext/docs/language.md#syntax'), undefined);
    assert.equal(docsAnchor('not a url'), undefined);
    assert.equal(docsLink('vscode', 'Guideline-Tools.guideline', 'rule-conflict'), 'vscode://guideline-tools.guideline/diagnostics#rule-conflict');
    assert.equal(docsLink('code-oss', 'p.n', 'a b#c'), 'code-oss://p.n/diagnostics#a%20b%23c');
    assert.equal(docsLineLink('file:///opt/ext/docs/diagnostics.md#rule-conflict', 133), 'file:///opt/ext/docs/diagnostics.md#L134');
    assert.equal(docsLineLink('file:///opt/ext/docs/diagnostics.md', 0), 'file:///opt/ext/docs/diagnostics.md#L1');
  });
});
