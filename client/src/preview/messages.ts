// The messages between the decision-tree preview's webview and the extension, as one
// discriminated union each way. Shared by the host side (panel.ts) and the webview script,
// so both compile against the same shapes. Plain data only: no vscode import.
import type { DecisionTreeResult, SourceRange, StatementDetails } from '../../../server/src/protocol.js';

/** What the webview keeps across reloads (vscode.setState) and the serializer restores. */
export interface PreviewState {
  uri?: string;
  decision?: string;
  view?: ViewState;
}

export interface ViewState {
  scale: number;
  x: number;
  y: number;
}

/** Extension -> webview. */
export type HostMessage =
  /** `direction` and `detail` are the `guideline.preview.*` settings. */
  | { type: 'tree'; result: DecisionTreeResult; direction?: 'right' | 'down'; detail?: boolean }
  /** The rules under the editor's cursor: their boxes are highlighted. */
  | { type: 'highlight'; rules: string[] }
  | { type: 'noDocument' }
  | { type: 'loading'; uri: string }
  | { type: 'failed'; uri: string; message: string }
  | { type: 'statementDetails'; requestId: number; details?: StatementDetails }
  | { type: 'exported'; format: ExportFormat; path?: string };

export type ExportFormat = 'svg' | 'png';

/** Webview -> extension. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; sources: SourceRange[] }
  | { type: 'selectDecision'; decision: string }
  | { type: 'statementDetails'; requestId: number; statement: string }
  /** `data`: the SVG text, or the PNG as base64. */
  | { type: 'export'; format: ExportFormat; data: string; name: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

function isPosition(v: unknown): boolean {
  return isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.character);
}

export function isSourceRange(v: unknown): v is SourceRange {
  return isObject(v) && isString(v.uri) && isObject(v.range) && isPosition(v.range.start) && isPosition(v.range.end);
}

/** The host checks what a webview sends before acting on it. */
export function isWebviewMessage(v: unknown): v is WebviewMessage {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'ready':
      return true;
    case 'reveal':
      return Array.isArray(v.sources) && v.sources.every(isSourceRange);
    case 'selectDecision':
      return isString(v.decision);
    case 'statementDetails':
      return Number.isInteger(v.requestId) && isString(v.statement);
    case 'export':
      return (v.format === 'svg' || v.format === 'png') && isString(v.data) && isString(v.name);
    default:
      return false;
  }
}

/** The webview checks what arrives on its message channel, which other frames can also post to. */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'tree':
      return isObject(v.result) && isString(v.result.uri) && Array.isArray(v.result.decisions);
    case 'noDocument':
      return true;
    case 'highlight':
      return Array.isArray(v.rules) && v.rules.every(isString);
    case 'loading':
      return isString(v.uri);
    case 'failed':
      return isString(v.uri) && isString(v.message);
    case 'statementDetails':
      return Number.isInteger(v.requestId);
    case 'exported':
      return v.format === 'svg' || v.format === 'png';
    default:
      return false;
  }
}
