// The rendered explanation of the diagnostic codes (docs/diagnostics.md) as a webview page.
// Pure, so a unit test reads exactly what the editor shows. The Markdown is this project's
// own, but it is still rendered as text: raw HTML in it is escaped, links go only to an
// anchor of the page or to https, and the page runs one script, allowed by its nonce,
// under a Content-Security-Policy that starts from `default-src 'none'`.
import MarkdownIt from 'markdown-it';
import { attr, pageStart } from '../page-head.js';

/** The anchor a heading gets: its words, lower case, joined by hyphens (`## unresolved-name` → `unresolved-name`). */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A heading's anchor and its line in the Markdown (0-based). */
export interface DocsHeading {
  anchor: string;
  line: number;
}

/** The Markdown as HTML, each heading with an id its links (and the diagnostics) point at. */
export function renderDocs(markdown: string): { html: string; anchors: string[]; headings: DocsHeading[] } {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // Only the page's own anchors and https pages: no other scheme, no relative file.
  md.validateLink = (url: string) => url.startsWith('#') || /^https:\/\//i.test(url);
  const anchors: string[] = [];
  const headings: DocsHeading[] = [];
  md.core.ruler.push('heading_ids', (state) => {
    const tokens = state.tokens;
    const at = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [i] : []));
    // The entries (## unresolved-name) are what the diagnostics link to, so they take their
    // plain name first; a part's title (# Syntax) that has the same name gets a number.
    const order = [...at.filter((i) => tokens[i]!.tag !== 'h1'), ...at.filter((i) => tokens[i]!.tag === 'h1')];
    const ids = new Map<number, string>();
    for (const i of order) {
      const inline = tokens[i + 1]!;
      const text = (inline.children ?? []).filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('');
      const base = slug(text);
      let id = base;
      for (let n = 1; [...ids.values()].includes(id); n++) id = `${base}-${n}`;
      ids.set(i, id);
    }
    for (const i of at) {
      tokens[i]!.attrSet('id', ids.get(i)!);
      anchors.push(ids.get(i)!);
      headings.push({ anchor: ids.get(i)!, line: tokens[i]!.map?.[0] ?? 0 });
    }
  });
  return { html: md.render(markdown), anchors, headings };
}

export interface DocsPageResources {
  nonce: string;
}


/**
 * The page. It is told by message which anchor to show (never by text put into the page),
 * scrolls to it, marks it, and answers with what it showed so the host can tell.
 */
export function docsPageHtml(body: string, r: DocsPageResources): string {
  return `${pageStart([`style-src 'nonce-${r.nonce}'`, `script-src 'nonce-${r.nonce}'`], 'Guideline diagnostics')}
<style nonce="${attr(r.nonce)}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
         background: var(--vscode-editor-background); max-width: 52em; margin: 0 auto; padding: 0 1.5em 60vh; line-height: 1.5; }
  a { color: var(--vscode-textLink-foreground); }
  code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
  pre { background: var(--vscode-textCodeBlock-background); padding: 0.6em 0.8em; overflow-x: auto; }
  code { background: var(--vscode-textCodeBlock-background); padding: 0 0.2em; }
  pre code { background: none; padding: 0; }
  h1 { border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 0.2em; }
  h2 { margin-top: 1.8em; font-family: var(--vscode-editor-font-family); scroll-margin-top: 0.8em; }
  .shown { outline: 2px solid var(--vscode-focusBorder); outline-offset: 4px; }
</style>
</head>
<body>
<main id="docs">
${body}
</main>
<script nonce="${attr(r.nonce)}">
(function () {
  const vscode = acquireVsCodeApi();
  function show(anchor) {
    const target = typeof anchor === 'string' && anchor !== '' ? document.getElementById(anchor) : null;
    for (const old of document.querySelectorAll('.shown')) old.classList.remove('shown');
    if (target) {
      target.classList.add('shown');
      target.scrollIntoView({ block: 'start' });
    } else {
      window.scrollTo(0, 0);
    }
    vscode.postMessage({ type: 'shown', anchor: String(anchor), found: target !== null, top: target ? Math.round(target.getBoundingClientRect().top) : null });
  }
  window.addEventListener('message', function (event) {
    const m = event.data;
    if (m && m.type === 'show') show(m.anchor);
  });
  vscode.postMessage({ type: 'ready' });
})();
</script>
</body>
</html>
`;
}
