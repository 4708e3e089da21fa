// What the status-bar item says: the language server's state and, once it runs, the
// active file's errors and warnings. Pure, so it is tested without an editor.

export type ServerState = 'starting' | 'ready' | 'stopped';

export interface FileCounts {
  errors: number;
  warnings: number;
}

export interface StatusView {
  text: string;
  tooltip: string;
  /** An error state gets the status bar's error colour. */
  alarm: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function statusView(state: ServerState, counts: FileCounts | undefined, version: string): StatusView {
  const server = `Guideline ${version} language server`;
  const click = 'Click to open the Guideline output.';
  switch (state) {
    case 'starting':
      return { text: '$(sync~spin) Guideline', tooltip: `${server}: starting.\n${click}`, alarm: false };
    case 'stopped':
      return { text: '$(circle-slash) Guideline', tooltip: `${server}: stopped (Guideline: Restart Language Server starts it).\n${click}`, alarm: true };
    case 'ready': {
      if (!counts) return { text: '$(check) Guideline', tooltip: `${server}: ready.\n${click}`, alarm: false };
      const found = `This file: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}.`;
      // Named, so it is not mistaken for the Problems panel's counts beside it (those cover every file).
      const text = counts.errors + counts.warnings === 0 ? '$(check) Guideline' : `Guideline $(error) ${counts.errors} $(warning) ${counts.warnings}`;
      return { text, tooltip: `${server}: ready.\n${found}\n${click}`, alarm: false };
    }
  }
}
