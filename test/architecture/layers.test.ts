// The layers of docs/architecture.md, enforced: no import cycle among source files (type
// imports included), and every import points down the layer order or stays in its layer.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

/** Bottom to top. A file's layer is the first entry whose path prefix matches it. */
const layers: readonly { name: string; prefix: string; rank: number }[] = [
  { name: 'grammar', prefix: 'grammar/src/', rank: 0 },
  { name: 'protocol', prefix: 'server/src/protocol.ts', rank: 1 },
  { name: 'model', prefix: 'server/src/model/', rank: 2 },
  { name: 'logic', prefix: 'server/src/logic/', rank: 3 },
  { name: 'checks', prefix: 'server/src/checks/', rank: 4 },
  { name: 'pipeline', prefix: 'server/src/pipeline/', rank: 5 },
  { name: 'render', prefix: 'server/src/render/', rank: 6 },
  { name: 'services', prefix: 'server/src/services/', rank: 7 },
  { name: 'lsp', prefix: 'server/src/lsp/', rank: 8 },
  { name: 'cli', prefix: 'server/src/cli/', rank: 8 },
  { name: 'server', prefix: 'server/src/server.ts', rank: 9 },
  { name: 'client', prefix: 'client/src/', rank: 10 },
];

/** What the client may reach on the server side: plain data and drawing, never analysis. */
const clientMayImport = ['server/src/protocol.ts', 'server/src/render/'];
/** Packages only the adapters may import: the layers below know nothing of LSP or VS Code. */
const adapterPackages: readonly { pkg: RegExp; allowed: readonly string[] }[] = [
  { pkg: /^vscode-languageserver/, allowed: ['server/src/lsp/', 'server/src/server.ts'] },
  { pkg: /^vscode-languageclient/, allowed: ['client/src/'] },
  { pkg: /^vscode$/, allowed: ['client/src/'] },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface Import { readonly from: string; readonly spec: string; readonly target?: string }

function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: Import[] = [];
  const pattern = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(pattern)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) { found.push({ from: file, spec }); continue; }
    const base = resolve(dirname(join(root, file)), spec.replace(/\.js$/, ''));
    const candidates = [`${base}.ts`, join(base, 'index.ts')];
    const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    found.push({ from: file, spec, target: hit ? relative(root, hit).split('\\').join('/') : undefined });
  }
  return found;
}

const layerOf = (file: string) => layers.find((l) => file.startsWith(l.prefix));

describe('architecture: layers that point one way', () => {
  const files = ['grammar/src', 'server/src', 'client/src'].flatMap(sourceFiles);
  const imports = files.flatMap(importsOf);

  it('sees the source files and their imports', () => {
    assert.ok(files.length > 80, `only ${files.length} source files found`);
    assert.ok(imports.filter((i) => i.target).length > 200);
  });

  it('resolves every relative import to a source file', () => {
    const broken = imports.filter((i) => i.spec.startsWith('.') && !i.target).map((i) => `${i.from}: ${i.spec}`);
    assert.deepEqual(broken, []);
  });

  it('puts every source file in a layer', () => {
    assert.deepEqual(files.filter((f) => !layerOf(f)), []);
  });

  it('imports only from the same layer or a layer below', () => {
    const wrong = imports
      .filter((i) => i.target)
      .filter((i) => {
        const a = layerOf(i.from)!, b = layerOf(i.target!)!;
        if (a.name === 'client' && b.name !== 'client') return !clientMayImport.some((p) => i.target!.startsWith(p));
        return b.rank > a.rank || (b.rank === a.rank && a.name !== b.name);
      })
      .map((i) => `${i.from} (${layerOf(i.from)!.name}) -> ${i.target} (${layerOf(i.target!)!.name})`);
    assert.deepEqual(wrong, []);
  });

  it('keeps LSP and VS Code packages in the adapters', () => {
    const wrong = imports
      .filter((i) => !i.target)
      .filter((i) => adapterPackages.some((a) => a.pkg.test(i.spec) && !a.allowed.some((p) => i.from.startsWith(p))))
      .map((i) => `${i.from} imports ${i.spec}`);
    assert.deepEqual(wrong, []);
  });

  it('has no import cycle among source files, type imports included', () => {
    const edges = new Map<string, string[]>(files.map((f) => [f, []]));
    for (const i of imports) if (i.target && edges.has(i.target)) edges.get(i.from)!.push(i.target);
    assert.deepEqual(cyclesOf(edges), []);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const edges = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    assert.deepEqual(cyclesOf(edges), [['a', 'b', 'c']]);
  });
});

/** Strongly connected components of more than one file (Tarjan's algorithm, iterative). */
function cyclesOf(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>(), low = new Map<string, number>();
  const stack: string[] = [], onStack = new Set<string>(), out: string[][] = [];
  let next = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; child: number }[] = [{ node: start, child: 0 }];
    index.set(start, next); low.set(start, next++); stack.push(start); onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const targets = edges.get(top.node) ?? [];
      if (top.child < targets.length) {
        const t = targets[top.child++];
        if (!index.has(t)) {
          index.set(t, next); low.set(t, next++); stack.push(t); onStack.add(t);
          work.push({ node: t, child: 0 });
        } else if (onStack.has(t)) low.set(top.node, Math.min(low.get(top.node)!, index.get(t)!));
        continue;
      }
      work.pop();
      if (work.length) { const parent = work[work.length - 1].node; low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!)); }
      if (low.get(top.node) === index.get(top.node)) {
        const scc: string[] = [];
        let n: string;
        do { n = stack.pop()!; onStack.delete(n); scc.push(n); } while (n !== top.node);
        if (scc.length > 1 || (edges.get(top.node) ?? []).includes(top.node)) out.push(scc.sort());
      }
    }
  }
  return out;
}
