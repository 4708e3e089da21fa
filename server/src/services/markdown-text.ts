// User text inside the Markdown the editor renders (hover, completion documentation).

/** User text is shown as text: Markdown and HTML characters are escaped, and `:` and `@` so no bare URL or address becomes a link. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~:@]/g, (c) => `\\${c}`);
}
