// The decision-tree preview's script, bundled for the browser (dist/webview.js).
import { PreviewApp } from './app.js';
import { acquireApi } from './vscode-api.js';

new PreviewApp(acquireApi()).start();
