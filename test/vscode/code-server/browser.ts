// Debian's Chromium, driven by playwright-core, with a fresh profile for every run. The
// browser is never downloaded: a missing Chromium is a failure with the command to fix it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumCandidates, findChromium } from '../../chromium.js';

export function chromiumPath(): string {
  const candidates = chromiumCandidates();
  const found = findChromium();
  if (!found) {
    throw new Error(
      `Chromium was not found (looked at ${candidates.join(', ')}). The VS Code tests drive it to run code-server.\n` +
        '  Install it with: apt-get update && apt-get install -y chromium\n' +
        '  (or set CHROMIUM_PATH to a Chromium binary)',
    );
  }
  return found;
}

/** A headless Chromium with a fresh profile and home inside `runRoot`. */
export async function openBrowser(runRoot: string, viewport = { width: 1600, height: 1000 }): Promise<BrowserContext> {
  const profileDir = path.join(runRoot, 'chromium-profile');
  fs.rmSync(profileDir, { recursive: true, force: true });
  const home = path.join(runRoot, 'chromium-home');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(path.join(runRoot, 'tmp'), { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs,
    viewport,
    timeout: 60_000,
    // Chromium writes caches and crash reports under HOME and XDG folders: keep them in the run.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache'), TMPDIR: path.join(runRoot, 'tmp') },
  });
}
