// The preview's page: a fixed shell with no data in it (the tree arrives by message), a
// Content-Security-Policy from `default-src 'none'`, and one script allowed by its nonce.
// Pure, so the browser tests serve exactly the page the editor shows.
import { attr, pageStart } from '../page-head.js';

export interface PageResources {
  /** The webview's origin for local resources (`webview.cspSource`). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

export function previewHtml(r: PageResources): string {
  const head = pageStart([
    `style-src ${r.cspSource}`,
    `font-src ${r.cspSource}`,
    // The PNG export draws the SVG through an <img> from a blob: URL.
    `img-src ${r.cspSource} blob: data:`,
    `script-src 'nonce-${r.nonce}'`,
  ], 'Decision Tree');
  return `${head}
<link rel="stylesheet" href="${attr(r.styleUri)}">
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Decision tree">
  <label class="picker" hidden>Decision <select id="decision"></select></label>
  <span id="title" class="title"></span>
  <span class="spacer"></span>
  <button id="zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">&#x2212;</button>
  <button id="zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button id="fit" type="button" title="Fit to view (0)">Fit</button>
  <button id="export-svg" type="button" title="Export as SVG">SVG&#x2026;</button>
  <button id="export-png" type="button" title="Export as PNG">PNG&#x2026;</button>
</div>
<div id="banner" role="status" hidden></div>
<div id="population" hidden><span id="population-text"></span> <button id="outside" type="button" title="What the rules give the patients outside this population">Outside&#x2026;</button></div>
<div id="viewport" tabindex="0" aria-label="Decision tree; drag or use the arrow keys to pan, + and - to zoom, 0 to fit">
  <div id="empty" hidden></div>
</div>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${attr(r.nonce)}" src="${attr(r.scriptUri)}"></script>
</body>
</html>
`;
}
