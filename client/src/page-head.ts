// What every webview page of the extension opens with: a Content-Security-Policy from
// `default-src 'none'` (given as its directives), the viewport, and the title. Values go
// into attributes escaped, so a policy or title can never close the tag.
import { randomBytes } from 'node:crypto';

export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

export const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `<!DOCTYPE html>` up to the title; the caller adds its styles and closes the head. */
export function pageStart(directives: readonly string[], title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(["default-src 'none'", ...directives].join('; '))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${attr(title)}</title>`;
}
