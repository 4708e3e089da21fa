// What the client says at `initialize` that changes what the server sends back.
import type { InitializeParams } from 'vscode-languageserver';

export interface ClientSupport {
  /** Templates in completion: the client reads snippet syntax and has no templates of its own. */
  readonly snippets: boolean;
}

export const noClientSupport: ClientSupport = { snippets: false };

export function clientSupport(params: InitializeParams): ClientSupport {
  const snippetSyntax = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  // The VS Code extension contributes the same templates as snippet files (listed by Insert
  // Snippet, offered as a new file's template) and says so: the server's would show twice.
  const options: unknown = params.initializationOptions;
  const clientSnippets = typeof options === 'object' && options !== null && (options as { clientSnippets?: unknown }).clientSnippets === true;
  return { snippets: snippetSyntax && !clientSnippets };
}
