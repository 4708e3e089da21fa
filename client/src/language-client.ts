// The language client, with one correction: vscode-languageclient logs every exit of the
// server's process as an error, "Server process exited with code 0" included, so a clean
// stop (a restart, closing the window) looked like a crash in the output. Exit code 0 is
// logged as what it is; any other exit stays an error.
import { LanguageClient } from 'vscode-languageclient/node.js';

const cleanExit = /^Server process exited with code 0\.?$/;

export class GuidelineClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    if (cleanExit.test(message)) {
      this.info('The language server process exited normally (code 0).', undefined, false);
      return;
    }
    super.error(message, data, showNotification);
  }
}
