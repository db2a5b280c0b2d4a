/** A small, strict argument parser: unknown options are usage errors, never ignored. */
export interface OptionSpec {
  /** Takes a value (`--format json` or `--format=json`). */
  value?: boolean;
  /** May be given several times; values are collected. */
  multiple?: boolean;
}

export interface ParsedArgs {
  options: Map<string, string[]>;
  flags: Set<string>;
  positionals: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const parsed: ParsedArgs = { options: new Map(), flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const option = spec[name];
    if (!option) throw new UsageError(`unknown option ${name}`);
    if (!option.value) {
      if (eq >= 0) throw new UsageError(`option ${name} takes no value`);
      parsed.flags.add(name);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option ${name} needs a value`);
    const values = parsed.options.get(name) ?? [];
    if (values.length > 0 && !option.multiple) throw new UsageError(`option ${name} given more than once`);
    values.push(value);
    parsed.options.set(name, values);
  }
  return parsed;
}

export function single(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}
