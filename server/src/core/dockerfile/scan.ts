import * as ast from 'dockerfile-ast';
import type { Instruction } from 'dockerfile-ast';
import type { Position, Range } from '../types';

/*
 * Where a Dockerfile's instructions and comments are, found without building them.
 *
 * dockerfile-ast's parser finds instruction boundaries in one cheap pass, but it also
 * builds every instruction object, and the constructors of RUN, COPY, ADD, CMD and the other
 * exec-form instructions split the arguments up front: two thirds of its parse. Most of those
 * arguments are never read (a RUN script matters only after a VOLUME), so this pass is a
 * line-for-line port of dockerfile-ast 0.7.1's `Parser.parse` loop (directives, comments,
 * escaped line breaks, heredoc bodies) that records offsets; an instruction object is built
 * on first use, by the class dockerfile-ast would have picked, from the very same ranges. A
 * differential test (test/unit/dockerfile-scan.test.ts) checks the ranges, keywords, comments
 * and escape character against dockerfile-ast's own parse of fixtures, the benchmark corpus
 * and random Dockerfiles; the dependency is pinned to the version this port follows.
 */

const { Add, Arg, Cmd, Copy, DockerfileParser, Entrypoint, Env, From, Healthcheck, Label, Onbuild, Run, Shell, Stopsignal, User, Volume, Workdir } = ast;
const InstructionClass = ast.Instruction;

export interface ScannedInstruction {
  /** The keyword as written, escaped line breaks inside it removed (dockerfile-ast's `getInstruction()`). */
  readonly written: string;
  /** Upper case. */
  readonly keyword: string;
  /** Offset of the keyword. */
  readonly start: number;
  /** Offset just after the keyword. */
  readonly keywordEnd: number;
  /** Offset of the end of the instruction: its last line's break, or the end of a heredoc terminator. */
  readonly end: number;
}

export interface ScannedDockerfile {
  readonly text: string;
  readonly escape: string;
  readonly instructions: readonly ScannedInstruction[];
  /** Every `#` comment, also those inside continued instructions (not the parser directives). */
  readonly comments: readonly Range[];
  /** The dockerfile-ast instruction object for `instructions[index]`, built on first use. */
  node(index: number): Instruction;
  /** Offsets to a range, with dockerfile-ast's positions. */
  range(start: number, end: number): Range;
}

/**
 * Larger texts are not Dockerfiles anyone writes (generated or binary files): they are
 * not analysed, so a hostile input cannot stall the editor (argument splitting is slow on huge lines).
 */
export const MAX_DOCKERFILE_LENGTH = 1_000_000;
export const MAX_DOCKERFILE_LINE = 100_000;

/** Scans a Dockerfile; an empty one when the text is beyond the limits. */
export function scanDockerfile(text: string): ScannedDockerfile {
  const within = text.length <= MAX_DOCKERFILE_LENGTH && !hasLineLongerThan(text, MAX_DOCKERFILE_LINE);
  return new Scanner(within ? text : '').scan();
}

/** `\r` or `\n`, by character code. */
const isEOL = (char: number): boolean => char === 13 || char === 10;

/** One pass over the text, no line array. */
function hasLineLongerThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isEOL(c)) lineStart = i + 1;
    else if (i - lineStart >= limit) return true;
  }
  return false;
}

/**
 * The Dockerfile object instructions are built with. dockerfile-ast's instructions consult
 * it only to resolve variables (`getVariables`, `getExpandedArguments`, image names), which
 * vsafe never asks them for: it expands variables itself, the way the builder does.
 */
let placeholderDockerfile: DockerfileObject | undefined;

/** The document type instructions read their text through (vscode-languageserver-textdocument's, not imported by the core). */
type InstructionDocument = ConstructorParameters<typeof ast.Instruction>[0];

/** The parser's Dockerfile class (the package exports only its interface). */
type DockerfileObject = ConstructorParameters<typeof ast.Instruction>[2];

type InstructionConstructor = new (document: InstructionDocument, range: Range, dockerfile: DockerfileObject, escapeChar: string, instruction: string, instructionRange: Range) => Instruction;


/**
 * vscode-languageserver-textdocument 1.0.12's `TextDocument` for one unchanging text: the
 * positions dockerfile-ast computes its ranges with (a position never points between the
 * `\r` and `\n` of a line break), and the document its instructions read.
 */
class DocumentLines implements InstructionDocument {
  readonly uri = '';
  readonly languageId = '';
  readonly version = 0;
  private readonly lineOffsets: number[];

  constructor(private readonly content: string) {
    const offsets = [0];
    for (let i = 0; i < content.length; i++) {
      const ch = content.charCodeAt(i);
      if (isEOL(ch)) {
        if (ch === 13 && i + 1 < content.length && content.charCodeAt(i + 1) === 10) i++;
        offsets.push(i + 1);
      }
    }
    this.lineOffsets = offsets;
  }

  get lineCount(): number {
    return this.lineOffsets.length;
  }

  getText(range?: Range): string {
    if (!range) return this.content;
    return this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.content.length), 0);
    const lineOffsets = this.lineOffsets;
    let low = 0;
    let high = lineOffsets.length;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.ensureBeforeEOL(offset, lineOffsets[line]!);
    return { line, character: offset - lineOffsets[line]! };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.lineOffsets;
    if (position.line >= lineOffsets.length) return this.content.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line]!;
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1]! : this.content.length;
    return this.ensureBeforeEOL(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  private ensureBeforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.content.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** dockerfile-ast's `Parser.createInstruction` switch. */
const CLASSES: Record<string, InstructionConstructor> = {
  ADD: Add,
  ARG: Arg,
  CMD: Cmd,
  COPY: Copy,
  ENTRYPOINT: Entrypoint,
  ENV: Env,
  FROM: From,
  HEALTHCHECK: Healthcheck,
  LABEL: Label,
  ONBUILD: Onbuild,
  RUN: Run,
  SHELL: Shell,
  STOPSIGNAL: Stopsignal,
  WORKDIR: Workdir,
  USER: User,
  VOLUME: Volume,
};

class Scanner {
  private readonly lines: DocumentLines;
  private escapeChar = '\\';
  private readonly instructions: ScannedInstruction[] = [];
  private readonly comments: Range[] = [];
  private readonly nodes: (Instruction | undefined)[] = [];

  constructor(private readonly buffer: string) {
    this.lines = new DocumentLines(buffer);
  }

  scan(): ScannedDockerfile {
    const buffer = this.buffer;
    const directives = this.parserDirectives();
    let offset = 0;
    if (directives.count > 0) {
      this.escapeChar = directives.escape;
      // Parsing starts after the directives, one line each (TextDocument.offsetAt of line `count`).
      offset = this.lines.offsetAt({ line: directives.count, character: 0 });
    } else if (buffer.charCodeAt(0) === 0xfeff) {
      offset = 1;
    }
    for (let i = offset; i < buffer.length; i++) {
      const char = buffer.charAt(i);
      switch (char) {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
          break;
        case '#':
          i = this.processComment(i);
          break;
        default:
          i = this.processInstruction(char, i);
          break;
      }
    }
    return {
      text: buffer,
      escape: this.escapeChar,
      instructions: this.instructions,
      comments: this.comments,
      node: (index) => this.node(index),
      range: (start, end) => this.lines.range(start, end),
    };
  }

  private node(index: number): Instruction {
    let node = this.nodes[index];
    if (!node) {
      const instruction = this.instructions[index];
      if (!instruction) throw new RangeError(`no instruction ${index}`);
      node = this.create(instruction.written, instruction.start, instruction.keywordEnd, instruction.end);
      this.nodes[index] = node;
    }
    return node;
  }

  /** dockerfile-ast's `Parser.createInstruction`, on the same document positions. */
  private create(written: string, start: number, keywordEnd: number, end: number): Instruction {
    // What `parse` returns is an instance of that class.
    placeholderDockerfile ??= DockerfileParser.parse('') as unknown as DockerfileObject;
    const startPosition = this.lines.positionAt(start);
    const lineRange = { start: startPosition, end: this.lines.positionAt(end) };
    const instructionRange = { start: startPosition, end: this.lines.positionAt(keywordEnd) };
    const Class = CLASSES[written.toUpperCase()] ?? InstructionClass;
    return new Class(this.lines, lineRange, placeholderDockerfile, this.escapeChar, written, instructionRange);
  }

  private add(written: string, start: number, keywordEnd: number, end: number): void {
    this.instructions.push({ written, keyword: written.toUpperCase(), start, keywordEnd, end });
  }

  /** `Parser.getParserDirectives`: how many directive lines open the file, and the escape character they set. */
  private parserDirectives(): { count: number; escape: string } {
    const buffer = this.buffer;
    let count = 0;
    let escape: string | undefined;
    const offset = buffer.charCodeAt(0) === 0xfeff ? 1 : 0;
    directiveCheck: for (let i = offset; i < buffer.length; i++) {
      switch (buffer.charAt(i)) {
        case ' ':
        case '\t':
          break;
        case '\r':
        case '\n':
          // blank lines stop the parsing of directives immediately
          break directiveCheck;
        case '#': {
          let directiveStart = -1;
          let directiveEnd = -1;
          for (let j = i + 1; j < buffer.length; j++) {
            let char = buffer.charAt(j);
            switch (char) {
              case ' ':
              case '\t':
                if (directiveStart !== -1 && directiveEnd === -1) directiveEnd = j;
                break;
              case '\r':
              case '\n':
                break directiveCheck;
              case '=': {
                let valueStart = -1;
                let valueEnd = -1;
                if (directiveEnd === -1) directiveEnd = j;
                let lineEnd = buffer.length;
                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                  char = buffer.charAt(k);
                  switch (char) {
                    case '\r':
                    case '\n':
                      if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
                      lineEnd = k;
                      break directiveValue;
                    case '\t':
                    case ' ':
                      if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
                      continue;
                    default:
                      if (valueStart === -1) valueStart = k;
                      break;
                  }
                }
                if (directiveStart === -1) break directiveCheck; // no directive, a regular comment
                if (valueStart === -1) {
                  valueStart = j + 1;
                  valueEnd = lineEnd;
                } else if (valueEnd === -1) {
                  valueEnd = buffer.length;
                }
                count++;
                // Dockerfile.getEscapeCharacter: the first `escape` directive with a valid value.
                if (escape === undefined && buffer.slice(directiveStart, directiveEnd).toLowerCase() === 'escape') {
                  const value = buffer.slice(valueStart, valueEnd);
                  if (value === '\\' || value === '`') escape = value;
                }
                directiveStart = -1;
                i = buffer.charAt(valueEnd) === '\r' ? valueEnd + 1 : valueEnd;
                continue directiveCheck;
              }
              default:
                if (directiveStart === -1) directiveStart = j;
                break;
            }
          }
          break;
        }
        default:
          break directiveCheck;
      }
    }
    return { count, escape: escape ?? '\\' };
  }

  private processInstruction(first: string, start: number): number {
    const buffer = this.buffer;
    const escapeChar = this.escapeChar;
    let instruction = first;
    let instructionEnd = -1;
    let escapedInstruction = false;
    instructionCheck: for (let i = start + 1; i < buffer.length; i++) {
      let char = buffer.charAt(i);
      if (char === escapeChar) {
        escapedInstruction = true;
        char = buffer.charAt(i + 1);
        if (char === '\r' || char === '\n') {
          if (instructionEnd === -1) instructionEnd = i;
          i++;
        } else if (char === ' ' || char === '\t') {
          const j = this.skipBlanks(i + 2);
          if (j < buffer.length) {
            if (!isEOL(buffer.charCodeAt(j))) {
              // found an argument, mark end of instruction
              instructionEnd = i + 1;
              instruction = instruction + escapeChar;
              i = j - 2;
              continue;
            }
            i = j;
            continue;
          }
          // reached EOF
          instructionEnd = i + 1;
          instruction = instruction + escapeChar;
          break instructionCheck;
        } else {
          instructionEnd = i + 1;
          instruction = instruction + escapeChar;
          // reset and consider it as one contiguous word
          escapedInstruction = false;
        }
        continue;
      }
      switch (char) {
        case ' ':
        case '\t': {
          if (escapedInstruction) {
            // on an escaped newline, need to search for non-whitespace
            const j = this.skipBlanks(i + 1);
            if (j < buffer.length && isEOL(buffer.charCodeAt(j))) {
              i = j;
              continue instructionCheck;
            }
            escapedInstruction = false;
          }
          if (instructionEnd === -1) instructionEnd = i;
          i = this.processArguments(instruction, instructionEnd, start, i);
          this.add(instruction, start, instructionEnd, i);
          return i;
        }
        case '\r':
        case '\n':
          if (escapedInstruction) continue;
          if (instructionEnd === -1) instructionEnd = i;
          this.add(instruction, start, i, i);
          return i;
        default:
          // A `#` right after an escaped line break inside the keyword is dropped, as dockerfile-ast does.
          if (char === '#' && escapedInstruction) continue;
          instructionEnd = i + 1;
          instruction = instruction + char;
          escapedInstruction = false;
          break;
      }
    }
    // reached EOF
    if (instructionEnd === -1) instructionEnd = buffer.length;
    this.add(instruction, start, instructionEnd, buffer.length);
    return buffer.length;
  }

  private processArguments(instruction: string, instructionEnd: number, start: number, offset: number): number {
    const buffer = this.buffer;
    let escaped = false;
    argumentsCheck: for (let i = offset + 1; i < buffer.length; i++) {
      const char = buffer.charAt(i);
      if (char === '\r' || char === '\n') {
        if (escaped) continue;
        return this.processHeredocs(instruction, start, instructionEnd, i);
      }
      if (char === this.escapeChar) {
        const next = buffer.charAt(i + 1);
        if (next === '\n' || next === '\r') {
          escaped = true;
          i++;
        } else if (next === ' ' || next === '\t') {
          const j = this.skipBlanks(i + 2);
          // reached EOF
          if (j >= buffer.length) return buffer.length;
          if (isEOL(buffer.charCodeAt(j))) escaped = true;
          i = j;
          continue argumentsCheck;
        }
        continue;
      }
      switch (char) {
        case '#':
          if (escaped) {
            i = this.processComment(i);
            continue argumentsCheck;
          }
          break;
        case ' ':
        case '\t':
          break;
        default:
          if (escaped) escaped = false;
          break;
      }
    }
    return buffer.length;
  }

  /**
   * `Parser.processHeredocs`: skips the bodies of the heredocs an ADD, COPY or RUN (also
   * behind ONBUILD) opens. Every heredoc argument holds `<`: without one the instruction is
   * not built here at all.
   */
  private processHeredocs(written: string, start: number, instructionEnd: number, offset: number): number {
    const keyword = written.toUpperCase();
    if (keyword !== 'ADD' && keyword !== 'COPY' && keyword !== 'RUN' && keyword !== 'ONBUILD') return offset;
    if (this.buffer.lastIndexOf('<', offset) < instructionEnd) return offset;
    let instruction: Instruction | null = this.create(written, start, instructionEnd, offset);
    if (keyword === 'ONBUILD') {
      instruction = (instruction as ast.Onbuild).getTriggerInstruction();
      if (instruction === null) return offset;
      const trigger = instruction.getKeyword();
      if (trigger !== 'ADD' && trigger !== 'COPY' && trigger !== 'RUN') return offset;
    }
    const heredocs: string[] = [];
    let tabbed = false;
    for (const arg of instruction.getArguments()) {
      const value = arg.getValue();
      if (value.startsWith('<<') && value.length > 2) {
        if (value.startsWith('<<-')) tabbed = true;
        const name = parseHeredocName(value);
        if (name !== null) heredocs.push(name);
      }
    }
    for (const heredoc of heredocs) offset = this.parseHeredoc(heredoc, offset, tabbed);
    return offset;
  }

  /** The offset of the first character from `from` on that is not a space or tab. */
  private skipBlanks(from: number): number {
    let j = from;
    while (j < this.buffer.length && (this.buffer.charAt(j) === ' ' || this.buffer.charAt(j) === '\t')) j++;
    return j;
  }

  private processComment(start: number): number {
    const buffer = this.buffer;
    let end = buffer.length;
    for (let i = start + 1; i < buffer.length; i++) {
      if (isEOL(buffer.charCodeAt(i))) {
        end = i;
        break;
      }
    }
    this.comments.push(this.lines.range(start, end));
    return end;
  }

  private parseHeredoc(heredocName: string, offset: number, tabbed: boolean): number {
    const buffer = this.buffer;
    let startWord = -1;
    let lineStart = true;
    for (let i = offset; i < buffer.length; i++) {
      switch (buffer.charAt(i)) {
        case ' ':
          lineStart = false;
          break;
        case '\t':
          if (!tabbed) lineStart = false;
          break;
        case '\r':
        case '\n':
          if (startWord !== -1 && heredocName === buffer.substring(startWord, i)) return i;
          startWord = -1;
          lineStart = true;
          break;
        default:
          if (lineStart) {
            startWord = i;
            lineStart = false;
          }
          break;
      }
    }
    return buffer.length;
  }
}

/** dockerfile-ast's `Util.parseHeredocName`. */
function parseHeredocName(heredoc: string): string | null {
  let value = heredoc.substring(2);
  if (value.charAt(0) === '-') value = value.substring(1);
  if (value.charAt(0) === '"') {
    if (value.charAt(value.length - 1) !== '"') return null;
    value = value.substring(1, value.length - 1);
  }
  if (value.charAt(0) === "'") {
    if (value.charAt(value.length - 1) !== "'") return null;
    value = value.substring(1, value.length - 1);
  }
  if (value.charAt(0) === '<') return null;
  return value;
}
