// The version the server, the CLI's reports and the exports give is package.json's.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toolVersion } from '../../server/src/cli/command.js';
import { productVersion } from '../../server/src/model/version.js';

describe('product version', () => {
  it('is read from package.json, in one place', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    assert.match(pkg.version, /^\d+\.\d+\.\d+/);
    assert.equal(productVersion(), pkg.version);
    assert.equal(toolVersion, pkg.version);
  });
});
