// What a hover's Markdown may contain, checked by parsing it the way a Markdown renderer
// does (markdown-it, CommonMark with linkify as editors render bare URLs): no image, no
// raw HTML, and links only to doi.org or PubMed with a fully encoded value.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const md = new MarkdownIt({ html: true, linkify: true });

const allowedLinks = [
  // A DOI, percent-encoded: no character that could end or nest a Markdown link.
  /^https:\/\/doi\.org\/[A-Za-z0-9%._/-]+$/,
  /^https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/$/,
];

/** Problems in a piece of hover Markdown; empty when it is safe. */
export function hoverLinkProblems(markdown: string): string[] {
  const problems: string[] = [];
  const stack: Token[] = [...md.parse(markdown, {})];
  for (let t = stack.pop(); t; t = stack.pop()) {
    if (t.children) stack.push(...t.children);
    if (t.type === 'image') problems.push(`an image (${t.attrGet('src') ?? ''})`);
    if (t.type === 'html_inline' || t.type === 'html_block') problems.push(`raw HTML ${JSON.stringify(t.content.slice(0, 60))}`);
    if (t.type === 'link_open') {
      const href = t.attrGet('href') ?? '';
      if (!allowedLinks.some((re) => re.test(href))) problems.push(`a link to ${JSON.stringify(href.slice(0, 80))}`);
    }
  }
  return problems;
}
