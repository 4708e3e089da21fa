// The product's version, read once from the package.json that ships beside the code (in
// the repository, the .vsix and the bundle alike), so it is written in one place only.
import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

export function productVersion(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6 && !cached; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'guideline' && typeof pkg.version === 'string') cached = pkg.version;
    } catch {
      // No package.json at this level: look further up.
    }
    dir = path.dirname(dir);
  }
  return (cached ??= '0.0.0');
}
