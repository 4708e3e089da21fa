// An edit over the root file's text, as quick fixes and other services return it: the
// LSP adapter turns its span into a range with the analysis's line index.
import type { Span } from '../../../grammar/src/index.js';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}
