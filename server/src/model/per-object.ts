// A value kept on the object it belongs to, for results computed once per analysis, parsed
// file or consistency of one version. A module-level WeakMap would do the same, but V8's
// young-generation collector keeps every value of a WeakMap whose table has grown old
// alive, dead keys or not: each keystroke's declarations, grading context and consistency
// then survived every minor collection until a full one, which copied megabytes per
// collection (scavenges of 6-11 ms on the sample while typing, against about 1 ms once the
// values died with their version). Only for objects made a few at a time: the property is
// added to each owner when first set, which would change the shape of objects made in bulk.
export class PerObject<K extends object, V> {
  private readonly slot: symbol;

  constructor(name: string) {
    this.slot = Symbol(name);
  }

  get(owner: K): V | undefined {
    return (owner as { [key: symbol]: V | undefined })[this.slot];
  }

  set(owner: K, value: V): void {
    // Not enumerable: a copy made by spreading the owner (`{ ...analysis, settings }`) is
    // another owner and must not carry the original's value.
    Object.defineProperty(owner, this.slot, { value, writable: true, configurable: true, enumerable: false });
  }

  has(owner: K): boolean {
    return this.get(owner) !== undefined;
  }
}
