// An open document as the editor's incremental changes make it, at a cost that does not
// grow with its length. The protocol library's document puts each change into one new
// string and reads a character of it, which makes V8 copy the whole text: 7 to 9 ms a
// keystroke in a 5 MB file, and a burst of edits waited for one copy of the text per edit.
// Here the text is kept as pieces (slices of the text as opened, and what was typed), and
// a change splits at most two pieces; the text is joined from them when it is read, as V8
// joins strings, without copying, until something reads its characters. The line starts
// are kept up to date as the library keeps them. Behaves as the library's document does
// for every change within the text (test/server/edited-document.test.ts checks it against
// the library), and keeps its lines whole for positions past the end, where the library's
// do not.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lineAt, lineStarts } from '../model/line-index.js';

/** Past this many pieces they are joined into one, so finding a position stays short. */
const maxPieces = 256;

export class EditedDocument implements TextDocument {
  private pieces: string[];
  private length: number;
  /** The text as the pieces give it, until the next change. */
  private joined: string | undefined;
  /** Where each line starts; undefined when a change joined or parted a `\r\n` (found again from the text). */
  private starts: number[] | undefined;

  constructor(readonly uri: string, readonly languageId: string, public version: number, content: string) {
    this.pieces = content.length > 0 ? [content] : [];
    this.length = content.length;
    this.joined = content;
    // Found at once, while the text is in one piece: at the first change they would be the
    // first keystroke's cost (about 10 ms in a 5 MB file).
    this.starts = lineStarts(content);
  }

  getText(range?: Range): string {
    const text = (this.joined ??= this.pieces.reduce((all, piece) => all + piece, ''));
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const starts = this.lines();
    const line = lineAt(starts, offset);
    return { line, character: this.beforeLineEnd(offset, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lines();
    if (position.line >= starts.length) return this.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.length;
    return this.beforeLineEnd(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    const starts = this.lines();
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - starts[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const next = line + 1 < starts.length ? starts[line + 1] : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineEnd(next, starts[line]) - starts[line] } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lines();
    if (line >= starts.length || line < 0) return '';
    const next = line + 1 < starts.length ? starts[line + 1] : this.length;
    let out = '';
    for (let i = this.beforeLineEnd(next, starts[line]); i < next; i++) out += String.fromCharCode(this.charCodeAt(i));
    return out;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range !== undefined) this.replace(wellFormed(change.range), change.text);
      else this.reset(change.text);
    }
    this.version = version;
  }

  private reset(text: string): void {
    this.pieces = text.length > 0 ? [text] : [];
    this.length = text.length;
    this.joined = text;
    this.starts = undefined;
  }

  private replace(range: Range, text: string): void {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    const before = this.cut(start);
    const after = this.cut(end);
    this.pieces.splice(before, after - before, ...(text.length > 0 ? [text] : []));
    this.length += text.length - (end - start);
    this.joined = undefined;
    if (this.pieces.length > maxPieces) this.reset(this.getText());
    const insertedEnd = start + text.length;
    // A `\r\n` made or parted at either edge changes the lines around it: found again from the text.
    if ((this.charCodeAt(start - 1) === 13 && this.charCodeAt(start) === 10) || (this.charCodeAt(insertedEnd - 1) === 13 && this.charCodeAt(insertedEnd) === 10)) {
      this.starts = undefined;
      return;
    }
    const starts = this.starts;
    if (!starts) return;
    // The lines of the offsets, not of the range: a position past the last line (which the
    // library's document takes as written, leaving holes in its line starts) is at the end.
    const startLine = lineAt(starts, start);
    const endLine = lineAt(starts, end);
    const added = lineStarts(text, start, false);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) starts[i + startLine + 1] = added[i];
    } else {
      this.starts = starts.slice(0, startLine + 1).concat(added, starts.slice(endLine + 1));
    }
    const diff = text.length - (end - start);
    if (diff !== 0) {
      const shifted = this.starts!;
      for (let i = startLine + 1 + added.length; i < shifted.length; i++) shifted[i] += diff;
    }
  }

  /** Splits the pieces at `offset`; the index of the first piece at or after it. */
  private cut(offset: number): number {
    let at = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      const piece = this.pieces[i];
      if (offset === at) return i;
      if (offset < at + piece.length) {
        this.pieces.splice(i, 1, piece.slice(0, offset - at), piece.slice(offset - at));
        return i + 1;
      }
      at += piece.length;
    }
    return this.pieces.length;
  }

  /** The character code at `offset`, read from its piece (NaN outside the text), so the joined text is not made for it. */
  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    let at = 0;
    for (const piece of this.pieces) {
      if (offset < at + piece.length) return piece.charCodeAt(offset - at);
      at += piece.length;
    }
    return NaN;
  }

  private beforeLineEnd(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineEnd(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private lines(): number[] {
    return (this.starts ??= lineStarts(this.getText()));
  }
}

/** The protocol library's document configuration, for `TextDocuments`. */
export const editedDocuments = {
  create: (uri: string, languageId: string, version: number, content: string): EditedDocument => new EditedDocument(uri, languageId, version, content),
  update: (document: EditedDocument, changes: TextDocumentContentChangeEvent[], version: number): EditedDocument => {
    document.update(changes, version);
    return document;
  },
};

const isLineEnd = (code: number): boolean => code === 13 || code === 10;

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
