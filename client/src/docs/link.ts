// Where a diagnostic's code links to. The server links each code to its entry in
// docs/diagnostics.md (`file:///…/docs/diagnostics.md#unresolved-name`), which the editor
// would open as raw Markdown at line 1, the anchor ignored. The client points the link
// elsewhere, in one of two ways:
// - in the browser (code-server, vscode.dev), at the extension itself
//   (`<scheme>://guideline-tools.guideline/diagnostics#unresolved-name`), which its
//   UriHandler answers with the page rendered at the entry;
// - on the desktop, where such a link first asks "Allow the extension to open this URI?",
//   at the entry's line (`…/diagnostics.md#L134`): the editor opens the file there, and the
//   extension replaces that editor by the rendered page at the heading on that line. Should
//   it not, the reader is still at the right entry.
// Pure strings, so it is tested without an editor.

/** The path the extension's UriHandler answers with the diagnostics page. */
export const DOCS_PATH = '/diagnostics';

/** The anchor of a link into docs/diagnostics.md, or undefined for any other link. */
export function docsAnchor(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'file:' || !url.pathname.endsWith('/docs/diagnostics.md')) return undefined;
  return decodeURIComponent(url.hash.replace(/^#/, ''));
}

/** The extension's own link to the page at `anchor`. */
export function docsLink(scheme: string, extensionId: string, anchor: string): string {
  return `${scheme}://${extensionId.toLowerCase()}${DOCS_PATH}#${encodeURIComponent(anchor)}`;
}

/** The same link into docs/diagnostics.md, at a line (0-based) instead of an anchor. */
export function docsLineLink(href: string, line: number): string {
  return `${href.replace(/#.*$/, '')}#L${line + 1}`;
}

/** The anchor of the heading on `line` (0-based), if a heading starts there. */
export function anchorOnLine(headings: readonly { anchor: string; line: number }[], line: number): string | undefined {
  return headings.find((h) => h.line === line)?.anchor;
}
