// The handle VS Code gives a webview script: post to the extension, and keep state across
// reloads. Tests provide a stub with the same shape.
import type { PreviewState, WebviewMessage } from '../preview/messages.js';

export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

/** `acquireVsCodeApi` may be called once per page; this is the one call. */
export function acquireApi(): VsCodeApi {
  const acquire = (globalThis as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi;
  if (!acquire) throw new Error('Not running in a VS Code webview: acquireVsCodeApi is missing');
  return acquire();
}
