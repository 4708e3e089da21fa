// Debian's Chromium as every browser-driven test launches it: where it is, and the flags
// that keep it off the network (which is closed here) and out of the real home folder.
import * as fs from 'node:fs';

export const chromiumCandidates = (): string[] =>
  [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);

export function findChromium(): string | undefined {
  return chromiumCandidates().find((p) => fs.existsSync(p));
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
