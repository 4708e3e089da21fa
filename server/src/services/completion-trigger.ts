// When a list may open by itself. A list the user asks for (Ctrl+Space, or typing a word)
// always opens; one that a typed space, `=` or `,` would open only where it names what must
// come next. After a complete value (`65 `, `"IU/mL" `, `) `) or where only keywords could
// follow (`{`, `basis evidence `), an open list would turn the next Enter into an item
// nobody asked for.
import type { AssistToken } from '../../../grammar/src/index.js';
import type { CompletionEntry } from './completion-entry.js';

/** Tokens that end a value: what follows them is a new clause, not something they lack. */
const valueEnds = new Set(['NumberLiteral', 'StringLiteral', 'TripleString', 'RParen', 'RBrace', 'PercentSign', 'Kw_true', 'Kw_false']);

export function opensOnTrigger(trigger: string, preceding: readonly AssistToken[], items: readonly CompletionEntry[]): boolean {
  if (trigger === '{') return false;
  const last = preceding[preceding.length - 1];
  if (trigger === ' ' && last && valueEnds.has(last.type)) return false;
  // A name or a value is what the user could not guess; a keyword list they can type themselves.
  return items.some((i) => (i.kind !== 'keyword' && i.kind !== 'snippet') || i.label === 'true' || i.label === 'false');
}
