// Text in the decision-tree picture: the type styles, a width estimate that needs no DOM
// (so the command line lays out exactly as it draws), and word wrapping.

export type TextStyle = 'attribute' | 'description' | 'verb' | 'intervention' | 'meta' | 'flag' | 'edge';

export interface FontSpec {
  size: number;
  bold: boolean;
}

// At least 13 px: the default view fits the sample's roadmap in a 1400 x 900 panel at about
// 0.86, and its smallest text must still read at 11 px or more there.
export const fonts: Record<TextStyle, FontSpec> = {
  attribute: { size: 14, bold: true },
  description: { size: 13, bold: false },
  verb: { size: 13, bold: true },
  intervention: { size: 13, bold: false },
  meta: { size: 13, bold: false },
  flag: { size: 13, bold: true },
  edge: { size: 13, bold: false },
};

/** Line height as a multiple of the font size. */
export const lineHeight = 1.3;

/** Width in pixels of `text` set in `style`. The webview passes one that asks the browser. */
export type Measure = (text: string, style: TextStyle) => number;

// Advance widths of a Helvetica-like sans (the metrics Arial and Liberation Sans share),
// in thousandths of an em, for the printable ASCII range 32..126.
const ascii = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space .. /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 .. ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ .. O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P .. _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` .. o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p .. ~
];

function charEm(code: number): number {
  if (code >= 32 && code <= 126) return ascii[code - 32] / 1000;
  if (code === 0x2295 || code === 0x25ef) return 0.9; // GRADE's ⊕ and ◯
  if (code >= 0x2190 && code <= 0x21ff) return 0.85; // arrows
  if (code >= 0x2e80) return 1; // CJK and other wide scripts
  return 0.6;
}

/** A DOM-free estimate; bold text runs about 8% wider. */
export const estimateWidth: Measure = (text, style) => {
  const font = fonts[style];
  let em = 0;
  for (const ch of text) em += charEm(ch.codePointAt(0) ?? 32);
  return em * font.size * (font.bold ? 1.08 : 1);
};

/**
 * Greedy word wrap to `maxWidth`; a word longer than a line is cut. With `maxLines`, the
 * last line kept ends in an ellipsis when text was dropped.
 */
export function wrap(text: string, style: TextStyle, maxWidth: number, measure: Measure, maxLines = Infinity): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    // Past the last line kept, the rest would only be dropped: stop measuring it.
    if (lines.length > maxLines) break;
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate, style) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (measure(current, style) > maxWidth && current.length > 1) {
      const cut = fitPrefix(current, style, maxWidth, measure);
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current && lines.length <= maxLines) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1], style, maxWidth, measure);
  return kept;
}

/** Shortens `text` until it and an ellipsis fit. */
export function ellipsize(text: string, style: TextStyle, maxWidth: number, measure: Measure): string {
  const chars = Array.from(text); // whole code points: never half a surrogate pair
  while (chars.length > 0 && measure(`${chars.join('')}…`, style) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** How many UTF-16 units of `word` fit, cutting between code points. */
function fitPrefix(word: string, style: TextStyle, maxWidth: number, measure: Measure): number {
  const chars = Array.from(word);
  let n = 1;
  while (n < chars.length && measure(chars.slice(0, n + 1).join(''), style) <= maxWidth) n++;
  return chars.slice(0, n).join('').length;
}
