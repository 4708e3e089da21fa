// Where a diagnostic's code links to. The server links each code to its entry in
// docs/diagnostics.md (`file:///…/docs/diagnostics.md#unresolved-name`), which the editor
// would open as raw Markdown at line 1, the anchor ignored. The client points the link at
// the extension instead (`<scheme>://guideline-tools.guideline/diagnostics#unresolved-name`,
// handled by its UriHandler), which shows the page rendered, at the entry. Pure strings, so
// it is tested without an editor.

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
