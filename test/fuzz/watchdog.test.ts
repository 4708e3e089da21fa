// The fuzz watchdog gives a large input time in proportion to its size, up to a bound.
import * as assert from 'node:assert/strict';
import { watchdogMs } from './runner.js';

describe('fuzz watchdog', () => {
  it('is the hang limit up to 100 KB, grows with size past it, and stops at 6 times', () => {
    assert.equal(watchdogMs(10_000, 1_000), 10_000);
    assert.equal(watchdogMs(10_000, 100_000), 10_000);
    assert.equal(watchdogMs(10_000, 300_000), 30_000);
    assert.equal(watchdogMs(10_000, 5_000_000), 60_000);
  });
});
