// Bounded waits for the launchers: a hang becomes a failure with a message, within minutes.

export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs `main` and exits with its code. `cleanup` runs on success, failure, Ctrl-C, and when
 * the whole run exceeds `limitMs` (then the exit code is 1).
 */
export function runMain(name: string, limitMs: number, main: () => Promise<number>, cleanup: () => Promise<void>): void {
  let cleaning: Promise<void> | undefined;
  const finish = (code: number): void => {
    cleaning ??= withDeadline(cleanup(), 30_000, `${name}: cleanup`).catch((err: unknown) => console.error(`${name}: cleanup failed: ${String(err)}`));
    void cleaning.then(() => process.exit(code));
  };
  setTimeout(() => {
    console.error(`${name}: the run took longer than ${Math.round(limitMs / 60_000)} min; stopping it.`);
    finish(1);
  }, limitMs);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => finish(130));
  main().then(finish, (err: unknown) => {
    console.error(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    finish(1);
  });
}
