// Offsets <-> line/character positions (UTF-16, as LSP counts them). Built once per text.
import type { Span } from '../../../grammar/src/index.js';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  private found: number[] | undefined;

  /**
   * The lines are found when first asked for: an editor's text may be held as pieces
   * (lsp/edited-document.ts) that reading it joins, and a file over the size limit is only
   * ever asked about its start.
   */
  constructor(private readonly text: string) {}

  private get starts(): number[] {
    return (this.found ??= lineStarts(this.text));
  }

  position(offset: number): Position {
    if (offset <= 0) return { line: 0, character: 0 };
    const o = Math.min(offset, this.text.length);
    const line = lineAt(this.starts, o);
    return { line, character: o - this.starts[line] };
  }

  offset(position: Position): number {
    if (position.line < 0 || (position.line === 0 && position.character <= 0)) return 0;
    const starts = this.starts;
    if (position.line >= starts.length) return this.text.length;
    const lineStart = starts[position.line];
    const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/**
 * Where the lines after each line end of `text` start (`\n`, `\r\n` and a lone `\r` each end
 * one), counted from `offset`, with `offset` itself first when `atLineStart`.
 */
export function lineStarts(text: string, offset = 0, atLineStart = true): number[] {
  const starts = atLineStart ? [offset] : [];
  if (text.indexOf('\r') < 0) {
    // Most texts end lines with `\n` alone, found by the string search rather than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(offset + i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(offset + i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(offset + i + 1);
    }
  }
  return starts;
}

/** The line an offset is on, by the lines' starts: the last that starts at or before it. */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
