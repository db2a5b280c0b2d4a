/**
 * Compose variable interpolation: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`.
 * A variable that is not defined and has no default stays unknown: the result
 * says so and callers never guess a value for it.
 */
export interface Interpolated {
  value: string;
  /** True when some variable had no value and no default. */
  unknown: boolean;
  /** Names of the variables that were not defined. */
  missing: string[];
}

export type Environment = ReadonlyMap<string, string>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function interpolate(raw: string, env: Environment): Interpolated {
  const missing: string[] = [];
  const value = expand(raw, env, missing, 0);
  return { value, unknown: missing.length > 0, missing };
}

function expand(raw: string, env: Environment, missing: string[], depth: number): string {
  if (!raw.includes('$')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = raw[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = findClose(raw, i + 2);
      if (close < 0) {
        out += raw.slice(i);
        break;
      }
      out += substitute(raw.slice(i + 2, close), env, missing, depth);
      i = close + 1;
      continue;
    }
    const match = NAME.exec(raw.slice(i + 1));
    if (!match) {
      out += '$';
      i++;
      continue;
    }
    out += lookup(match[0], env, missing);
    i += 1 + match[0].length;
  }
  return out;
}

function findClose(raw: string, from: number): number {
  let depth = 0;
  for (let j = from; j < raw.length; j++) {
    if (raw[j] === '{') depth++;
    else if (raw[j] === '}') {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

/**
 * A `.env` value that references a variable `.env` does not define (`TAG=${CI_TAG}`)
 * keeps the `${CI_TAG}` text: its real value is unknown too.
 */
const UNRESOLVED = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/;

function lookup(name: string, env: Environment, missing: string[]): string {
  const value = env.get(name);
  if (value === undefined) {
    missing.push(name);
    return '${' + name + '}';
  }
  if (UNRESOLVED.test(value)) missing.push(name);
  return value;
}

function substitute(body: string, env: Environment, missing: string[], depth: number): string {
  const match = NAME.exec(body);
  if (!match) return '${' + body + '}';
  const name = match[0];
  const rest = body.slice(name.length);
  const value = env.get(name);
  const nested = (text: string): string => (depth > 8 ? text : expand(text, env, missing, depth + 1));
  if (rest === '') return lookup(name, env, missing);
  if (value !== undefined && value !== '' && UNRESOLVED.test(value)) return lookup(name, env, missing);
  const operator = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (!operator) return '${' + body + '}';
  const arg = rest.slice(operator.length);
  switch (operator) {
    case ':-':
      return value !== undefined && value !== '' ? value : nested(arg);
    case '-':
      return value !== undefined ? value : nested(arg);
    case ':?':
    case '?':
      if (value === undefined || (operator === ':?' && value === '')) {
        missing.push(name);
        return '${' + name + '}';
      }
      return value;
    case ':+':
      return value !== undefined && value !== '' ? nested(arg) : '';
    default:
      return value !== undefined ? nested(arg) : '';
  }
}

/**
 * Parses a `.env` file like Compose: `KEY=value`, `export KEY=value`, `KEY: value`,
 * single quotes (literal), double quotes (escapes, may span lines), unquoted values
 * with ` #` comments, and `${VAR}` references to earlier keys (not inside single quotes).
 * Values that reference a variable the file does not define keep the `${VAR}` text.
 */
export function parseDotEnv(text: string, base: Environment = new Map()): Map<string, string> {
  const env = new Map<string, string>();
  const lookup = (): Environment => new Map([...base, ...env]);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s?(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!;
    let rest = m[2]!.trimStart();
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      // The value runs to the matching quote, possibly over several lines.
      let body = rest.slice(1);
      let close = findQuote(body, quote);
      while (close < 0 && index + 1 < lines.length) {
        body += '\n' + lines[++index]!;
        close = findQuote(body, quote);
      }
      const value = close < 0 ? body : body.slice(0, close);
      if (quote === "'") env.set(key, value);
      else env.set(key, expandValue(unescapeDouble(value), lookup()));
      continue;
    }
    rest = rest.replace(/\s+#.*$/, '').trim();
    env.set(key, expandValue(rest, lookup()));
  }
  return env;
}

function findQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && quote === '"') {
      i++;
      continue;
    }
    if (body[i] === quote) return i;
  }
  return -1;
}

function unescapeDouble(value: string): string {
  return value.replace(/\\([nrt"\\$])/g, (_, ch: string) => (ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch === 't' ? '\t' : ch === '$' ? '$$' : ch));
}

/** Values in `.env` may themselves reference earlier variables. */
function expandValue(value: string, env: Environment): string {
  return value.includes('$') ? interpolate(value, env).value : value;
}
