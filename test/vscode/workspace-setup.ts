// The folder VS Code opens for the editor tests, built fresh for every run so the tests can
// edit files freely: the samples, the fixtures in test/vscode/workspace/, and a file of
// binary garbage. Also the user settings both launchers give VS Code.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Settings that keep VS Code quiet and deterministic under test. */
export const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 100,
  // Completion tests must see the language server's items, not words picked from the file.
  'editor.wordBasedSuggestions': 'off',
  'files.autoSave': 'off',
  'git.enabled': false,
} as const;

export function writeUserSettings(userDataDir: string): void {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
}

/** Bytes from 1 to 255 (no NUL: VS Code refuses to open a file with NULs as text), seeded. */
export function garbage(length: number, seed = 0x5eed): Buffer {
  let state = seed >>> 0;
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    // xorshift32: the same garbage every run, so a failure can be replayed.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[i] = 1 + (state % 255);
  }
  // Not a byte-order mark: the file must be read as UTF-8, like the command line reads it.
  bytes[0] = 0x7b; // '{'
  return bytes;
}

/** Creates (or recreates) the test workspace in `dir` and returns its path. */
export function prepareWorkspace(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const copyGuidelines = (from: string): void => {
    for (const name of fs.readdirSync(from).filter((f) => f.endsWith('.guideline'))) fs.copyFileSync(path.join(from, name), path.join(dir, name));
  };
  copyGuidelines(path.join(repoRoot, 'samples'));
  copyGuidelines(path.join(repoRoot, 'test', 'vscode', 'workspace'));
  fs.writeFileSync(path.join(dir, 'garbage.guideline'), garbage(4096));
  return dir;
}
