// SVG as a string, for the command line and the preview's export. Every attribute value
// and text is escaped; element and attribute names come from paint.ts, never from input.
import type { DecisionTreeResult } from '../protocol.js';
import type { Span } from './content.js';
import type { SvgElement } from './element.js';
import { layoutTree } from './layout.js';
import { defaultFontFamily, paintScene } from './paint.js';
import { lightPalette, type Palette } from './palette.js';
import type { Measure } from './text.js';
import { layoutView, type Direction } from './view-layout.js';
import { paintView, printHeading, printPalette } from './view-paint.js';
import { emptyText } from './view-text.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const xmlForbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF and lone surrogates) are
  // dropped rather than escaped: no character reference can stand for them either.
  return text.replace(xmlForbidden, '').replace(/[&<>"']/g, (c) => escapes[c]);
}

export function serializeSvg(root: SvgElement, indent = ''): string {
  const attrs = Object.entries(root.attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  if (root.children.length === 0) return `${indent}<${root.tag}${attrs}/>`;
  // Text-bearing elements stay on one line so no stray whitespace joins the text.
  if (root.tag === 'text' || root.tag === 'tspan' || root.tag === 'title') {
    const inner = root.children.map((c) => (typeof c === 'string' ? escapeXml(c) : serializeSvg(c))).join('');
    return `${indent}<${root.tag}${attrs}>${inner}</${root.tag}>`;
  }
  const inner = root.children.map((c) => (typeof c === 'string' ? indent + escapeXml(c) : serializeSvg(c, `${indent}  `))).join('\n');
  return `${indent}<${root.tag}${attrs}>\n${inner}\n${indent}</${root.tag}>`;
}

/** The heading a standalone picture carries: the decision's title, and a note on errors. */
export function treeHeading(result: DecisionTreeResult): Span[] {
  const spans: Span[] = [];
  const d = result.decision;
  if (d) spans.push({ text: d.title ? `${d.title} (${d.name})` : d.name, style: 'attribute', tone: 'text' });
  if (result.hasErrors) spans.push({ text: '⚠ The file has errors: the tree shows what parses.', style: 'flag', tone: 'conflict' });
  if (result.truncated) spans.push({ text: 'The tree reached its size limit: some leaves are cut short.', style: 'description', tone: 'muted' });
  if (!result.tree) spans.push({ text: 'No rules to draw: the file has no rules in scope.', style: 'description', tone: 'muted' });
  return spans;
}

export interface SvgOptions {
  /** Unfold every folded box. */
  detail?: boolean;
  palette?: Palette;
  measure?: Measure;
  fontFamily?: string;
}

/** What a printed view's heading says beyond the title: errors, size notes, an empty tree. */
export function viewNotes(result: DecisionTreeResult): string[] {
  return [
    result.hasErrors ? '⚠ The file has errors: the tree shows the rules that could be analysed.' : undefined,
    result.view?.folded.note,
    result.view?.root ? undefined : emptyText(result),
  ].filter((n): n is string => n !== undefined);
}

/** The reviewer's view as a standalone SVG document, as the preview's default view shows it, in the print palette. */
export async function renderViewSvg(result: DecisionTreeResult, options: SvgOptions & { direction?: Direction } = {}): Promise<string> {
  const view = result.view!;
  const scene = await layoutView(view.root, { direction: options.direction, detail: options.detail, measure: options.measure });
  const root = paintView(scene, {
    palette: options.palette ?? printPalette,
    fontFamily: options.fontFamily ?? defaultFontFamily,
    background: true,
    interactive: false,
    titles: true,
    heading: printHeading(view.title, view.population?.text, viewNotes(result)),
    measure: options.measure,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(root)}\n`;
}

/** The decision tree as a standalone SVG document (light colours unless told otherwise). */
export async function renderTreeSvg(result: DecisionTreeResult, options: SvgOptions = {}): Promise<string> {
  if (result.view) return renderViewSvg(result, options);
  const scene = await layoutTree(result.tree, options.measure);
  const root = paintScene(scene, {
    palette: options.palette ?? lightPalette,
    fontFamily: options.fontFamily ?? defaultFontFamily,
    background: true,
    interactive: false,
    titles: true,
    heading: treeHeading(result),
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(root)}\n`;
}
