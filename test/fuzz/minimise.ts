// Shrinks a failing input while it still fails the same way (delta debugging over lines,
// then tokens, then characters), within a budget of runs, so a reproducer is short.
import type { Violation } from './oracle.js';

/** What makes two failures the same class: kind, feature and, for errors, the message without numbers. */
export function signature(v: Violation): string {
  const where = v.where.replace(/@\d+/g, '').replace(/ ".*"/, '').replace(/ (statement details|tree) .*/, ' $1');
  const detail = v.kind === 'exception' || v.kind === 'internal-error' || v.kind === 'crash' ? ` ${v.message.replace(/\d+/g, 'N').replace(/\(.*\)$/, '').slice(0, 80)}` : '';
  return `${v.kind} ${where}${detail}`;
}

export async function minimise(text: string, stillFails: (t: string) => Promise<boolean>, budget: number): Promise<string> {
  let best = text;
  let runs = 0;
  const attempt = async (candidate: string): Promise<boolean> => {
    if (runs >= budget || candidate === best) return false;
    runs++;
    if (await stillFails(candidate)) {
      best = candidate;
      return true;
    }
    return false;
  };
  for (const split of [(t: string) => t.split(/(?<=\n)/), (t: string) => t.match(/\s+|[A-Za-z_0-9.]+|"[^"\n]*"|[\s\S]/g) ?? [], (t: string) => [...t]]) {
    let parts = split(best);
    let chunk = Math.max(1, Math.floor(parts.length / 2));
    while (chunk >= 1 && runs < budget) {
      let removed = false;
      for (let i = 0; i + chunk <= parts.length && runs < budget; ) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)];
        if (await attempt(candidate.join(''))) {
          parts = candidate;
          removed = true;
        } else i += chunk;
      }
      if (!removed) chunk = Math.floor(chunk / 2);
    }
  }
  return best;
}
