// Characters that are not part of the language, explained where the writer's intent is
// plain: `#` for a comment, curly or single quotes for a string, `;` from other languages.
// None has a quick fix: each changes how the rest of the line reads, which is the writer's
// to decide.
import type { SyntaxError } from './ast.js';

function describe(text: string, offset: number, length: number): Omit<SyntaxError, 'code'> {
  const char = text.slice(offset, offset + length);
  const span = { start: offset, end: offset + length };
  switch (char) {
    case '#':
      return { message: 'A comment starts with `//`, not `#`', span };
    case ';':
      return { message: 'No `;` is needed: a field or rule ends where the next one starts', span };
    case '[':
    case ']':
      return { message: 'A set is written in braces: `in { a, b }`', span };
    case "'":
      return { message: 'A string is written in double quotes: `"…"`', span };
    case '\u2018':
    case '\u2019':
    case '\u201c':
    case '\u201d':
      return { message: 'Write straight double quotes `"`, not curly ones', span };
    default:
      return { message: `Unexpected character${length > 1 ? 's' : ''} ${JSON.stringify(char.length > 20 ? char.slice(0, 20) + '…' : char)}`, span };
  }
}

export function unknownCharacter(text: string, offset: number, length: number): SyntaxError {
  return { code: 'unknown-character', ...describe(text, offset, length) };
}

// Curly quotes only: a single quote is common in pasted code, where pairing them by line
// would make a line break between two of them bring an error into view.
const quotes = '\u2018\u2019\u201c\u201d';

/** The lexer's errors, explained; a closing curly quote after an opening one on its line is the same mistake. */
export function unknownCharacters(text: string, errors: readonly { offset: number; length: number }[]): SyntaxError[] {
  const out: SyntaxError[] = [];
  let lastQuoteLine = -2;
  for (const e of errors) {
    const char = text.slice(e.offset, e.offset + e.length);
    const line = text.lastIndexOf('\n', e.offset - 1);
    if (char.length === 1 && quotes.includes(char)) {
      if (line === lastQuoteLine) {
        lastQuoteLine = -2;
        continue;
      }
      lastQuoteLine = line;
    }
    out.push(unknownCharacter(text, e.offset, e.length));
  }
  return out;
}
