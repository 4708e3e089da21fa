// The summary of recommendations written out as Markdown, HTML and Word. Every piece of user
// text goes through the format's own escaping (Markdown's backslashes, HTML's entities, the
// docx library's XML), the HTML has no script and forbids any by its content policy, and the
// trees are pictures: SVG files (or data URIs) for Markdown and HTML, PNG for Word.
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { escapeXml } from '../../render/svg.js';
import { doiUrl, pubmedUrl } from '../links.js';
import type { ExportNote } from './notes.js';
import { citationMark, type Summary, type SummaryReference, type SummaryStatement } from './summary.js';

export interface DocumentFiles {
  /** The document first, then its pictures (Markdown with separate images). */
  files: [string, string | Uint8Array][];
  notes: ExportNote[];
}

const doiLink = doiUrl;
const pmidLink = pubmedUrl;
const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

function statementHeading(s: SummaryStatement): string {
  return `${s.number}. Statement ${s.id}${s.title ? `: ${s.title}` : ''}`;
}

function referenceLine(r: SummaryReference): string {
  return `${r.citation}${r.doi ? ` doi:${r.doi}` : ''}${r.pmid ? ` PMID: ${r.pmid}` : ''}`;
}

const statusNote = (s: SummaryStatement): string | undefined => (s.status === 'adopted' ? undefined : `Status: ${s.status}`);

// ---- Markdown -------------------------------------------------------------------------

/** Text as Markdown text: the characters that open markup backslashed, and a paragraph that would start a list kept from it. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>&|~!#]/g, (c) => `\\${c}`).replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
}

/** Markdown, the trees as SVG files beside it (`imageDir` given) or as data URIs. */
export function markdownDocument(summary: Summary, stem: string, separateImages: boolean): DocumentFiles {
  const e = escapeMarkdown;
  const paragraphs = (text: string): string[] => text.split('\n\n').map((p) => e(p));
  const out: string[] = [`# ${e(summary.title)}`, ''];
  if (summary.doi) out.push(`DOI: [${e(summary.doi)}](<${doiLink(summary.doi)}>)`, '');
  if (summary.panel) out.push(e(summary.panel), '');
  out.push('## Summary of recommendations', '');
  let section: string | undefined;
  for (const s of summary.statements) {
    if (s.section && s.section !== section) {
      section = s.section;
      out.push(`### ${e(s.section)}`, '');
    }
    out.push(`#### ${e(statementHeading(s))}`, '');
    if (s.text) out.push(...paragraphs(s.text).flatMap((p) => [`> ${p}`, '>']), '');
    if (out[out.length - 2] === '>') out.splice(out.length - 2, 1);
    out.push(`**${e(s.grading)}**${s.basis ? ` (${e(s.basis)})` : ''}  `);
    if (s.agreement) out.push(`${e(s.agreement)}${s.citations.length > 0 ? `  ` : ''}`);
    if (s.citations.length > 0) out.push(`References: ${e(citationMark(s.citations))}`);
    const status = statusNote(s);
    if (status) out.push('', `*${e(status)}*`);
    for (const r of s.remarks) out.push('', `*${e(r.label)}:* ${paragraphs(r.text).join('\n\n')}`);
    if (s.rules.length > 0) out.push('', ...s.rules.map((r) => `- \`${r.replace(/`/g, "'")}\``));
    out.push('');
  }
  if (summary.assumptions.length > 0) {
    out.push('## Assumptions', '', 'The recommendations consider only patients for whom these hold:', '', ...summary.assumptions.map((a) => `- \`${a.replace(/`/g, "'")}\``), '');
  }
  const images: [string, string][] = [];
  if (summary.trees.length > 0) {
    out.push('## Decision trees', '');
    for (const t of summary.trees) {
      const file = `${stem}-${t.name.replace(/[^A-Za-z0-9_-]+/g, '-')}.svg`;
      const target = separateImages ? file : `data:image/svg+xml;base64,${base64(t.svg)}`;
      if (separateImages) images.push([file, t.svg]);
      out.push(`### ${e(t.title)}`, '', `![${e(`Decision tree: ${t.title}`)}](<${target}>)`, '');
    }
  }
  if (summary.references.length > 0) {
    out.push('## References', '');
    for (const r of summary.references) {
      const links = [r.doi ? `[doi:${e(r.doi)}](<${doiLink(r.doi)}>)` : '', r.pmid ? `[PMID: ${e(r.pmid)}](<${pmidLink(r.pmid)}>)` : ''].filter((x) => x).join(' ');
      out.push(`${r.number}\\. ${e(r.citation)}${links ? ` ${links}` : ''}  `);
    }
    out.push('');
  }
  return { files: [[`${stem}.md`, out.join('\n')], ...images], notes: [] };
}

// ---- HTML -----------------------------------------------------------------------------

/** One HTML file, no script (and a content policy that allows none), the trees as data-URI images. */
export function htmlDocument(summary: Summary, stem: string): DocumentFiles {
  const h = escapeXml;
  const paragraphs = (text: string): string => text.split('\n\n').map((p) => `<p>${h(p)}</p>`).join('');
  const body: string[] = [`<h1>${h(summary.title)}</h1>`];
  if (summary.doi) body.push(`<p>DOI: <a href="${h(doiLink(summary.doi))}">${h(summary.doi)}</a></p>`);
  if (summary.panel) body.push(`<p>${h(summary.panel)}</p>`);
  body.push('<h2>Summary of recommendations</h2>');
  let section: string | undefined;
  for (const s of summary.statements) {
    if (s.section && s.section !== section) {
      section = s.section;
      body.push(`<h3>${h(s.section)}</h3>`);
    }
    body.push(`<section class="statement" id="statement-${h(s.id)}">`, `<h4>${h(statementHeading(s))}</h4>`);
    if (s.text) body.push(`<blockquote>${paragraphs(s.text)}</blockquote>`);
    body.push(`<p class="grading"><strong>${h(s.grading)}</strong>${s.basis ? ` (${h(s.basis)})` : ''}${s.agreement ? `<br>${h(s.agreement)}` : ''}</p>`);
    if (s.citations.length > 0) body.push(`<p class="cites">References: ${s.citations.map((n) => `<a href="#ref-${n}">${n}</a>`).join(', ')}</p>`);
    const status = statusNote(s);
    if (status) body.push(`<p class="status"><em>${h(status)}</em></p>`);
    for (const r of s.remarks) body.push(`<div class="remark"><em>${h(r.label)}:</em>${paragraphs(r.text)}</div>`);
    if (s.rules.length > 0) body.push(`<ul class="rules">${s.rules.map((r) => `<li><code>${h(r)}</code></li>`).join('')}</ul>`);
    body.push('</section>');
  }
  if (summary.assumptions.length > 0) {
    body.push('<h2>Assumptions</h2>', '<p>The recommendations consider only patients for whom these hold:</p>', `<ul class="assumptions">${summary.assumptions.map((a) => `<li><code>${h(a)}</code></li>`).join('')}</ul>`);
  }
  if (summary.trees.length > 0) {
    body.push('<h2>Decision trees</h2>');
    for (const t of summary.trees) {
      body.push(`<figure><img alt="${h(`Decision tree: ${t.title}`)}" src="data:image/svg+xml;base64,${base64(t.svg)}"><figcaption>${h(t.title)}</figcaption></figure>`);
    }
  }
  if (summary.references.length > 0) {
    body.push('<h2>References</h2>', '<ol class="references">');
    for (const r of summary.references) {
      const links = [r.doi ? ` <a href="${h(doiLink(r.doi))}">doi:${h(r.doi)}</a>` : '', r.pmid ? ` <a href="${h(pmidLink(r.pmid))}">PMID: ${h(r.pmid)}</a>` : ''].join('');
      body.push(`<li id="ref-${r.number}" value="${r.number}">${h(r.citation)}${links}</li>`);
    }
    body.push('</ol>');
  }
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${h(summary.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48em;margin:2em auto;line-height:1.5}blockquote{border-left:3px solid #999;margin-left:0;padding-left:1em}figure img{max-width:100%}code{font-size:.9em}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
  return { files: [[`${stem}.html`, html]], notes: [] };
}

// ---- Word -----------------------------------------------------------------------------

interface Png {
  data: Uint8Array;
  width: number;
  height: number;
}

/** The SVG as PNG through resvg, where its native module is installed; undefined otherwise. */
async function svgToPng(svg: string): Promise<Png | undefined> {
  try {
    const { Resvg } = (await import('@resvg/resvg-js')) as typeof import('@resvg/resvg-js');
    const rendered = new Resvg(svg, { fitTo: { mode: 'width', value: 1600 }, font: { loadSystemFonts: true } }).render();
    return { data: rendered.asPng(), width: rendered.width, height: rendered.height };
  } catch {
    return undefined;
  }
}

/** A .docx through the docx library, which writes all text as XML text. */
export async function docxDocument(summary: Summary, stem: string): Promise<DocumentFiles> {
  const notes: ExportNote[] = [];
  const children: Paragraph[] = [new Paragraph({ text: summary.title, heading: HeadingLevel.TITLE })];
  if (summary.doi) children.push(new Paragraph({ text: `DOI: ${summary.doi}` }));
  if (summary.panel) children.push(new Paragraph({ text: summary.panel }));
  children.push(new Paragraph({ text: 'Summary of recommendations', heading: HeadingLevel.HEADING_1 }));
  let section: string | undefined;
  for (const s of summary.statements) {
    if (s.section && s.section !== section) {
      section = s.section;
      children.push(new Paragraph({ text: s.section, heading: HeadingLevel.HEADING_2 }));
    }
    children.push(new Paragraph({ text: statementHeading(s), heading: HeadingLevel.HEADING_3 }));
    if (s.text) for (const p of s.text.split('\n\n')) children.push(new Paragraph({ children: [new TextRun({ text: p, italics: true })], indent: { left: 400 } }));
    children.push(new Paragraph({ children: [new TextRun({ text: s.grading, bold: true }), new TextRun({ text: s.basis ? ` (${s.basis})` : '' })] }));
    if (s.agreement) children.push(new Paragraph({ text: s.agreement }));
    if (s.citations.length > 0) children.push(new Paragraph({ text: `References: ${citationMark(s.citations)}` }));
    const status = statusNote(s);
    if (status) children.push(new Paragraph({ children: [new TextRun({ text: status, italics: true })] }));
    for (const r of s.remarks) children.push(new Paragraph({ children: [new TextRun({ text: `${r.label}: `, italics: true }), new TextRun({ text: r.text.replace(/\n\n/g, ' ') })] }));
    for (const r of s.rules) children.push(new Paragraph({ children: [new TextRun({ text: r, font: 'Consolas', size: 18 })], bullet: { level: 0 } }));
  }
  if (summary.assumptions.length > 0) {
    children.push(new Paragraph({ text: 'Assumptions', heading: HeadingLevel.HEADING_1 }));
    children.push(new Paragraph({ text: 'The recommendations consider only patients for whom these hold:' }));
    for (const a of summary.assumptions) children.push(new Paragraph({ children: [new TextRun({ text: a, font: 'Consolas', size: 18 })], bullet: { level: 0 } }));
  }
  if (summary.trees.length > 0) {
    children.push(new Paragraph({ text: 'Decision trees', heading: HeadingLevel.HEADING_1 }));
    for (const t of summary.trees) {
      children.push(new Paragraph({ text: t.title, heading: HeadingLevel.HEADING_2 }));
      const png = await svgToPng(t.svg);
      if (!png) {
        notes.push({ kind: 'tree-image-missing', message: `The decision tree \`${t.name}\` is not in the Word file: drawing it needs @resvg/resvg-js, which is not installed here` });
        continue;
      }
      const width = 600;
      children.push(new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type: 'png', data: png.data, transformation: { width, height: Math.round((png.height / png.width) * width) }, altText: { name: t.name, title: t.title, description: `Decision tree: ${t.title}` } })],
      }));
    }
  }
  if (summary.references.length > 0) {
    children.push(new Paragraph({ text: 'References', heading: HeadingLevel.HEADING_1 }));
    for (const r of summary.references) children.push(new Paragraph({ text: `${r.number}. ${referenceLine(r)}` }));
  }
  const doc = new Document({ title: summary.title, creator: 'guideline', sections: [{ children }] });
  const buffer = await Packer.toBuffer(doc);
  return { files: [[`${stem}.docx`, new Uint8Array(buffer)]], notes };
}
