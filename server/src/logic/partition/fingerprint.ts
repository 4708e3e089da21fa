// A decision's partition, spelt as one string of everything it is built from: two versions
// of a file whose decision has the same fingerprint have the same partition up to
// positions, so the findings read from it carry over (checks/decision-gaps.ts). It spells
// out every input the partition and its witnesses read: the attributes (names, kinds,
// values, units), the population, the order of questions, and for each of the decision's
// rules, in order, its statement, its condition as written, its recommendations and the
// overrides among them. Boxes keep their order: the exploration's work, and so where a
// large tree is cut short, depends on it. What is kept is the SHA-256 of that spelling:
// the spelling of a decision of a few dozen rules runs to kilobytes, and a file's last
// results are kept for hundreds of decisions.
import { createHash } from 'node:crypto';
import { boxKey, domainKey, type Box } from '../box.js';
import { shownKey } from '../rules.js';
import type { Scope } from '../scope.js';
import type { TreeSpec } from './decision.js';

const scopeKeys = new WeakMap<Scope, string>();

function scopeKey(scope: Scope): string {
  let key = scopeKeys.get(scope);
  if (key === undefined) {
    const unit = (t: Scope['attrs'][number]['type']): string => (t.kind === 'number' ? (t.unit ?? '') : t.kind === 'duration' ? t.unit : '');
    key = scope.attrs.map((a) => JSON.stringify([a.name, a.kind, domainKey(a.universe), a.members, a.type.kind, unit(a.type)])).join(';');
    scopeKeys.set(scope, key);
  }
  return key;
}

const boxesKey = (boxes: readonly Box[]): string => boxes.map(boxKey).join('|');

export function specFingerprint(scope: Scope, spec: TreeSpec): string {
  const position = new Map(spec.rules.map((r, i) => [r.index, i]));
  const statements = new Map<unknown, number>();
  let key = `${scopeKey(scope)}\n${spec.order.join(',')}\n${boxesKey(spec.population)}\n`;
  for (const r of spec.rules) {
    if (!statements.has(r.statement)) statements.set(r.statement, statements.size);
    const overrides = r.overrides.flatMap((o) => (position.has(o) ? [position.get(o)!] : []));
    key += `${statements.get(r.statement)}|${boxesKey(r.written)}|${r.recs.map(shownKey).join(';')}|${overrides.join(',')}\n`;
  }
  return createHash('sha256').update(key).digest('base64');
}
