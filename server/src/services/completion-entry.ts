// The shape of a completion item as the services produce it, before the adapter turns it
// into LSP's CompletionItem.
import type * as A from '../../../grammar/src/index.js';

export type CompletionKind = 'keyword' | 'attribute' | 'member' | 'intervention' | 'reference' | 'type' | 'enum' | 'value' | 'unit' | 'snippet';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line beside the label: a type, a unit, an enum's name. */
  readonly detail?: string;
  /** Markdown: the description, as hover shows it. */
  readonly documentation?: string;
  /** Names before keywords. */
  readonly sortText: string;
  /** A template in snippet syntax, inserted instead of the label (kind `snippet`). */
  readonly snippet?: string;
}

export interface CompletionOptions {
  /** Offer templates (the client takes snippet syntax and has none of its own). */
  readonly snippets?: boolean;
  /** The character whose typing asked for the list; absent when the user asked. */
  readonly trigger?: string;
}

export interface CompletionResult {
  readonly items: CompletionEntry[];
  /** The word being typed, which an accepted item replaces. */
  readonly replace: A.Span;
}
