// The consistency analysis of one resolved document, computed once and shared by the checks, the
// cases, the decision tree request and the command line: the attributes it models and the
// adopted rules as boxes, narrowed to the patients the assumptions admit. Cached per
// analysis, so one document version is analysed once.
import type { ResolvedDocument } from '../model/document.js';
import { PerObject } from '../model/per-object.js';
import { collectAssumptions, type Assumptions } from './assumptions.js';
import { collectRules, type RuleSet } from './rules.js';
import { buildScope, typedAttributes, type Scope } from './scope.js';

export interface Consistency {
  readonly analysis: ResolvedDocument;
  readonly scope: Scope;
  readonly ruleSet: RuleSet;
  /** The program's `assume`s: every rule's boxes and every population are within them. */
  readonly assumptions: Assumptions;
  /** Every declared attribute name, modelled or not. */
  readonly known: ReadonlySet<string>;
}

const cache = new PerObject<ResolvedDocument, Consistency>('consistency');

export function consistencyOf(analysis: ResolvedDocument): Consistency {
  let c = cache.get(analysis);
  if (!c) {
    const scope = buildScope(analysis);
    const known = typedAttributes(analysis);
    const assumptions = collectAssumptions(analysis, scope, known);
    c = {
      analysis,
      scope,
      ruleSet: collectRules(analysis, scope, assumptions),
      assumptions,
      known,
    };
    cache.set(analysis, c);
  }
  return c;
}
