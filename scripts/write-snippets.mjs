// Writes snippets/guideline.json, the editor's snippet file, from the templates the server
// also offers (server/src/services/snippets.ts). Run after `npx tsc -b`; a test fails while
// the two differ.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { snippetFile } = require('../out/server/src/services/snippets.js');
const target = fileURLToPath(new URL('../snippets/guideline.json', import.meta.url));
writeFileSync(target, JSON.stringify(snippetFile(), null, 2) + '\n');
console.log(`wrote ${target}`);
