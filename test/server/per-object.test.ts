// Values kept on their owner object: each store is its own slot, a copy of the owner made by
// spreading it starts empty, and the value is not seen by code that walks the owner's keys.
import * as assert from 'node:assert/strict';
import { PerObject } from '../../server/src/model/per-object.js';

describe('per-object values', () => {
  it('keeps one value per owner and per store', () => {
    const a = new PerObject<object, number>('a');
    const b = new PerObject<object, number>('b');
    const owner = {};
    const other = {};
    a.set(owner, 1);
    b.set(owner, 2);
    assert.equal(a.get(owner), 1);
    assert.equal(b.get(owner), 2);
    assert.equal(a.has(other), false);
    a.set(owner, 3);
    assert.equal(a.get(owner), 3);
  });

  it('is not carried by a spread copy, nor seen in keys or JSON', () => {
    const store = new PerObject<{ x: number }, string>('value');
    const owner = { x: 1 };
    store.set(owner, 'kept');
    const copy = { ...owner };
    assert.equal(store.get(copy), undefined);
    assert.deepEqual(Object.keys(owner), ['x']);
    assert.equal(JSON.stringify(owner), '{"x":1}');
    assert.equal(store.get(owner), 'kept');
  });
});
