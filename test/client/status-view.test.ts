// What the status-bar item says in each state of the server and of the active file.
import * as assert from 'node:assert/strict';
import { statusView } from '../../client/src/status/view.js';

describe('status item', () => {
  it('says the server is starting, ready or stopped', () => {
    assert.match(statusView('starting', undefined, '1.2.3').text, /sync~spin/);
    assert.match(statusView('starting', undefined, '1.2.3').tooltip, /Guideline 1\.2\.3 language server: starting/);
    const stopped = statusView('stopped', { errors: 3, warnings: 0 }, '1.2.3');
    assert.match(stopped.tooltip, /stopped/);
    assert.ok(stopped.alarm);
    assert.ok(!/\b3\b/.test(stopped.text), 'a stopped server has no counts to show');
    assert.match(statusView('ready', undefined, '1').text, /\$\(check\) Guideline/);
  });

  it('counts the active file\'s errors and warnings once ready', () => {
    const view = statusView('ready', { errors: 2, warnings: 1 }, '1');
    assert.equal(view.text, 'Guideline $(error) 2 $(warning) 1');
    assert.match(view.tooltip, /This file: 2 errors, 1 warning\./);
    assert.ok(!view.alarm);
    assert.match(statusView('ready', { errors: 0, warnings: 0 }, '1').text, /check/);
    assert.match(statusView('ready', { errors: 1, warnings: 0 }, '1').tooltip, /1 error, 0 warnings/);
    assert.match(view.tooltip, /open the Guideline output/);
  });
});
