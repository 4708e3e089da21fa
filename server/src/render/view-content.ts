// What each box of the reviewer's view says, compact enough that the whole skeleton reads
// at the panel's default zoom: the branch that leads in (small, on top), the question or
// the recommendations one line each ("↑↑ Conversion therapy  S1 ⊕⊕◯◯"), the conditional
// additions one line each, and a fold/unfold mark. The full wording is in the box's title.
import type { LeafRecommendation, ViewNode } from '../protocol.js';
import type { Content, Line, Section, Span, Tone } from './content.js';
import { gradingSymbols, interventionWords, strengthArrows } from './labels.js';
import { lowerFirst } from './words.js';
import { ellipsize, fonts, lineHeight, wrap, type Measure, type TextStyle } from './text.js';
import { recommendationText, additionText } from './view-text.js';

export const boxPadding = { x: 8, y: 5, section: 2 };
export const boxWidth = { question: 140, outcome: 240, marker: 120 };

function line(spans: Span[]): Line {
  return { spans, height: Math.max(...spans.map((s) => fonts[s.style].size)) * lineHeight };
}

function text(t: string, style: TextStyle, tone: Tone, width: number, measure: Measure, maxLines = 2): Line[] {
  return wrap(t, style, width, measure, maxLines).map((x) => line([{ text: x, style, tone }]));
}

/** "↑↑ Conversion therapy" then the grading symbols, on one line. */
function recLine(rec: LeafRecommendation, width: number, measure: Measure): Line {
  const grade = ` ${gradingSymbols(rec).replace(`${strengthArrows(rec)} `, '')}`;
  const tone: Tone = rec.against ? 'against' : 'for';
  const arrows = `${strengthArrows(rec)} `;
  const what = rec.against ? `Against ${lowerFirst(interventionWords(rec))}` : interventionWords(rec);
  const room = width - measure(arrows, 'verb') - measure(grade, 'meta');
  const shown = measure(what, 'intervention') <= room ? what : ellipsize(what, 'intervention', room, measure);
  return line([
    { text: arrows, style: 'verb', tone },
    { text: shown, style: 'intervention', tone: 'text' },
    { text: grade, style: 'meta', tone: 'muted' },
  ]);
}

export interface ViewContent extends Content {
  /** The recommendations in the order their rows carry `recommendation` indexes. */
  recs: LeafRecommendation[];
  /** The box's full wording, for its title and accessibility label. */
  label: string;
}

export function viewContent(v: ViewNode, measure: Measure, foldable: 'unfold' | 'fold' | undefined): ViewContent {
  const width = v.kind === 'question' ? boxWidth.question : v.kind === 'marker' ? boxWidth.marker : boxWidth.outcome;
  const inner = width - 2 * boxPadding.x;
  const sections: Section[] = [];
  const recs: LeafRecommendation[] = [];
  const words: string[] = [];
  const head: Line[] = [];
  if (v.branch !== undefined) {
    const mark = foldable === 'unfold' ? '  ⊞ unfold' : foldable === 'fold' ? '  ⊟ fold' : '';
    head.push(...text(`${v.branch}${mark}`, 'edge', 'muted', inner, measure, 1));
    words.push(`${v.branch}:`);
  } else if (foldable) head.push(...text(foldable === 'unfold' ? '⊞ unfold' : '⊟ fold', 'edge', 'muted', inner, measure, 1));
  if (v.kind === 'question') {
    const q = `${v.marker ? `[${v.marker}] ` : ''}${v.question ?? v.attribute ?? ''}`;
    head.push(...text(q, 'attribute', 'accent', inner, measure, 3));
    words.push(q);
  } else if (v.kind === 'marker') {
    head.push(...text(`→ as in box ${v.marker ?? ''}`, 'attribute', 'accent', inner, measure, 2));
    words.push(`as in box ${v.marker ?? ''}`);
  }
  if (v.conflict) head.push(...text('⚠ Conflict: recommended for and against', 'flag', 'conflict', inner, measure, 2));
  if (v.gap) head.push(...text('⚠ No recommendation for these patients', 'flag', 'gap', inner, measure, 2));
  if (v.truncated) head.push(...text('⋯ Cut short at the size limit', 'meta', 'muted', inner, measure, 1));
  if (head.length > 0) sections.push({ lines: head, separator: false });
  v.recommendations.forEach((rec) => {
    // In a narrow question box, what holds for everyone below wraps rather than being cut.
    const band = `▸ ${strengthArrows(rec)} ${lowerFirst(interventionWords(rec))} · ${gradingSymbols(rec).replace(`${strengthArrows(rec)} `, '')}`;
    const lines = v.kind === 'question' ? text(band, 'description', rec.against ? 'against' : 'for', inner, measure, 3) : [recLine(rec, inner, measure)];
    sections.push({ lines, recommendation: recs.length, separator: false });
    recs.push(rec);
    words.push(recommendationText(rec));
  });
  for (const a of v.additions) {
    const first = a.recommendations[0];
    const names = a.recommendations.map((r) => `${strengthArrows(r)} ${interventionWords(r)}`).join(', ');
    const when = a.conditions.join(', ');
    const summary = `+ ${names} ${when.startsWith('depending on') ? when : `if ${when}`}`;
    const lines = wrap(summary, 'description', inner, measure, 1).map((t) => line([{ text: t, style: 'description', tone: first.against ? 'against' : 'text' }]));
    sections.push({ lines, recommendation: recs.length, separator: false });
    recs.push(first);
    words.push(`+ ${additionText(a)}`);
  }
  if (v.kind === 'outcome' && v.recommendations.length === 0 && v.additions.length === 0 && !v.gap) {
    sections.push({ lines: text('nothing more', 'description', 'muted', inner, measure, 1), separator: false });
  }
  let height = 2 * boxPadding.y;
  sections.forEach((s, i) => {
    if (i > 0) height += 2 * boxPadding.section;
    for (const l of s.lines) height += l.height;
  });
  return { sections, width, height: Math.ceil(height), recs, label: words.join(' ') };
}
