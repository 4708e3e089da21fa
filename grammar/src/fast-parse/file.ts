// The direct parser: tokens straight to the syntax tree, with no concrete tree between, for
// text without a syntax error. At the first token it does not expect it gives up
// (undefined) and the recovering parser reads the file, with its messages; so a tree built
// here is always the one the recovering parser and the tree builder would build.
import type { IToken } from 'chevrotain';
import type { Declaration, GradingDecl, GuidelineFile, GuidelineHeader, Use } from '../ast.js';
import * as t from '../lexer.js';
import { Cursor, fitted } from './cursor.js';
import { assumeDecl, attributeDecl, caseDecl, decisionDecl, enumDecl, gradingDecl, header, interventionDecl, referenceDecl, useDecl } from './declarations.js';
import { statementDecl } from './statements.js';

export function parseDirect(tokens: readonly IToken[], length: number): GuidelineFile | undefined {
  const c = new Cursor(tokens);
  let first: GuidelineHeader | undefined;
  const uses: Use[] = [];
  const declarations: Declaration[] = [];
  const gradings: GradingDecl[] = [];
  while (c.pos < tokens.length) {
    const type = tokens[c.pos].tokenType;
    let d: Declaration | undefined;
    switch (type) {
      case t.Statement: d = statementDecl(c); break;
      case t.Attribute: d = attributeDecl(c); break;
      case t.Enum: d = enumDecl(c); break;
      case t.Intervention: d = interventionDecl(c); break;
      case t.Reference: d = referenceDecl(c); break;
      case t.Case: d = caseDecl(c); break;
      case t.Decision: d = decisionDecl(c); break;
      case t.Assume: d = assumeDecl(c); break;
      case t.Use: {
        const u = useDecl(c);
        if (u === undefined) return undefined;
        uses.push(u);
        continue;
      }
      case t.Grading: {
        const g = gradingDecl(c);
        if (g === undefined) return undefined;
        gradings.push(g);
        continue;
      }
      case t.Guideline: {
        const h = header(c);
        if (h === undefined) return undefined;
        // The first header is the file's; a later one is read and set aside, as the tree builder does.
        first ??= h;
        continue;
      }
      default:
        return undefined;
    }
    if (d === undefined) return undefined;
    declarations.push(d);
  }
  return { kind: 'File', span: { start: 0, end: length }, header: first, uses: fitted(uses), declarations, gradings: fitted(gradings) };
}
