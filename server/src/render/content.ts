// What each box of the picture says, broken into measured lines: a split names its
// attribute; a leaf lists its recommendations with their grading; a branch shows its values.
import type { LeafNode, SplitNode, TreeNode } from '../protocol.js';
import { gradingParts, leafFlag, verbPhrase } from './labels.js';
import { fonts, lineHeight, wrap, type Measure, type TextStyle } from './text.js';

/** A colour role for text; the palette maps it to a colour. */
export type Tone = 'text' | 'muted' | 'accent' | 'for' | 'against' | 'gap' | 'conflict';

export interface Span {
  text: string;
  style: TextStyle;
  tone: Tone;
}

export interface Line {
  spans: Span[];
  /** The line's height in pixels (from its largest font). */
  height: number;
}

/** A run of lines; a leaf has one per recommendation, so each can be clicked on its own. */
export interface Section {
  lines: Line[];
  /** Index into the leaf's recommendations. */
  recommendation?: number;
  /** Draw a rule above this section. */
  separator: boolean;
}

export interface Content {
  sections: Section[];
  width: number;
  height: number;
}

export const padding = { x: 10, y: 8, section: 6 };
export const maxWidth = { split: 220, leaf: 280, edge: 150 };
const minWidth = { split: 90, leaf: 150 };

function line(spans: Span[]): Line {
  return { spans, height: Math.max(...spans.map((s) => fonts[s.style].size)) * lineHeight };
}

function lines(text: string, style: TextStyle, tone: Tone, width: number, measure: Measure, maxLines?: number): Line[] {
  return wrap(text, style, width, measure, maxLines).map((t) => line([{ text: t, style, tone }]));
}

function splitSections(node: SplitNode, measure: Measure): Section[] {
  const inner = maxWidth.split - 2 * padding.x;
  const out = lines(node.attribute, 'attribute', 'accent', inner, measure);
  if (node.attributeLabel) out.push(...lines(node.attributeLabel, 'description', 'muted', inner, measure, 2));
  return [{ lines: out, separator: false }];
}

function leafSections(node: LeafNode, measure: Measure): Section[] {
  const inner = maxWidth.leaf - 2 * padding.x;
  const sections: Section[] = [];
  const flag = leafFlag(node);
  if (flag) sections.push({ lines: lines(flag, 'flag', node.conflict ? 'conflict' : 'gap', inner, measure), separator: false });
  node.recommendations.forEach((rec, i) => {
    const tone: Tone = rec.against ? 'against' : 'for';
    const verb = verbPhrase(rec);
    // The verb leads the first line; the intervention continues it and wraps below.
    const intervention = rec.intervention.split(/\s+/).filter((w) => w.length > 0).join(' ');
    const first = wrap(intervention, 'intervention', inner - measure(`${verb} `, 'verb'), measure)[0] ?? '';
    const rest = intervention.slice(first.length).trim();
    const out: Line[] = [line([{ text: first ? `${verb} ` : verb, style: 'verb', tone }, { text: first, style: 'intervention', tone: 'text' }])];
    if (rest) out.push(...lines(rest, 'intervention', 'text', inner, measure, 3));
    out.push(...lines(gradingParts(rec).join(' · '), 'meta', 'muted', inner, measure));
    sections.push({ lines: out, recommendation: i, separator: i > 0 || flag !== undefined });
  });
  if (sections.length === 0) sections.push({ lines: lines('No recommendation', 'meta', 'muted', inner, measure), separator: false });
  if (node.truncated) sections.push({ lines: lines('⋯ Cut short at the size limit: more rules apply in part here', 'meta', 'muted', inner, measure), separator: true });
  return sections;
}

/** The lines of a node, measured; the width is the widest line plus padding. */
export function nodeContent(node: TreeNode, measure: Measure): Content {
  const sections = node.kind === 'split' ? splitSections(node, measure) : leafSections(node, measure);
  let width = 0;
  let height = 2 * padding.y;
  sections.forEach((section, i) => {
    if (i > 0) height += 2 * padding.section;
    for (const l of section.lines) {
      width = Math.max(width, l.spans.reduce((w, s) => w + measure(s.text, s.style), 0));
      height += l.height;
    }
  });
  const min = node.kind === 'split' ? minWidth.split : minWidth.leaf;
  return { sections, width: Math.ceil(Math.max(min, width + 2 * padding.x)), height: Math.ceil(height) };
}

/** A branch label, wrapped. */
export function edgeContent(label: string, measure: Measure): Content {
  const out = lines(label, 'edge', 'text', maxWidth.edge, measure, 3);
  const width = Math.max(0, ...out.map((l) => measure(l.spans[0].text, 'edge')));
  const height = out.reduce((h, l) => h + l.height, 0);
  return { sections: [{ lines: out, separator: false }], width: Math.ceil(width + 8), height: Math.ceil(height + 4) };
}
