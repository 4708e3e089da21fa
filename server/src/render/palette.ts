// The picture's colours by role. In the editor every role is a VS Code theme variable, so
// the preview follows light, dark and high-contrast themes live; the command line and a
// file export need fixed colours, so each role also names its light-theme value.

export type ColourRole =
  | 'background'
  | 'text'
  | 'muted'
  | 'accent'
  | 'splitFill'
  | 'splitStroke'
  | 'leafFill'
  | 'leafStroke'
  | 'gapFill'
  | 'gapStroke'
  | 'conflictFill'
  | 'conflictStroke'
  | 'edge'
  | 'edgeLabelFill'
  | 'separator'
  | 'for'
  | 'against';

export interface ThemeColour {
  /** The VS Code theme variable, without the leading `--`. */
  variable: string;
  /** Its value in the default light theme. */
  light: string;
}

export const themeColours: Record<ColourRole, ThemeColour> = {
  background: { variable: 'vscode-editor-background', light: '#ffffff' },
  text: { variable: 'vscode-editor-foreground', light: '#1f1f1f' },
  muted: { variable: 'vscode-descriptionForeground', light: '#5f5f5f' },
  accent: { variable: 'vscode-textLink-foreground', light: '#005fb8' },
  splitFill: { variable: 'vscode-editorWidget-background', light: '#f3f6fa' },
  splitStroke: { variable: 'vscode-textLink-foreground', light: '#005fb8' },
  leafFill: { variable: 'vscode-editor-background', light: '#ffffff' },
  leafStroke: { variable: 'vscode-editorWidget-border', light: '#a8a8a8' },
  gapFill: { variable: 'vscode-inputValidation-warningBackground', light: '#fff4ce' },
  gapStroke: { variable: 'vscode-editorWarning-foreground', light: '#a36c00' },
  conflictFill: { variable: 'vscode-inputValidation-errorBackground', light: '#fde7e9' },
  conflictStroke: { variable: 'vscode-editorError-foreground', light: '#c72e0f' },
  edge: { variable: 'vscode-editorWidget-border', light: '#8a8a8a' },
  edgeLabelFill: { variable: 'vscode-editor-background', light: '#ffffff' },
  separator: { variable: 'vscode-widget-border', light: '#dddddd' },
  for: { variable: 'vscode-testing-iconPassed', light: '#2a7a2a' },
  against: { variable: 'vscode-errorForeground', light: '#b5200d' },
};

export type Palette = Record<ColourRole, string>;

function mapRoles(f: (c: ThemeColour) => string): Palette {
  const out = {} as Palette;
  for (const role of Object.keys(themeColours) as ColourRole[]) out[role] = f(themeColours[role]);
  return out;
}

/** Theme variables with light fallbacks: for the editor's webview. */
export const themePalette: Palette = mapRoles((c) => `var(--${c.variable}, ${c.light})`);

/** Fixed light colours: for the command line and files that leave the editor. */
export const lightPalette: Palette = mapRoles((c) => c.light);

/** Resolves each role through `lookup` (e.g. the webview's computed theme), falling back to light. */
export function resolvedPalette(lookup: (variable: string) => string | undefined): Palette {
  return mapRoles((c) => lookup(c.variable)?.trim() || c.light);
}
