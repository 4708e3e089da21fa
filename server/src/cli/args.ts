// A small argument reader: positionals, `--flag value`, `--flag=value` and boolean `--flag`.
export interface Args {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], valued: ReadonlySet<string>): Args {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) options.set(arg.slice(2, eq), arg.slice(eq + 1));
      else if (valued.has(arg.slice(2)) && i + 1 < argv.length) options.set(arg.slice(2), argv[++i]);
      else options.set(arg.slice(2), true);
    } else positionals.push(arg);
  }
  return { positionals, options };
}

export class UsageError extends Error {}

export function option(args: Args, name: string): string | undefined {
  const v = args.options.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

export function format<T extends string>(args: Args, allowed: readonly T[], fallback: T): T {
  const f = option(args, 'format') ?? fallback;
  if (!(allowed as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return f as T;
}
