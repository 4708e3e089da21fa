import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// Every diagnostic code, with the one line that explains it. Codes are stable: quick
// fixes, settings and docs/diagnostics.md key on them. A test keeps this list, the docs
// and the codes the checks actually report in step.
export const diagnosticCodes = {
  // Syntax
  'syntax': 'The text does not follow the grammar here.',
  'unknown-character': 'A character that is not part of the language.',
  'unterminated-string': 'A string or text block is not closed.',
  'unterminated-comment': 'A block comment is not closed.',
  'nesting-too-deep': 'Parentheses nested deeper than the parser accepts.',
  'too-many-errors': 'So many syntax errors that the rest are not listed.',
  // Names and files
  'unresolved-name': 'A name that no declaration in this file or its `use`d files defines.',
  'unresolved-member': 'A value that is not a member of the attribute\'s enum.',
  'unresolved-reference': 'A citation of a reference label that no `reference` declares.',
  'unknown-type': 'An attribute type that is neither built in nor a declared enum.',
  'duplicate-name': 'Two declarations with the same name.',
  'duplicate-member': 'An enum lists the same member twice.',
  'missing-file': 'A `use` of a file that does not exist.',
  'use-cycle': 'Files that `use` each other in a cycle.',
  'invalid-value': 'A field value outside the words the language allows (for example a misspelt strength).',
  'internal-error': 'A check failed on this file; the other checks still ran. Please report it.',
} as const satisfies Record<string, string>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/** The explanations ship with the extension, so the link works offline: docs/diagnostics.md. */
function findDocs(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'docs', 'diagnostics.md');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

let docsUri: string | undefined | null = null;

export function codeHref(code: string): string | undefined {
  if (docsUri === null) {
    const file = findDocs();
    docsUri = file ? pathToFileURL(file).href : undefined;
  }
  return docsUri && `${docsUri}#${code}`;
}
