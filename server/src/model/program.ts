// A program is a file and every file it `use`s, transitively. Missing files and cycles are
// reported at the `use` in the root file that leads to them (and at the `use` itself when
// it is in the root), so the person editing the root sees them.
import type { Use } from '../../../grammar/src/index.js';
import type { Finding } from './findings.js';
import { clipped } from './bounded-text.js';
import type { ParseCache, ReadScope, SourceFile, SourceHost } from './sources.js';

export interface Program {
  readonly root: SourceFile;
  /** The root first, then used files in the order they were reached. */
  readonly files: readonly SourceFile[];
  readonly findings: Finding[];
  /** Every URI this program read or tried to read: a change to any of them invalidates it. */
  readonly dependencies: ReadonlySet<string>;
  /** The file each `use` of the root resolves to (by the use's path span start). */
  readonly usedFiles: ReadonlyMap<Use, string>;
}

export function resolveUsePath(fromUri: string, path: string): string | undefined {
  try {
    return new URL(path, fromUri).href;
  } catch {
    return undefined;
  }
}

/** Which files a `use` may read. */
export interface UsePolicy {
  /** Folder URIs a used file must lie in; none: the root file's own folder (and below). */
  readonly folders: readonly string[];
  readonly maxBytes: number;
}

/** The folders `use` may read from, and what to say of a file outside them. */
export function useScope(rootUri: string, policy: UsePolicy): ReadScope {
  const own = policy.folders.length === 0;
  const folders = own ? [resolveUsePath(rootUri, '.')] : policy.folders.map((f) => resolveUsePath(`${f.replace(/\/+$/, '')}/`, '.'));
  return { folders: folders.filter((f): f is string => f !== undefined), outside: own ? "it is outside this file's folder" : 'it is outside the workspace folder' };
}

/** Why `use` may not read `target`, or undefined when it may (the host checks links against the same scope). */
export function refusal(target: string, rootUri: string, policy: UsePolicy): string | undefined {
  if (!target.startsWith('file:')) return 'only files can be used';
  const scope = useScope(rootUri, policy);
  return scope.folders.some((f) => target.startsWith(f)) ? undefined : scope.outside;
}

export function loadProgram(root: SourceFile, host: SourceHost, cache: ParseCache, policy: UsePolicy = { folders: [], maxBytes: Infinity }): Program {
  const files: SourceFile[] = [root];
  const byUri = new Map<string, SourceFile>([[root.uri, root]]);
  const findings: Finding[] = [];
  const dependencies = new Set<string>([root.uri]);
  const usedFiles = new Map<Use, string>();
  const reportedCycles = new Set<string>();
  const scope = useScope(root.uri, policy);

  const visit = (file: SourceFile, stack: string[], rootUse: Use | undefined): void => {
    for (const use of file.parse.ast.uses) {
      if (!use.path) continue;
      const atRoot = rootUse ?? use;
      const target = resolveUsePath(file.uri, use.path.value);
      if (target && file === root) usedFiles.set(use, target);
      if (!target) {
        if (file === root) findings.push(missing(root.uri, use, use.path.value));
        continue;
      }
      dependencies.add(target);
      const cycleStart = stack.indexOf(target);
      if (cycleStart >= 0) {
        const names = [...stack.slice(cycleStart), target].map(baseName);
        const key = `${atRoot.span.start}`;
        if (!reportedCycles.has(key)) {
          reportedCycles.add(key);
          findings.push({
            severity: 'error',
            code: 'use-cycle',
            message: `\`use\` cycle: ${names.join(' -> ')}`,
            uri: root.uri,
            span: atRoot.path ?? atRoot.span,
          });
        }
        continue;
      }
      let used = byUri.get(target);
      if (!used) {
        const refused = refusal(target, root.uri, policy);
        const read = refused ? { refused } : host.read(target, policy.maxBytes, scope);
        if (!read) {
          findings.push(missing(root.uri, atRoot, use.path.value, file === root ? undefined : baseName(file.uri)));
          continue;
        }
        if ('refused' in read) {
          findings.push({
            severity: 'error',
            code: 'use-refused',
            message: `\`use\` of \`${clipped(use.path.value, 100)}\`${file === root ? '' : ` (in \`${baseName(file.uri)}\`)`} refused: ${read.refused}`,
            uri: root.uri,
            span: atRoot.path ?? atRoot.span,
          });
          continue;
        }
        used = cache.get(target, read.text, read.version);
        const tooLarge = used.parse.errors.find((e) => e.code === 'document-too-large');
        if (tooLarge) {
          findings.push({
            severity: 'error',
            code: 'use-refused',
            message: `\`use\` of \`${clipped(use.path.value, 100)}\`${file === root ? '' : ` (in \`${baseName(file.uri)}\`)`} refused: ${tooLarge.message.replace(/^This file/, 'it')}`,
            uri: root.uri,
            span: atRoot.path ?? atRoot.span,
          });
          continue;
        }
        byUri.set(target, used);
        files.push(used);
      } else {
        continue; // already loaded through another path: a diamond, not a cycle
      }
      visit(used, [...stack, target], atRoot);
    }
  };
  visit(root, [root.uri], undefined);
  return { root, files, findings, dependencies, usedFiles };
}

function missing(uri: string, use: Use, path: string, via?: string): Finding {
  return {
    severity: 'error',
    code: 'missing-file',
    message: via ? `\`${via}\` uses \`${clipped(path, 100)}\`, which does not exist` : `No file \`${clipped(path, 100)}\` next to this one`,
    uri,
    span: use.path ?? use.span,
  };
}

export function baseName(uri: string): string {
  const clean = uri.split(/[?#]/)[0];
  return decodeURIComponent(clean.slice(clean.lastIndexOf('/') + 1));
}
