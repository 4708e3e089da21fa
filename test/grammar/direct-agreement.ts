// The agreement of the two parsers, as one check for the tests and the fuzz oracle: the
// direct parser reads a text exactly when the recovering parser finds no error in it, and
// then both give the same tree and comments.
import { isDeepStrictEqual } from 'node:util';
import { parseDirectOnly, parseRecovering } from '../../grammar/src/parse.js';

/** Why the two parsers disagree on `text`, or undefined where they agree. */
export function parseDisagreement(text: string): string | undefined {
  const direct = parseDirectOnly(text);
  const recovering = parseRecovering(text);
  if (direct === undefined) {
    // `&& || !` in a decision's later `where`, which the tree builder does not read, is not
    // reported; the direct parser gives up at every one, which costs only time.
    if (recovering.errors.length > 0 || recovering.tokens.some((l) => l.type.startsWith('Symbolic'))) return undefined;
    return 'the direct parser gave up on a text without errors';
  }
  if (recovering.errors.length > 0) return `the direct parser read a text with errors: ${recovering.errors[0].message}`;
  if (direct.errors.length > 0) return 'the direct parser reported errors';
  // Keys in the same order too, so anything that serialises the tree writes the same text.
  const difference = firstDifference(direct.ast, recovering.ast, 'ast');
  if (difference !== '' || !isDeepStrictEqual(direct.ast, recovering.ast)) return `the trees differ${difference}`;
  if (!isDeepStrictEqual(direct.comments, recovering.comments)) return 'the comments differ';
  return undefined;
}

/** Where two values first differ, as a path (`ast.declarations.3.span`), keys' order included; '' where they do not. */
function firstDifference(a: unknown, b: unknown, at: string): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return isDeepStrictEqual(a, b) ? '' : ` at ${at}: ${String(JSON.stringify(a)).slice(0, 80)} vs ${String(JSON.stringify(b)).slice(0, 80)}`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join() !== keysB.join()) return ` at ${at}: keys ${keysA.join()} vs ${keysB.join()}`;
  for (const k of keysA) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return '';
}
