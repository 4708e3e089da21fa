// The editor's settings, as command-line flags: the same Settings object either way.
import { readSettings, type Settings } from '../model/settings.js';
import { option, UsageError, type Args } from './args.js';

export const settingsFlags = ['discordant-severity', 'conflict-severity', 'consensus', 'strong', 'max-document-size'];

export const settingsHelp = `  --discordant-severity error|warning|information|hint|off
                        severity of a strong recommendation on low certainty without a rationale (default information)
  --conflict-severity error|warning|information|hint|off
                        severity of rules that recommend for and against the same intervention for the same
                        patients with no \`overrides\` between them (default error)
  --consensus N         consensus threshold in percent when a guideline has no panel block (default 80)
  --strong N            strong-endorsement threshold in percent when there is no panel block (default 70)
  --no-unused           do not report declarations that nothing uses
  --max-document-size N longest file analysed, in Mi characters (default 1); a longer one is not checked`;

export function settingsFromArgs(args: Args): Settings {
  const num = (name: string): number | undefined => {
    const v = option(args, name);
    if (v === undefined) return undefined;
    const n = Number(v.replace(/%$/, ''));
    if (!Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`--${name} must be a percentage between 0 and 100`);
    return n;
  };
  const severity = (name: string): string | undefined => {
    const v = option(args, name);
    if (v !== undefined && !['error', 'warning', 'information', 'hint', 'off'].includes(v)) {
      throw new UsageError(`--${name} must be error, warning, information, hint or off`);
    }
    return v;
  };
  const size = option(args, 'max-document-size');
  const maxDocumentSize = size === undefined ? undefined : Number(size);
  if (maxDocumentSize !== undefined && !(maxDocumentSize > 0 && Number.isFinite(maxDocumentSize))) throw new UsageError('--max-document-size must be a positive number (Mi characters)');
  return readSettings({
    maxDocumentSize,
    discordantSeverity: severity('discordant-severity'),
    conflictSeverity: severity('conflict-severity'),
    defaultConsensus: num('consensus'),
    defaultStrong: num('strong'),
    reportUnused: !args.options.has('no-unused'),
  });
}
