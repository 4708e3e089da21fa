import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';

// No panel block: the thresholds come from the settings.
const file = `intervention resection
intervention unused_one
attribute age: years
statement S1 {
  basis evidence strength strong certainty low agreement 85% endorsed_strong 75%
  rule r when age > 80 years then recommend against resection
}
`;

describe('command line settings flags', () => {
  let dir: string;
  let target: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-flags-'));
    target = path.join(dir, 'flags.guideline');
    fs.writeFileSync(target, file);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** `code severity` for each finding of `check` with the given flags. */
  async function check(...flags: string[]): Promise<string[]> {
    const r = await runCli(['check', target, '--format', 'json', ...flags]);
    const [result] = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string }[] }[];
    return result.diagnostics.map((d) => `${d.code} ${d.severity}`);
  }

  it('uses the documented defaults', async () => {
    assert.deepEqual(await check(), ['unused-declaration hint', 'discordant-without-rationale information']);
  });

  it('--discordant-severity sets the severity, and off drops the finding', async () => {
    assert.deepEqual(await check('--discordant-severity', 'error'), ['unused-declaration hint', 'discordant-without-rationale error']);
    assert.deepEqual(await check('--discordant-severity=off'), ['unused-declaration hint']);
    assert.equal((await runCli(['check', target, '--discordant-severity', 'loud'])).exitCode, 2);
  });

  it('--consensus and --strong set the thresholds when there is no panel', async () => {
    assert.deepEqual(await check('--consensus', '90', '--strong', '80%', '--no-unused'), [
      'discordant-without-rationale information',
      'below-consensus error',
      'strong-not-endorsed error',
    ]);
    assert.equal((await runCli(['check', target, '--consensus', '120'])).exitCode, 2);
  });

  it('--no-unused drops the unused findings', async () => {
    assert.deepEqual(await check('--no-unused'), ['discordant-without-rationale information']);
  });

  it('--max-document-size sets the longest file analysed', async () => {
    // 0.0001 Mi characters is 104, shorter than the file.
    assert.deepEqual(await check('--max-document-size', '0.0001'), ['document-too-large error']);
    assert.deepEqual(await check('--max-document-size', '2'), await check());
    assert.equal((await runCli(['check', target, '--max-document-size', '0'])).exitCode, 2);
  });
});
