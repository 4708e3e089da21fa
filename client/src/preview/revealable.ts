// Which source ranges a `reveal` message from the webview may open. The webview runs page
// script and its channel takes what any frame in it posts, so the host opens only
// documents the panel shows: the previewed file and the files its tree's rules come from
// (a `use`d vocabulary, a case file). Plain data only, no vscode import.
import type { DecisionTreeResult, SourceRange } from '../../../server/src/protocol.js';
import { isSourceRange } from './messages.js';

const shownByResult = new WeakMap<DecisionTreeResult, ReadonlySet<string>>();

/** The URIs of the documents a tree shows: its own and that of every source range in it. */
export function shownDocuments(result: DecisionTreeResult | undefined, documentUri: string | undefined): ReadonlySet<string> {
  const fromResult = result ? (shownByResult.get(result) ?? urisIn(result)) : new Set<string>();
  if (result) shownByResult.set(result, fromResult);
  return documentUri === undefined ? fromResult : new Set([...fromResult, documentUri]);
}

/** The sources that name a shown document with a range an editor can select; the others dropped. */
export function revealable(sources: readonly SourceRange[], shown: ReadonlySet<string>): SourceRange[] {
  const position = (p: { line: number; character: number }): boolean => p.line >= 0 && p.character >= 0;
  return sources.filter((s) => shown.has(s.uri) && position(s.range.start) && position(s.range.end));
}

/** Every source range's URI in a value, walked without recursion (a tree can be deep). */
function urisIn(result: DecisionTreeResult): Set<string> {
  const uris = new Set<string>([result.uri]);
  const seen = new Set<object>();
  const stack: unknown[] = [result];
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (isSourceRange(v)) uris.add(v.uri);
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return uris;
}
