// A map keyed by a short list of integers. The partition looks such keys up tens of
// thousands of times per tree (the rules holding on a path, a leaf's outcomes, a split's
// branches); spelling each as a string made most of its time and garbage.

interface Slot<T> {
  readonly key: readonly number[];
  readonly value: T;
}

export class ListTable<T> {
  // Most hashes hold one slot; a collision keeps a list.
  private readonly slots = new Map<number, Slot<T> | Slot<T>[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: readonly number[]): T | undefined {
    const found = this.slots.get(hashOf(key));
    if (found === undefined) return undefined;
    if (!Array.isArray(found)) return sameList(found.key, key) ? found.value : undefined;
    for (const s of found) if (sameList(s.key, key)) return s.value;
    return undefined;
  }

  /** `key` must not be in the table yet, nor change after. */
  add(key: readonly number[], value: T): void {
    const h = hashOf(key);
    const slot = { key, value };
    const found = this.slots.get(h);
    if (found === undefined) this.slots.set(h, slot);
    else if (Array.isArray(found)) found.push(slot);
    else this.slots.set(h, [found, slot]);
    this.count++;
  }
}

/** FNV-1a over the numbers' 32-bit values, then the length. */
function hashOf(key: readonly number[]): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key[i], 0x01000193);
  return (h ^ key.length) | 0;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
