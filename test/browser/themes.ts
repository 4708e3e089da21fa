// Theme variables as VS Code sets them on a webview's <html> (a subset of Light Modern and
// Dark Modern), so the browser tests see the preview as the editor shows it.
const font = {
  'vscode-font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  'vscode-font-size': '13px',
};

export const lightTheme: Record<string, string> = {
  ...font,
  'vscode-editor-background': '#ffffff',
  'vscode-editor-foreground': '#3b3b3b',
  'vscode-descriptionForeground': '#3b3b3b',
  'vscode-textLink-foreground': '#005fb8',
  'vscode-editorWidget-background': '#f8f8f8',
  'vscode-editorWidget-border': '#c8c8c8',
  'vscode-widget-border': '#e5e5e5',
  'vscode-inputValidation-warningBackground': '#f6f5d2',
  'vscode-editorWarning-foreground': '#bf8803',
  'vscode-inputValidation-errorBackground': '#f2dede',
  'vscode-editorError-foreground': '#e51400',
  'vscode-testing-iconPassed': '#388a34',
  'vscode-errorForeground': '#f85149',
  'vscode-focusBorder': '#005fb8',
  'vscode-button-secondaryBackground': '#e5e5e5',
  'vscode-button-secondaryForeground': '#3b3b3b',
  'vscode-panel-border': '#e5e5e5',
};

export const darkTheme: Record<string, string> = {
  ...font,
  'vscode-editor-background': '#1f1f1f',
  'vscode-editor-foreground': '#cccccc',
  'vscode-descriptionForeground': '#9d9d9d',
  'vscode-textLink-foreground': '#4daafc',
  'vscode-editorWidget-background': '#202020',
  'vscode-editorWidget-border': '#454545',
  'vscode-widget-border': '#313131',
  'vscode-inputValidation-warningBackground': '#352a05',
  'vscode-editorWarning-foreground': '#cca700',
  'vscode-inputValidation-errorBackground': '#5a1d1d',
  'vscode-editorError-foreground': '#f14c4c',
  'vscode-testing-iconPassed': '#73c991',
  'vscode-errorForeground': '#f85149',
  'vscode-focusBorder': '#0078d4',
  'vscode-button-secondaryBackground': '#313131',
  'vscode-button-secondaryForeground': '#cccccc',
  'vscode-dropdown-background': '#313131',
  'vscode-dropdown-foreground': '#cccccc',
  'vscode-panel-border': '#2b2b2b',
};
