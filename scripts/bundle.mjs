// Bundles the extension client, the language server and the command line with esbuild.
// `vscode` is provided by the editor; everything else is bundled, so the packaged
// extension needs no node_modules at run time.
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Minified for a small package; names are kept so stack traces stay readable.
  minify: true,
  keepNames: true,
  // resvg is a native module (drawing trees into Word files): loaded from node_modules when present.
  external: ['vscode', '@resvg/resvg-js'],
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // The preview's own script runs in the webview: a browser bundle, no Node, no vscode.
  esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'chrome114', external: [], minify: true, entryPoints: ['client/src/webview/main.ts'], outfile: 'dist/webview.js' }),
]);
chmodSync('dist/server.js', 0o755);
chmodSync('dist/cli.js', 0o755);
