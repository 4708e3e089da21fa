// `use` reads only regular .guideline-sized files inside the workspace folder (or, with
// none, inside the using file's folder tree): anything else is refused with a diagnostic
// and never read, so its text cannot reach hover or completion.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings } from '../../server/src/model/settings.js';
import { DiskHost, type ReadResult, type ReadScope, type SourceHost } from '../../server/src/model/sources.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { diagnosticStrings } from '../helpers.js';

/** A disk host that records every file it was asked to read. */
class RecordingHost implements SourceHost {
  readonly asked: string[] = [];
  private readonly disk = new DiskHost();
  read(uri: string, maxBytes?: number, scope?: ReadScope): ReadResult {
    this.asked.push(uri);
    return this.disk.read(uri, maxBytes, scope);
  }
}

describe('use policy', () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };
  const analyse = (main: string, folders: string[] = [], settings?: object) => {
    const host = new RecordingHost();
    const ws = new Workspace(host);
    ws.folders = folders;
    if (settings) ws.settings = readSettings(settings);
    const a = ws.analysis(pathToFileURL(path.join(dir, 'ws', main)).href);
    assert.ok(a);
    return { a, asked: host.asked.filter((u) => !u.endsWith(main)) };
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-use-'));
    write('secret.guideline', 'attribute leaked_secret: boolean "SECRET TEXT"');
    write('ws/vocab.guideline', 'attribute stage: boolean');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a file in the same folder', () => {
    write('ws/main.guideline', 'use "vocab.guideline"\n');
    const { a } = analyse('main.guideline');
    assert.deepEqual(diagnosticStrings(a, (c) => c.startsWith('use-') || c === 'missing-file'), []);
    assert.ok(a.symbols.lookup('stage', 'attribute'));
  });

  it('refuses paths that leave the folder, absolute paths and file: URLs, without reading them', () => {
    write('ws/main.guideline', `use "../secret.guideline"\nuse "${path.join(dir, 'secret.guideline')}"\nuse "${pathToFileURL(path.join(dir, 'secret.guideline')).href}"\nuse "../../../../../../etc/passwd"\n`);
    const { a, asked } = analyse('main.guideline');
    const refused = diagnosticStrings(a, (c) => c === 'use-refused');
    assert.equal(refused.length, 4, refused.join('\n'));
    assert.ok(refused.every((d) => d.includes("outside this file's folder")));
    assert.deepEqual(asked, []);
    assert.equal(a.symbols.lookup('leaked_secret', 'attribute'), undefined);
  });

  it('allows the whole workspace folder when there is one, and nothing outside it', () => {
    write('ws/sub/main.guideline', 'use "../vocab.guideline"\nuse "../../secret.guideline"\n');
    const { a } = analyse('sub/main.guideline', [pathToFileURL(path.join(dir, 'ws')).href]);
    assert.ok(a.symbols.lookup('stage', 'attribute'));
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'use-refused').map((d) => d.replace(/^\S+ /, '')), [
      'use-refused `use` of `../../secret.guideline` refused: it is outside the workspace folder',
    ]);
  });

  it('refuses a folder, a device and a FIFO', function () {
    fs.mkdirSync(path.join(dir, 'ws', 'folder.guideline'));
    execFileSync('mkfifo', [path.join(dir, 'ws', 'pipe.guideline')]);
    write('ws/main.guideline', 'use "folder.guideline"\nuse "pipe.guideline"\n');
    const { a } = analyse('main.guideline');
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'use-refused').map((d) => d.replace(/^\S+ /, '')), [
      'use-refused `use` of `folder.guideline` refused: it is a folder',
      'use-refused `use` of `pipe.guideline` refused: it is not a regular file',
    ]);
    // A device, inside a workspace folder that holds it.
    fs.writeFileSync(path.join(dir, 'ws', 'main.guideline'), 'use "/dev/zero"\n');
    const dev = analyse('main.guideline', ['file:///dev']);
    assert.deepEqual(diagnosticStrings(dev.a, (c) => c === 'use-refused').map((d) => d.replace(/^\S+ /, '')), [
      'use-refused `use` of `/dev/zero` refused: it is not a regular file',
    ]);
  });

  it('refuses a link that leads out of the folder, and follows one that stays in it', () => {
    fs.symlinkSync(path.join(dir, 'secret.guideline'), path.join(dir, 'ws', 'secret-link.guideline'));
    fs.symlinkSync(dir, path.join(dir, 'ws', 'up'));
    fs.symlinkSync(path.join(dir, 'ws', 'vocab.guideline'), path.join(dir, 'ws', 'vocab-link.guideline'));
    write('ws/main.guideline', 'use "secret-link.guideline"\nuse "up/secret.guideline"\nuse "vocab-link.guideline"\n');
    for (const folders of [[], [pathToFileURL(path.join(dir, 'ws')).href]]) {
      const { a } = analyse('main.guideline', folders);
      const where = folders.length ? 'the workspace folder' : "this file's folder";
      assert.deepEqual(diagnosticStrings(a, (c) => c === 'use-refused').map((d) => d.replace(/^\S+ /, '')), [
        `use-refused \`use\` of \`secret-link.guideline\` refused: it is outside ${where} once its links are followed`,
        `use-refused \`use\` of \`up/secret.guideline\` refused: it is outside ${where} once its links are followed`,
      ]);
      assert.equal(a.symbols.lookup('leaked_secret', 'attribute'), undefined);
      assert.ok(a.symbols.lookup('stage', 'attribute'), 'a link inside the folder is read');
    }
  });

  it('follows links in the workspace folder itself', () => {
    fs.symlinkSync(path.join(dir, 'ws'), path.join(dir, 'ws-link'));
    write('ws/main.guideline', 'use "vocab.guideline"\n');
    const host = new RecordingHost();
    const ws = new Workspace(host);
    ws.folders = [pathToFileURL(path.join(dir, 'ws-link')).href];
    const a = ws.analysis(pathToFileURL(path.join(dir, 'ws-link', 'main.guideline')).href);
    assert.ok(a?.symbols.lookup('stage', 'attribute'));
  });

  it('refuses a file over the size limit, which is a setting', () => {
    write('ws/big.guideline', `// ${'x'.repeat(0.6 * 2 ** 20)}\nattribute big: boolean\n`);
    write('ws/main.guideline', 'use "big.guideline"\n');
    const { a } = analyse('main.guideline', [], { usedFileSizeLimit: 0.5 });
    assert.deepEqual(diagnosticStrings(a, (c) => c === 'use-refused').map((d) => d.replace(/^\S+ /, '')), [
      'use-refused `use` of `big.guideline` refused: it has 0.6 MB, over the limit of 0.5 MB (setting guideline.usedFileSizeLimit)',
    ]);
    assert.ok(analyse('main.guideline').a.symbols.lookup('big', 'attribute'));
  });
});
