import { normalizeContainerPath } from '../paths';
import { expandReferenceAt, referenceEnd, UNKNOWN, type Scope } from './expand';

/**
 * A small, conservative reader for the POSIX shell that `RUN` executes: enough to
 * find the paths a command line writes (mkdir, redirects, cp/mv destinations,
 * chown/chmod targets, touch, ln, tar -C, git clone …). It never guesses: a path it
 * cannot resolve is left out. Offsets point into the Dockerfile text so findings
 * land on the exact word.
 */

export interface ShellWord {
  kind: 'word';
  /** The word as written (quotes, escapes and `$` references kept). */
  raw: string;
  start: number;
  end: number;
}

export interface ShellOperator {
  kind: 'op';
  op: string;
  start: number;
  end: number;
}

export type ShellToken = ShellWord | ShellOperator;

export interface TokenizeOptions {
  /**
   * Dockerfile instruction text: `\` + newline continues the line and comment lines
   * inside a continued instruction are dropped (Docker does this before the shell runs).
   * Otherwise the text is a script (a heredoc body) where a newline ends a command.
   */
  instruction: boolean;
}

const OPERATOR_START = new Set(['&', '|', ';', '(', ')', '<', '>']);
const OPERATORS = ['&&', '||', ';;', '&>>', '&>', '>>', '>|', '>&', '<<<', '<<-', '<<', '<&', '<>', '|&', ';', '|', '&', '(', ')', '>', '<'];

/** Splits `text[start, end)` into words and operators, keeping document offsets. */
export function tokenizeShell(text: string, start: number, end: number, options: TokenizeOptions): ShellToken[] {
  const tokens: ShellToken[] = [];
  let i = start;
  let pendingHeredoc: { delimiter: string; strip: boolean } | undefined;
  const atLineContinuation = (at: number): number => {
    // `\` + (CR)LF: returns the offset after the line break, or -1.
    if (text[at] !== '\\') return -1;
    if (text[at + 1] === '\n') return at + 2;
    if (text[at + 1] === '\r' && text[at + 2] === '\n') return at + 3;
    return -1;
  };
  const skipCommentLines = (at: number): number => {
    // Docker drops comment lines and empty lines inside a continued instruction.
    let cursor = at;
    for (;;) {
      let j = cursor;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < end && text[j] === '#') {
        while (j < end && text[j] !== '\n') j++;
        cursor = Math.min(end, j + 1);
        continue;
      }
      if (j < end && (text[j] === '\n' || text[j] === '\r')) {
        cursor = j + (text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1);
        continue;
      }
      return cursor;
    }
  };
  while (i < end) {
    const ch = text[i]!;
    const continued = atLineContinuation(i);
    if (continued >= 0) {
      i = options.instruction ? skipCommentLines(continued) : continued;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '\n') {
      tokens.push({ kind: 'op', op: '\n', start: i, end: i + 1 });
      i++;
      if (pendingHeredoc) {
        i = skipHeredocBody(text, i, end, pendingHeredoc);
        pendingHeredoc = undefined;
      }
      continue;
    }
    if (ch === '#') {
      // A comment runs to the end of the line (in an instruction, to its end).
      while (i < end && text[i] !== '\n') i++;
      if (options.instruction) i = end;
      continue;
    }
    const op = OPERATOR_START.has(ch) ? OPERATORS.find((o) => text.startsWith(o, i) && i + o.length <= end) : undefined;
    if (op) {
      tokens.push({ kind: 'op', op, start: i, end: i + op.length });
      i += op.length;
      if (op === '<<' || op === '<<-') {
        const word = readWord(text, i, end, atLineContinuation);
        if (word) {
          tokens.push(word);
          i = word.end;
          pendingHeredoc = { delimiter: unquote(word.raw), strip: op === '<<-' };
        }
      }
      continue;
    }
    const word = readWord(text, i, end, atLineContinuation);
    if (!word) {
      i++;
      continue;
    }
    // `2>file`: a file-descriptor number glued to a redirection belongs to the operator.
    const next = text[word.end];
    if (/^\d+$/.test(word.raw) && (next === '>' || next === '<')) {
      const redirect = OPERATORS.find((o) => text.startsWith(o, word.end) && /^[<>]/.test(o))!;
      tokens.push({ kind: 'op', op: redirect, start: word.start, end: word.end + redirect.length });
      i = word.end + redirect.length;
      continue;
    }
    tokens.push(word);
    i = word.end;
  }
  return tokens;
}

function skipHeredocBody(text: string, at: number, end: number, heredoc: { delimiter: string; strip: boolean }): number {
  let cursor = at;
  while (cursor < end) {
    let lineEnd = text.indexOf('\n', cursor);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let line = text.slice(cursor, lineEnd).replace(/\r$/, '');
    if (heredoc.strip) line = line.replace(/^\t+/, '');
    cursor = Math.min(end, lineEnd + 1);
    if (line === heredoc.delimiter) break;
  }
  return cursor;
}

function readWord(text: string, start: number, end: number, continuation: (at: number) => number): ShellWord | undefined {
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (continuation(i) >= 0) {
      // A continuation inside a word joins its halves; stop if a blank follows.
      const after = continuation(i);
      if (after >= end || /[ \t]/.test(text[after]!)) break;
      i = after;
      continue;
    }
    if (/[ \t\r\n;&|()<>]/.test(ch)) break;
    if (ch === '#' && i === start) break;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 || close >= end ? end : close + 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < end && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      i = Math.min(end, j + 1);
      continue;
    }
    if (ch === '`') {
      const close = text.indexOf('`', i + 1);
      i = close < 0 || close >= end ? end : close + 1;
      continue;
    }
    if (ch === '$') {
      const after = referenceEnd(text, i);
      i = after !== undefined ? Math.min(end, after) : i + 1;
      continue;
    }
    i++;
  }
  if (i === start) return undefined;
  return { kind: 'word', raw: text.slice(start, i), start, end: i };
}

/** Removes quotes and escapes without expanding anything (heredoc delimiters). */
function unquote(raw: string): string {
  return raw.replace(/\\\r?\n/g, '').replace(/['"]/g, '').replace(/\\(.)/g, '$1');
}

export interface WordValue {
  value: string;
  /** Part of the value is unknown (variables, command substitution, globs). */
  unknown: boolean;
}

/** Quote removal and variable expansion of one word; unknown parts become {@link UNKNOWN}. */
export function wordValue(raw: string, scope: Scope): WordValue {
  let out = '';
  let unknown = false;
  const text = raw.replace(/\\\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      out += text[i + 1] ?? '';
      i++;
    } else if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      out += text.slice(i + 1, close < 0 ? text.length : close);
      i = close < 0 ? text.length : close;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && /[$`"\\]/.test(text[j + 1] ?? '')) {
          out += text[j + 1];
          j += 2;
        } else if (text[j] === '$') {
          const ref = expandReferenceAt(text, j, scope);
          if (ref) {
            out += ref.value;
            unknown ||= ref.unknown;
            j = ref.end;
          } else {
            out += '$';
            j++;
          }
        } else if (text[j] === '`') {
          const close = text.indexOf('`', j + 1);
          out += UNKNOWN;
          unknown = true;
          j = close < 0 ? text.length : close + 1;
        } else {
          out += text[j];
          j++;
        }
      }
      i = j;
    } else if (ch === '$') {
      const ref = expandReferenceAt(text, i, scope);
      if (ref) {
        out += ref.value;
        unknown ||= ref.unknown;
        i = ref.end - 1;
      } else out += '$';
    } else if (ch === '`') {
      const close = text.indexOf('`', i + 1);
      out += UNKNOWN;
      unknown = true;
      i = close < 0 ? text.length : close;
    } else if (ch === '*' || ch === '?' || ch === '[' || (ch === '{' && isBraceExpansion(text, i))) {
      // Globs and brace expansion: the literal prefix is still certain.
      out += UNKNOWN;
      unknown = true;
      const close = ch === '{' ? text.indexOf('}', i) : ch === '[' ? text.indexOf(']', i) : i;
      i = close < 0 ? i : close;
    } else out += ch;
  }
  return { value: out, unknown };
}

/** `{a,b}` or `{1..3}` starting at `at` (looked for within a short window). */
function isBraceExpansion(text: string, at: number): boolean {
  const window = text.slice(at, at + 256);
  const close = window.indexOf('}');
  return close > 0 && /,|\.\./.test(window.slice(0, close));
}

/** A path a command writes (creates, changes, removes). */
export interface ShellWrite {
  /** Absolute, normalised; may contain {@link UNKNOWN} after a literal prefix. */
  path: string;
  unknown: boolean;
  /** The word that names the path (for a relative write in the working directory, the command word). */
  word: ShellWord;
  command: string;
  /** `chown -R`, `chmod -R`: also changes everything below `path`. */
  recursive?: boolean;
  /** `mkdir -p`: creates the missing parents too. */
  parents?: boolean;
}

export interface WriteContext {
  scope: Scope;
  /** The working directory (WORKDIR), or undefined when it is not known. */
  cwd: string | undefined;
}

/** The paths a shell script writes. */
export function shellWrites(tokens: readonly ShellToken[], context: WriteContext): ShellWrite[] {
  const writes: ShellWrite[] = [];
  const cwdStack: (string | undefined)[] = [];
  let cwd = context.cwd;
  let command: ShellToken[] = [];
  const flush = (): void => {
    if (command.length > 0) {
      const result = simpleCommandWrites(command, { scope: context.scope, cwd });
      writes.push(...result.writes);
      if (result.cd !== false) cwd = result.cd;
    }
    command = [];
  };
  for (const token of tokens) {
    if (token.kind === 'op' && ['&&', '||', ';', ';;', '|', '|&', '&', '\n', '(', ')'].includes(token.op)) {
      flush();
      if (token.op === '(') cwdStack.push(cwd);
      if (token.op === ')' && cwdStack.length > 0) cwd = cwdStack.pop();
      continue;
    }
    command.push(token);
  }
  flush();
  return writes;
}

const RESERVED = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '{', '}', '!', 'fi', 'done', 'esac', 'time']);
const WRAPPERS = new Set(['sudo', 'nohup', 'exec', 'command', 'builtin', 'doas']);
const USER_WRAPPERS = new Set(['gosu', 'su-exec']);

interface CommandResult {
  writes: ShellWrite[];
  /** The new working directory after `cd`, or false when the command is not `cd`. */
  cd: string | undefined | false;
}

function simpleCommandWrites(tokens: readonly ShellToken[], context: WriteContext): CommandResult {
  const writes: ShellWrite[] = [];
  const words: ShellWord[] = [];
  const resolve = (word: ShellWord, command: string): void => {
    const resolved = resolvePath(wordValue(word.raw, context.scope), context.cwd);
    if (resolved) writes.push({ ...resolved, word, command });
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word') {
      words.push(token);
      continue;
    }
    const target = tokens[i + 1];
    if (target?.kind !== 'word') continue;
    i++;
    if (/^\d*(?:>|>>|>\|)$|^&>>?$/.test(token.op)) resolve(target, token.op);
  }
  // Leading assignments, reserved words and wrappers are not the command.
  let at = 0;
  for (;;) {
    const word = words[at];
    if (!word) return { writes, cd: false };
    const value = wordValue(word.raw, context.scope).value;
    if (RESERVED.has(value) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word.raw)) at++;
    else if (value === 'for' || value === 'case') return { writes, cd: false };
    else if (WRAPPERS.has(value)) {
      at++;
      while (words[at] && wordValue(words[at]!.raw, context.scope).value.startsWith('-')) {
        const flag = wordValue(words[at]!.raw, context.scope).value;
        at += flag === '-u' || flag === '-g' ? 2 : 1;
      }
    } else if (value === 'env') {
      at++;
      while (words[at] && /^-|^[A-Za-z_][A-Za-z0-9_]*=/.test(words[at]!.raw)) at++;
    } else if (USER_WRAPPERS.has(value)) at += 2;
    else break;
  }
  const commandWord = words[at]!;
  const name = wordValue(commandWord.raw, context.scope).value.replace(/^.*\//, '');
  const args = words.slice(at + 1).map((word) => ({ word, value: wordValue(word.raw, context.scope).value }));
  if (name === 'cd') {
    const target = args[0];
    if (!target) return { writes, cd: undefined };
    const resolved = resolvePath(wordValue(target.word.raw, context.scope), context.cwd);
    return { writes, cd: resolved && !resolved.unknown ? resolved.path : undefined };
  }
  const first = writes.length;
  for (const word of commandWrites(name, args)) resolve(word, name);
  // `chown -hR`, `chmod --recursive`; `mkdir -pv`, `--parents`.
  if (RECURSIVE_MODE_COMMANDS.has(name) && hasOption(args, CHOWN_OPTIONS, '-R', '--recursive')) for (const write of writes.slice(first)) write.recursive = true;
  if (name === 'mkdir' && hasOption(args, MKDIR_OPTIONS, '-p', '--parents')) for (const write of writes.slice(first)) write.parents = true;
  if (name === 'dd') {
    for (const arg of args) {
      if (!arg.value.startsWith('of=')) continue;
      const resolved = resolvePath({ value: arg.value.slice(3), unknown: arg.value.includes(UNKNOWN) }, context.cwd);
      if (resolved) writes.push({ ...resolved, word: arg.word, command: name });
    }
  }
  const cwdWrite = (name === 'tar' || name === 'unzip' || name === 'git') && writesWorkingDirectory(name, args);
  if (cwdWrite && context.cwd !== undefined) writes.push({ path: context.cwd, unknown: false, word: commandWord, command: name });
  return { writes, cd: false };
}

interface Arg {
  word: ShellWord;
  value: string;
}

const RECURSIVE_MODE_COMMANDS: ReadonlySet<string> = new Set(['chown', 'chgrp', 'chmod']);

/** Whether one of `names` is given before a `--` (a short flag alone or in a cluster such as `-hR`). */
function hasOption(args: readonly Arg[], withValue: ReadonlySet<string>, ...names: string[]): boolean {
  const options = parseOptions(args, withValue).options;
  return names.some((name) => options.has(name));
}

interface ParsedArgs {
  positionals: Arg[];
  options: Map<string, Arg | true>;
}

/** Splits arguments into options and positionals; `withValue` lists options that take an argument. */
function parseOptions(args: readonly Arg[], withValue: ReadonlySet<string>): ParsedArgs {
  const positionals: Arg[] = [];
  const options = new Map<string, Arg | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const v = arg.value;
    if (v === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      if (eq > 0) options.set(v.slice(0, eq), { word: arg.word, value: v.slice(eq + 1) });
      else if (withValue.has(v) && args[i + 1]) options.set(v, args[++i]!);
      else options.set(v, true);
    } else if (v.startsWith('-') && v.length > 1) {
      // A cluster of short flags; the first that takes a value ends it.
      for (let k = 1; k < v.length; k++) {
        const flag = '-' + v[k];
        if (withValue.has(flag)) {
          if (k + 1 < v.length) options.set(flag, { word: arg.word, value: v.slice(k + 1) });
          else if (args[i + 1]) options.set(flag, args[++i]!);
          break;
        }
        options.set(flag, true);
      }
    } else positionals.push(arg);
  }
  return { positionals, options };
}

function optionArg(parsed: ParsedArgs, ...names: string[]): Arg | undefined {
  for (const name of names) {
    const value = parsed.options.get(name);
    if (value && value !== true) return value;
  }
  return undefined;
}

/** Options that take a value, per command. */
const MKDIR_OPTIONS: ReadonlySet<string> = new Set(['-m', '--mode', '--context']);
const TOUCH_OPTIONS: ReadonlySet<string> = new Set(['-d', '-t', '-r', '--date', '--reference', '--time']);
const RM_OPTIONS: ReadonlySet<string> = new Set(['-s', '--size', '-r', '--reference']);
const COPY_OPTIONS: ReadonlySet<string> = new Set(['-t', '--target-directory', '-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group', '-e', '--rsh', '--exclude', '--include', '--chown', '--chmod']);
const CHOWN_OPTIONS: ReadonlySet<string> = new Set(['--from']);
const TAR_OPTIONS: ReadonlySet<string> = new Set(['-f', '--file', '-C', '--directory', '-T', '-X', '--exclude', '-b', '-H', '--format', '-I', '--use-compress-program', '--owner', '--group', '--transform']);
const UNZIP_OPTIONS: ReadonlySet<string> = new Set(['-d', '-x']);
const GIT_CLONE_OPTIONS: ReadonlySet<string> = new Set(['-b', '--branch', '--depth', '-o', '--origin', '-c', '--config', '--reference', '--template', '-u', '--upload-pack', '--separate-git-dir', '--filter', '-j', '--jobs', '--shallow-since', '--shallow-exclude']);
const CURL_OPTIONS: ReadonlySet<string> = new Set(['-o', '--output', '--output-dir', '-H', '--header', '-d', '--data', '-u', '--user', '-X', '--request', '-A', '--user-agent', '-e', '--referer', '-x', '--proxy', '-w', '--write-out', '-m', '--max-time', '--retry', '--connect-timeout', '-F', '--form', '-T', '--upload-file', '-b', '--cookie', '-c', '--cookie-jar', '-r', '--range', '--cacert', '--cert', '--key', '-E']);
const WGET_OPTIONS: ReadonlySet<string> = new Set(['-O', '--output-document', '-P', '--directory-prefix', '-o', '--output-file', '-a', '--append-output', '-U', '--user-agent', '-t', '--tries', '-T', '--timeout', '--header']);
const SED_OPTIONS: ReadonlySet<string> = new Set(['-e', '--expression', '-f', '--file', '-l', '--line-length']);

/** The argument words a command writes to. */
function commandWrites(name: string, args: readonly Arg[]): ShellWord[] {
  const words = (list: readonly Arg[]): ShellWord[] => list.map((a) => a.word);
  switch (name) {
    case 'mkdir':
      return words(parseOptions(args, MKDIR_OPTIONS).positionals);
    case 'touch':
      return words(parseOptions(args, TOUCH_OPTIONS).positionals);
    case 'rm':
    case 'rmdir':
    case 'tee':
    case 'truncate':
      return words(parseOptions(args, RM_OPTIONS).positionals);
    case 'cp':
    case 'mv':
    case 'ln':
    case 'rsync':
    case 'install': {
      const parsed = parseOptions(args, COPY_OPTIONS);
      const target = optionArg(parsed, '-t', '--target-directory');
      if (target) return [target.word];
      if (name === 'install' && (parsed.options.has('-d') || parsed.options.has('--directory'))) return words(parsed.positionals);
      const last = parsed.positionals[parsed.positionals.length - 1];
      if (parsed.positionals.length < 2 || !last) return [];
      // rsync to a remote host (`host:path`) writes nothing here.
      if (name === 'rsync' && /^[^/]*:/.test(last.value)) return [];
      return [last.word];
    }
    case 'chown':
    case 'chgrp':
    case 'chmod': {
      const parsed = parseOptions(args, CHOWN_OPTIONS);
      if (parsed.options.has('--reference')) return words(parsed.positionals);
      return words(parsed.positionals.slice(1));
    }
    case 'tar': {
      const parsed = parseOptions(args, TAR_OPTIONS);
      const bundled = args[0] && !args[0].value.startsWith('-') ? args[0].value : '';
      const extracting = parsed.options.has('-x') || parsed.options.has('--extract') || parsed.options.has('--get') || bundled.includes('x');
      if (!extracting) return [];
      const directory = optionArg(parsed, '-C', '--directory');
      return directory ? [directory.word] : [];
    }
    case 'unzip': {
      const parsed = parseOptions(args, UNZIP_OPTIONS);
      const directory = optionArg(parsed, '-d');
      return directory ? [directory.word] : [];
    }
    case 'git': {
      const clone = args.findIndex((a) => a.value === 'clone');
      if (clone < 0 || args.slice(0, clone).some((a) => !a.value.startsWith('-'))) return [];
      const parsed = parseOptions(args.slice(clone + 1), GIT_CLONE_OPTIONS);
      const dest = parsed.positionals[1];
      return dest ? [dest.word] : [];
    }
    case 'curl': {
      const parsed = parseOptions(args, CURL_OPTIONS);
      const output = optionArg(parsed, '-o', '--output', '--output-dir');
      return output && output.value !== '-' ? [output.word] : [];
    }
    case 'wget': {
      const parsed = parseOptions(args, WGET_OPTIONS);
      const output = optionArg(parsed, '-O', '--output-document', '-P', '--directory-prefix');
      return output && output.value !== '-' ? [output.word] : [];
    }
    case 'sed': {
      const inPlace = args.some((a) => /^-[a-zA-Z]*i/.test(a.value) && !a.value.startsWith('--') || a.value.startsWith('--in-place'));
      if (!inPlace) return [];
      const parsed = parseOptions(args, SED_OPTIONS);
      const hasScript = parsed.options.has('-e') || parsed.options.has('--expression') || parsed.options.has('-f') || parsed.options.has('--file');
      return words(parsed.positionals.slice(hasScript ? 0 : 1));
    }
    default:
      return [];
  }
}

/** Commands that write into the working directory when given no destination. */
function writesWorkingDirectory(name: string, args: readonly Arg[]): boolean {
  if (name === 'tar') {
    const parsed = parseOptions(args, TAR_OPTIONS);
    const bundled = args[0] && !args[0].value.startsWith('-') ? args[0].value : '';
    const extracting = parsed.options.has('-x') || parsed.options.has('--extract') || bundled.includes('x');
    return extracting && !parsed.options.has('-C') && !parsed.options.has('--directory');
  }
  if (name === 'unzip') return !parseOptions(args, UNZIP_OPTIONS).options.has('-d');
  if (name === 'git') {
    const clone = args.findIndex((a) => a.value === 'clone');
    // `git -C /srv clone …` clones into /srv, not the working directory.
    if (clone < 0 || args.slice(0, clone).some((a) => a.value === '-C' || a.value.startsWith('--git-dir') || a.value.startsWith('--work-tree'))) return false;
    return parseOptions(args.slice(clone + 1), GIT_CLONE_OPTIONS).positionals.length === 1;
  }
  return false;
}

/** Absolute path of a word's value; undefined when nothing certain is left. */
export function resolvePath(value: WordValue, cwd: string | undefined): { path: string; unknown: boolean } | undefined {
  const text = value.value;
  if (text === '' || text === '-' || text.startsWith('~') || text.startsWith('&')) return undefined;
  let absolute: string;
  if (text.startsWith('/')) absolute = text;
  else if (text.startsWith(UNKNOWN) || cwd === undefined) return undefined;
  else absolute = cwd + '/' + text;
  if (absolute.startsWith('/dev/') || absolute === '/dev') return undefined;
  if (!value.unknown) return { path: normalizeContainerPath(absolute), unknown: false };
  // Keep only the certain directory prefix: `/data/$X/y` → `/data` + unknown.
  const prefix = absolute.slice(0, absolute.indexOf(UNKNOWN));
  const dir = prefix.slice(0, prefix.lastIndexOf('/'));
  if (dir === '') return undefined;
  return { path: normalizeContainerPath(dir) + '/' + UNKNOWN, unknown: true };
}
