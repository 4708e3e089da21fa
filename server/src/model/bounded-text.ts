// Output text stays short and well-formed whatever the input: lists name their first few
// items and a count, any one message is cut at a fixed length, lone surrogates are replaced.

/** The longest message, title or name the server sends. */
export const MAX_MESSAGE = 500;

/** The longest single name a list shows: a list of a few names stays well under MAX_MESSAGE. */
const MAX_LISTED_NAME = 60;

/** "31, 32, 33 and 97 more": the first few names (each cut to a bounded length) and how many more. */
export function listed(names: readonly string[], shown = 3): string {
  const few = (n: readonly string[]): string => n.map((x) => clipped(x, MAX_LISTED_NAME)).join(', ');
  return names.length <= shown + 1 ? few(names) : `${few(names.slice(0, shown))} and ${names.length - shown} more`;
}

/**
 * The same text in one piece. V8 keeps a string built by joining parts as a tree of the
 * parts (a message of a few substitutions: a dozen nodes, some hundreds of bytes), and a
 * finding keeps its message as long as its analysis lives; reading a character of the
 * tree makes it one flat string, and the tree's nodes become garbage.
 */
export function flattened(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Text cut to `max` characters, with an ellipsis when cut (never in the middle of a surrogate pair). */
export function clipped(text: string, max = MAX_MESSAGE): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return `${text.slice(0, end)}…`;
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text with each lone surrogate (which no encoder accepts) replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, '\ufffd');
}
