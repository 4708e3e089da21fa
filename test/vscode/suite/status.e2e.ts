// A well-behaved extension: the status-bar item shows the server's state and the active
// file's errors and warnings and opens the output; the output logs the start, the version
// and the settings, a restart logs no error, and `guideline.trace.server` traces the protocol.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extension, hoverText, offsetOf, openFile, SAMPLE, waitFor, waitForDiagnostics } from './support.js';

interface StatusApi {
  status: { item: vscode.StatusBarItem; state: 'starting' | 'ready' | 'stopped' };
  logUri: vscode.Uri;
}

function api(): StatusApi {
  const exports = extension().exports as Partial<StatusApi> | undefined;
  assert.ok(exports?.status && exports.logUri, 'the extension exposes no status item or log folder');
  return exports as StatusApi;
}

/** Every .log file under a folder. */
function logFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? logFiles(full) : e.name.endsWith('.log') ? [full] : [];
  });
}

/** The Guideline output channel's log as written so far (VS Code writes it to the extension's log folder). */
function outputLog(): string {
  const dir = api().logUri.fsPath;
  const files = logFiles(dir);
  const file = files.find((f) => path.basename(f) === 'Guideline.log') ?? files.find((f) => /Guideline/.test(path.basename(f)));
  assert.ok(file, `no log of the Guideline output in ${dir}: ${files.join(', ') || 'empty'}`);
  return fs.readFileSync(file, 'utf8');
}

const BROKEN = 'broken.guideline';

describe('status item and output', () => {
  afterEach(closeAllEditors);

  it('shows the active file\'s errors and warnings once the server is ready', async () => {
    const editor = await openFile(BROKEN);
    const { item } = api().status;
    const diagnostics = await waitForDiagnostics(editor.document.uri, 'the broken file\'s diagnostics', (list) => list.length > 0);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    assert.ok(errors > 0, 'the broken file should have errors');
    await waitFor(`the status item to say ${errors} errors and ${warnings} warnings`, () =>
      api().status.state === 'ready' && item.text === `Guideline $(error) ${errors} $(warning) ${warnings}` ? true : undefined,
    );
    assert.match(String(item.tooltip), /ready/);
    assert.equal(typeof item.command === 'string' ? item.command : item.command?.command, 'guideline.showOutput');
  });

  it('follows the active editor: a clean file shows a check', async () => {
    await openFile(BROKEN);
    await waitFor('the error count', () => (api().status.item.text.startsWith('Guideline $(error)') ? true : undefined));
    const editor = await openFile('hcc-vocabulary.guideline');
    await waitForDiagnostics(editor.document.uri, 'the vocabulary checked', () => true);
    await waitFor('the check of a file without errors or warnings', () => {
      const list = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'guideline' && d.severity <= vscode.DiagnosticSeverity.Warning);
      return list.length === 0 && api().status.item.text === '$(check) Guideline' ? true : undefined;
    });
  });

  it('opens the output from its command', async () => {
    await openFile(BROKEN);
    await vscode.commands.executeCommand('guideline.showOutput');
    await waitFor('the Guideline output to be open', () =>
      vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && /Guideline/.test(decodeURIComponent(d.uri.toString()))) ? true : undefined,
    );
  });

  it('logs the start, the version and the settings', async () => {
    await openFile(SAMPLE);
    const version = (extension().packageJSON as { version: string }).version;
    const log = await waitFor('the start in the output', () => {
      const text = outputLog();
      return text.includes('Settings:') ? text : undefined;
    });
    assert.match(log, new RegExp(`Guideline ${version.replace(/\./g, '\\.')} starting in .+ ${vscode.version.replace(/\./g, '\\.')}`));
    assert.match(log, /guideline\.defaultConsensus = 80/);
    assert.match(log, /guideline\.trace\.server = "off"/);
    assert.match(log, /The language server is ready/);
  });

  it('restarts cleanly: stopped, then ready, and no error in the output', async () => {
    const editor = await openFile(BROKEN);
    const before = outputLog().length;
    const states: string[] = [];
    const timer = setInterval(() => states.push(api().status.state), 5);
    try {
      await vscode.commands.executeCommand('guideline.restartServer');
      await waitFor('the server to be ready again', () => (api().status.state === 'ready' ? true : undefined));
    } finally {
      clearInterval(timer);
    }
    // The restart has been seen to pass through a state other than ready.
    assert.ok(states.some((s) => s !== 'ready'), `the status never left ready: ${[...new Set(states)].join(', ')}`);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'statement B1') + 'statement '.length);
    await waitFor('a hover from the restarted server', async () => ((await hoverText(doc.uri, at)) || undefined));
    const after = await waitFor('the restart in the output', () => {
      const text = outputLog().slice(before);
      return /The language server is ready/.test(text) ? text : undefined;
    });
    assert.match(after, /Restarting the language server/);
    assert.ok(!/\[error\]|\[Error/i.test(after), `the restart logged an error:\n${after}`);
  });

  it('traces the protocol when guideline.trace.server asks', async () => {
    const config = vscode.workspace.getConfiguration('guideline');
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'statement S1') + 'statement '.length);
    const before = outputLog().length;
    await config.update('trace.server', 'verbose', vscode.ConfigurationTarget.Global);
    try {
      const traced = await waitFor('a traced hover request', async () => {
        await hoverText(doc.uri, at);
        const text = outputLog().slice(before);
        return /Sending request 'textDocument\/hover/.test(text) && /Received response 'textDocument\/hover/.test(text) ? text : undefined;
      });
      // Verbose: the request's parameters follow it.
      assert.match(traced, /"position"/);
    } finally {
      await config.update('trace.server', undefined, vscode.ConfigurationTarget.Global);
    }
    // The change is logged once the client has it; from then on nothing is traced.
    await waitFor('the setting logged as off', () => (/Settings changed: .*guideline\.trace\.server = "off"/.test(outputLog().slice(before)) ? true : undefined));
    const quiet = outputLog().length;
    await waitFor('a hover from the server', async () => ((await hoverText(doc.uri, at)) || undefined));
    assert.ok(!/textDocument\/hover/.test(outputLog().slice(quiet)), 'still tracing after the setting went off');
  });
});
