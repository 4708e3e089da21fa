// One shared copy of each constraint, box, attribute list and recommendation the rules of a rule set
// repeat. Rules of one topic test the same attributes against the same few thresholds, so
// a rule-heavy file spells the same constraint thousands of times; the rule set keeps it
// once. Everything shared is read-only (boxes and domains are never changed in place).
import { domainKey, type Box, type Constraint } from './box.js';

export class Shapes {
  private readonly constraints = new Map<string, Constraint>();
  private readonly constraintIds = new Map<Constraint, number>();
  private readonly boxes = new Map<string, Box>();
  private readonly lists = new Map<string, readonly number[]>();
  private readonly others = new Map<string, unknown>();

  private constraint(c: Constraint): Constraint {
    const key = `${c.attr}=${domainKey(c.dom)}`;
    let shared = this.constraints.get(key);
    if (!shared) {
      shared = c;
      this.constraints.set(key, c);
      this.constraintIds.set(c, this.constraintIds.size);
    }
    return shared;
  }

  box(b: Box): Box {
    const cs = b.map((c) => this.constraint(c));
    let key = '';
    for (const c of cs) key += `${this.constraintIds.get(c)},`;
    let shared = this.boxes.get(key);
    if (!shared) this.boxes.set(key, (shared = cs));
    return shared;
  }

  /** A condition's boxes with each box shared; the list itself stays the caller's. */
  condition(boxes: readonly Box[]): readonly Box[] {
    return boxes.map((b) => this.box(b));
  }

  /** The first value given under `key` (keys of different kinds must not collide: prefix them). */
  shared<T>(key: string, value: T): T {
    const known = this.others.get(key);
    if (known !== undefined) return known as T;
    this.others.set(key, value);
    return value;
  }

  numbers(xs: readonly number[]): readonly number[] {
    const key = xs.join(',');
    let shared = this.lists.get(key);
    if (!shared) this.lists.set(key, (shared = xs));
    return shared;
  }
}
