// What the output channel says at start: the extension's version, the editor's, where the
// server runs from, and every `guideline.*` setting's value, so a report pasted from the
// output shows what the server was told.
import * as vscode from 'vscode';

interface Manifest {
  version?: string;
  contributes?: { configuration?: { properties?: Record<string, unknown> } };
}

/** The `guideline.*` settings the extension contributes, with their values now. */
export function settingsNow(manifest: Manifest): string[] {
  const config = vscode.workspace.getConfiguration();
  return Object.keys(manifest.contributes?.configuration?.properties ?? {})
    .sort()
    .map((key) => `${key} = ${JSON.stringify(config.get(key))}`);
}

export function logStart(output: vscode.LogOutputChannel, manifest: Manifest, serverModule: string): void {
  output.info(`Guideline ${manifest.version ?? '(unknown version)'} starting in ${vscode.env.appName} ${vscode.version}; language server ${serverModule}`);
  output.info(`Settings: ${settingsNow(manifest).join(', ')}`);
}
