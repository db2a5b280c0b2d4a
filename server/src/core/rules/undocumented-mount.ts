import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ComposeFileModel } from '../compose/parse';
import { keyText } from '../compose/yaml';
import { insertLinesAbove, itemIndentColumn } from '../edits/compose-edits';
import type { KnowledgeBase } from '../knowledge/lookup';
import type { Mount } from '../model';
import { isSameOrParent, isScratchPath } from '../paths';
import type { ComposeConfiguration, ComposeWorkload } from '../project';
import { describeState, statePaths } from '../state';
import { sourceReason } from './source-bind-mount-in-production';
import type { Fix } from '../types';
import { modelOf } from '../production';
import type { Rule } from './types';

export const TODO_COMMENT = 'TODO: describe what this mount holds';

export const undocumentedMount: Rule = {
  meta: {
    id: 'undocumented-mount',
    description: 'A mount has no comment saying what it holds (on its line, directly above it, or on the named volume\'s declaration).',
    defaultSeverity: 'info',
    fixable: true,
    messages: {
      undocumented:
        'Mount {{mount}} of service "{{service}}" is not documented: no comment on its line or directly above it{{volumeNote}}. Say what it holds and whether it must survive a redeploy, so whoever migrates the host, sets up backups or prunes volumes knows what they would lose.',
    },
  },
  checkCompose(context) {
    const { configuration, knowledge } = context;
    // A mount written once in an `x-` anchor and merged into several services is reported once.
    const reported = new Set<string>();
    for (const workload of configuration.workloads) {
      for (const mount of workload.mounts) {
        if (mount.inherited) continue;
        if (mount.syntax !== 'short' && mount.syntax !== 'long') continue;
        if (mount.type === 'tmpfs' || (mount.type === 'anonymous' && isScratchPath(mount.target))) continue;
        if (selfExplanatory(mount)) continue;
        const where = `${mount.location.file}:${mount.location.range.start.line}:${mount.location.range.start.character}`;
        if (reported.has(where)) continue;
        reported.add(where);
        const model = modelOf(configuration, mount.location.file);
        if (!model) continue;
        const found = findItem(model, model.lines.offsetAt(mount.location.range.start));
        if (!found || itemDocumented(found)) continue;
        if (mount.type === 'volume' && mount.source && declarationDocumented(configuration, mount.source)) continue;
        context.report({
          messageId: 'undocumented',
          data: {
            mount: mountLabel(model, mount),
            service: workload.name,
            volumeNote: mount.type === 'volume' && mount.source ? `, nor on the declaration of volume "${mount.source}"` : '',
          },
          location: mount.location,
          service: workload.name,
          containerPath: mount.target,
          fixes: found.seq.flow ? [] : () => [commentFix(model, found.item, describeMount(mount, workload, knowledge, configuration))],
        });
      }
    }
  },
};

/**
 * Whether a mount is documented the way this rule sees it (a comment on its line or directly
 * above, on any line of a long-syntax entry, above the `volumes:` key of a one-entry list,
 * or on the named volume's declaration). Undefined when the entry cannot be found.
 */
export function mountDocumented(configuration: ComposeConfiguration, mount: Mount): boolean | undefined {
  const model = modelOf(configuration, mount.location.file);
  const found = model ? findItem(model, model.lines.offsetAt(mount.location.range.start)) : undefined;
  if (!found) return undefined;
  if (itemDocumented(found)) return true;
  return mount.type === 'volume' && mount.source !== undefined && declarationDocumented(configuration, mount.source);
}

/** Host files that say what they are: the time zone, and the kernel's views mounted for monitoring agents. */
const SELF_EXPLANATORY_SOURCES = new Set(['/etc/localtime', '/etc/timezone', '/proc', '/sys', '/dev', '/']);

/** A bind mount of a well-known host system path: a comment would only repeat the path. */
function selfExplanatory(mount: Mount): boolean {
  if (mount.type !== 'bind' || mount.unknown || mount.source === undefined) return false;
  const source = mount.source.length > 1 ? mount.source.replace(/\/+$/, '') : mount.source;
  return SELF_EXPLANATORY_SOURCES.has(source);
}

/** The mount as written (short syntax), or `source:target`. */
function mountLabel(model: ComposeFileModel, mount: Mount): string {
  if (mount.syntax === 'short') {
    const start = model.lines.offsetAt(mount.location.range.start);
    const end = model.lines.offsetAt(mount.location.range.end);
    const text = model.text.slice(start, end).trim();
    return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
  }
  return mount.source ? `${mount.source}:${mount.target}` : mount.target;
}

/** What the knowledge base says a mount holds; the TODO stub when it does not know. */
export function describeMount(mount: Mount, workload: ComposeWorkload, knowledge: KnowledgeBase, configuration?: ComposeConfiguration): string {
  const state = statePaths(workload, knowledge).find((s) => isSameOrParent(mount.target, s.path) || isSameOrParent(s.path, mount.target));
  if (state) return describeState(state);
  if (mount.target.endsWith('/docker.sock')) return "Docker socket — gives this container control of the host's Docker engine";
  if (mount.target === '/etc/localtime' || mount.target === '/etc/timezone') return 'host time zone';
  if (configuration && sourceReason(mount, workload, configuration, knowledge)) return 'source code from the host, for development (live reload) — not for production';
  return TODO_COMMENT;
}

function commentFix(model: ComposeFileModel, item: Node, text: string): Fix {
  const start = item.range![0];
  const col = itemIndentColumn(model, start);
  return {
    title: text === TODO_COMMENT ? 'Add a comment stub above the mount' : `Document the mount: "${text}"`,
    edits: [insertLinesAbove(model, start, [' '.repeat(col) + '# ' + text])],
    isPreferred: true,
  };
}

/** The sequence item (and its sequence) that starts at `offset`. */
interface FoundItem {
  item: Node;
  seq: YAMLSeq;
  index: number;
  /** The `volumes:` key holding the sequence, and whether it is the first key of its mapping. */
  key?: Node;
  firstKeyOf?: YAMLMap;
}

function findItem(model: ComposeFileModel, offset: number): FoundItem | undefined {
  return sequenceItems(model).get(offset);
}

/** Every sequence item of a file by its start offset, indexed once per parsed file (one walk, not one per mount). */
const itemIndex = new WeakMap<ComposeFileModel, Map<number, FoundItem>>();

function sequenceItems(model: ComposeFileModel): Map<number, FoundItem> {
  let index = itemIndex.get(model);
  if (index) return index;
  const items = new Map<number, FoundItem>();
  const walk = (node: unknown, key?: Node, firstKeyOf?: YAMLMap): void => {
    if (node == null) return;
    if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const start = (item as Node | null)?.range?.[0];
        if (start !== undefined && !items.has(start)) items.set(start, { item: item as Node, seq: node, index: i, key, firstKeyOf });
      });
      for (const child of node.items) walk(child);
    } else if (isMap(node)) {
      node.items.forEach((pair, i) => walk(pair.value, (pair.key as Node | null) ?? undefined, i === 0 ? node : undefined));
    }
  };
  walk(model.doc.contents);
  index = items;
  itemIndex.set(model, index);
  return index;
}

/** Comment text that documents (vsafe directives do not). */
function documents(comment: string | null | undefined): boolean {
  if (!comment) return false;
  return comment.split('\n').some((line) => line.trim() !== '' && !/^\s*vsafe(?:-ignore(?:-file)?\b|:)/.test(line));
}

/** A comment directly above: the last comment line is not followed by a blank line. */
function directlyAbove(comment: string | null | undefined): boolean {
  if (!comment || comment.endsWith('\n')) return false;
  const lines = comment.split('\n');
  return documents(lines[lines.length - 1]);
}

function itemDocumented({ item, seq, index, key, firstKeyOf }: FoundItem): boolean {
  if (documents(item.comment) || directlyAbove(item.commentBefore)) return true;
  // The only entry of a list: a comment directly above its `volumes:` key documents it.
  if (seq.items.length === 1 && (directlyAbove(key?.commentBefore) || (firstKeyOf !== undefined && directlyAbove(firstKeyOf.commentBefore)))) return true;
  if (index === 0 && directlyAbove(seq.commentBefore)) return true;
  if (seq.flow && (documents(seq.comment) || directlyAbove(seq.commentBefore))) return true;
  if (isMap(item)) {
    // A comment on any line of a long-syntax entry.
    for (const pair of item.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (documents(key?.comment) || documents(value?.comment) || documents(value?.commentBefore) || (key !== item.items[0]?.key && documents(key?.commentBefore))) return true;
    }
  }
  return false;
}

/**
 * `name:` with no value: the YAML parser gives the null value its trailing comment and
 * also the comment lines that follow it, which document the next key. Splits the two.
 */
function nullValueComments(model: ComposeFileModel, pair: Pair): { sameLine?: string; below?: string } | undefined {
  const value = pair.value as Node | null;
  if (!isScalar(value) || value.value !== null || !value.comment) return undefined;
  const keyEnd = (pair.key as Node | null)?.range?.[1];
  if (keyEnd === undefined) return undefined;
  const line = model.lines.positionAt(keyEnd).line;
  const onKeyLine = model.text.slice(keyEnd, model.lines.lineEnd(line)).includes('#');
  const [first, ...rest] = value.comment.split('\n');
  return onKeyLine ? { sameLine: first, below: rest.length > 0 ? rest.join('\n') : undefined } : { below: value.comment };
}

/** A comment on the named volume's top-level declaration, in any file of the configuration. */
function declarationDocumented(configuration: ComposeConfiguration, name: string): boolean {
  for (const model of configuration.files) {
    const section = model.volumesPair?.value;
    if (!isMap(section)) continue;
    for (let index = 0; index < section.items.length; index++) {
      const pair = section.items[index]!;
      if (keyText(pair) !== name) continue;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      const split = nullValueComments(model, pair);
      const ownValueComment = split ? split.sameLine : isScalar(value) || isMap(value) ? value.comment : undefined;
      if (documents(key?.commentBefore) || documents(key?.comment) || documents(ownValueComment) || ((isScalar(value) || isMap(value)) && documents(value.commentBefore))) return true;
      // `prev:` with no value swallows the comment lines below it; they sit directly above this key.
      const previous = index > 0 ? section.items[index - 1] : undefined;
      if (previous && directlyAbove(nullValueComments(model, previous)?.below)) return true;
      if (index === 0 && documents(section.commentBefore)) return true;
      if (isMap(value)) for (const inner of value.items) if (documents((inner.value as Node | null)?.comment) || documents((inner.key as Node | null)?.commentBefore)) return true;
    }
  }
  return false;
}
