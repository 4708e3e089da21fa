// The hand-made decision trees in test/fixtures/trees, for the renderer and browser tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DecisionTreeResult } from '../../server/src/protocol.js';
import { repoRoot } from '../helpers.js';

export function treeFixture(name: 'roadmap' | 'hostile' | 'errors' | 'empty'): DecisionTreeResult {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'trees', `${name}.json`), 'utf8')) as DecisionTreeResult;
}
