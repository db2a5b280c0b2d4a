import { isMap, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { commentIndex, isBlank, type CommentIndex, type YamlComment } from '../compose/comments';
import { appendTo, ObjectSlot } from '../collections';
import { MountEntryReports } from '../compose/mounts';
import type { ComposeFileModel } from '../compose/parse';
import { keyText } from '../compose/yaml';
import { insertLinesAbove, itemIndentColumn } from '../edits/compose-edits';
import type { KnowledgeBase } from '../knowledge/lookup';
import type { Mount } from '../model';
import { isSameOrParent, isScratchPath } from '../paths';
import { serviceList } from '../text';
import type { ComposeConfiguration, ComposeWorkload } from '../project';
import { describeState, isAboveVolume, statePaths } from '../state';
import { sourceReason } from './source-bind-mount-in-production';
import type { LineIndex } from '../text';
import type { Fix } from '../types';
import { modelOf } from '../production';
import type { ComposeRuleContext, Rule } from './types';

export const TODO_COMMENT = 'TODO: describe what this mount holds';

export const undocumentedMount: Rule = {
  meta: {
    id: 'undocumented-mount',
    description: 'A mount has no comment saying what it holds (on its line, directly above it, or on the named volume\'s declaration).',
    defaultSeverity: 'info',
    fixable: true,
    messages: {
      undocumented:
        'Mount {{mount}} of {{services}} is not documented: no comment on its line or directly above it{{volumeNote}}. Say what it holds and whether it must survive a redeploy, so whoever migrates the host, sets up backups or prunes volumes knows what they would lose.',
      shared:
        'Volume "{{name}}" is not documented: no comment on its declaration, nor on any of its mounts ({{mounts}} of {{services}}). Say what it holds and whether it must survive a redeploy, so whoever migrates the host, sets up backups or prunes volumes knows what they would lose. One comment on the declaration documents every mount.',
      socket:
        'Mount {{mount}} of {{services}} is not documented: no comment on its line or directly above it. It hands the container a host socket: say what the container uses it for, so whoever reviews or migrates the host knows what it can control.',
    },
  },
  checkCompose(context) {
    const { configuration, knowledge } = context;
    const entries = new MountEntryReports(configuration);
    const undocumented: Undocumented[] = [];
    for (const workload of configuration.workloads) {
      for (const mount of workload.mounts) {
        if (mount.inherited) continue;
        if (mount.syntax !== 'short' && mount.syntax !== 'long') continue;
        if (mount.type === 'tmpfs' || (mount.type === 'anonymous' && isScratchPath(mount.target))) continue;
        if (selfExplanatory(mount)) continue;
        if (entries.done(mount)) continue;
        const { services, shared } = entries.take(mount, workload.name);
        const model = modelOf(configuration, mount.location.file);
        if (!model) continue;
        const found = findItem(model, model.lines.offsetAt(mount.location.range.start));
        if (!found || itemDocumented(model, found)) continue;
        if (mount.type === 'volume' && mount.source && declarationDocumented(configuration, mount.source)) continue;
        undocumented.push({ workload, mount, services, shared, model, found });
      }
    }
    // A declared volume several entries mount (one per service, written apart) is one finding,
    // at its first mount, documented once on its declaration: not one finding per service.
    const byVolume = new Map<string, Undocumented[]>();
    for (const entry of undocumented) {
      const { mount } = entry;
      if (mount.type === 'volume' && mount.source && !mount.unknown && configuration.volumes.has(mount.source)) appendTo(byVolume, mount.source, entry);
    }
    for (const entry of undocumented) {
      const { workload, mount, services, shared, model, found } = entry;
      const group = mount.type === 'volume' && mount.source ? byVolume.get(mount.source) : undefined;
      if (group && group.length > 1) {
        if (group[0] === entry) reportShared(context, mount.source!, group, knowledge);
        continue;
      }
      context.report({
        messageId: isSocket(mount) ? 'socket' : 'undocumented',
        data: {
          mount: mountLabel(model, mount),
          services: serviceList(services),
          volumeNote: mount.type === 'volume' && mount.source && !mount.unknown ? `, nor on the declaration of volume "${mount.source}"` : '',
        },
        location: mount.location,
        service: workload.name,
        services: shared,
        containerPath: mount.target,
        fixes: found.seq.flow ? [] : () => [commentFix(model, found.item, describeMount(mount, workload, knowledge, configuration))],
      });
    }
  },
};

/** An undocumented mount entry, with what the report needs. */
interface Undocumented {
  workload: ComposeWorkload;
  mount: Mount;
  services: string[];
  shared: string[] | undefined;
  model: ComposeFileModel;
  found: FoundItem;
}

/** One finding for a declared volume whose mounts in several services are all undocumented; the fix comments its declaration. */
function reportShared(context: ComposeRuleContext, name: string, group: readonly Undocumented[], knowledge: KnowledgeBase): void {
  const { configuration } = context;
  const first = group[0]!;
  const services = [...new Set(group.flatMap((g) => g.services))];
  // The knowledge base's description when every mount says the same; the stub otherwise.
  const texts = new Set(group.map((g) => describeMount(g.mount, g.workload, knowledge, configuration)));
  const text = texts.size === 1 ? [...texts][0]! : TODO_COMMENT;
  const declaration = configuration.volumes.get(name);
  const declared = declaration && configuration.files.includes(declaration.file) ? declaration : undefined;
  context.report({
    messageId: 'shared',
    data: { name, mounts: [...new Set(group.map((g) => mountLabel(g.model, g.mount)))].join(', '), services: serviceList(services) },
    location: first.mount.location,
    service: first.workload.name,
    services,
    containerPath: first.mount.target,
    related: [
      ...group.slice(1).map((g) => ({ location: g.mount.location, message: `"${g.workload.name}" mounts volume "${name}" here too.` })),
      ...(declaration ? [{ location: declaration.declaration.keyLocation, message: `A comment here documents every mount of "${name}".` }] : []),
    ],
    fixes: declared ? () => [declarationCommentFix(declared.file, declared.declaration.pair, text)] : [],
  });
}

function declarationCommentFix(model: ComposeFileModel, pair: Pair, text: string): Fix {
  const start = (pair.key as Node).range![0];
  const column = model.lines.positionAt(start).character;
  return {
    title: text === TODO_COMMENT ? 'Add a comment stub above the volume declaration' : `Document the volume: "${text}"`,
    edits: [insertLinesAbove(model, start, [' '.repeat(column) + '# ' + text])],
    isPreferred: text !== TODO_COMMENT,
  };
}

/**
 * Whether a mount is documented the way this rule sees it (a comment on its line or directly
 * above, on any line of a long-syntax entry, above the `volumes:` key of a one-entry list,
 * or on the named volume's declaration). Undefined when the entry cannot be found.
 */
export function mountDocumented(configuration: ComposeConfiguration, mount: Mount): boolean | undefined {
  // Host views the rule never asks to document (`/etc/localtime`, `/proc`) explain themselves.
  if (selfExplanatory(mount)) return true;
  const model = modelOf(configuration, mount.location.file);
  const found = model ? findItem(model, model.lines.offsetAt(mount.location.range.start)) : undefined;
  if (!model || !found) return undefined;
  if (itemDocumented(model, found)) return true;
  return mount.type === 'volume' && mount.source !== undefined && declarationDocumented(configuration, mount.source);
}

/**
 * Host files that say what they are: the time zone, the machine id, the kernel's modules,
 * and the udev and D-Bus views that device and Bluetooth integrations (Home Assistant,
 * zigbee2mqtt, Frigate) mount.
 */
const SELF_EXPLANATORY_SOURCES = new Set(['/etc/localtime', '/etc/timezone', '/usr/share/zoneinfo', '/etc/machine-id', '/lib/modules', '/run/udev', '/run/dbus', '/var/run/dbus', '/']);

/** The kernel's views, mounted whole or in part for monitoring agents (`/sys/fs/cgroup`, `/dev/serial/by-id`). */
const SELF_EXPLANATORY_ROOTS = ['/proc', '/sys', '/dev'];

/** A bind mount of a well-known host system path: a comment would only repeat the path. */
function selfExplanatory(mount: Mount): boolean {
  if (mount.type !== 'bind' || mount.unknown || mount.source === undefined) return false;
  const source = mount.source.length > 1 ? mount.source.replace(/\/+$/, '') : mount.source;
  return SELF_EXPLANATORY_SOURCES.has(source) || isKernelView(source) || isDevContainerWorkspace(mount);
}

/**
 * The workspace of a VS Code dev container (`..:/workspaces/app:cached` in
 * `.devcontainer/docker-compose.yml`): the project's own checkout, by the dev containers' convention.
 */
function isDevContainerWorkspace(mount: Mount): boolean {
  const file = mount.location.file;
  const folder = file.slice(0, file.lastIndexOf('/'));
  return folder.endsWith('/.devcontainer') && isSameOrParent('/workspaces', mount.target);
}

/** A host path in the kernel's views (`/proc`, `/sys`, `/dev` and below): no data of the project. */
export function isKernelView(source: string): boolean {
  return SELF_EXPLANATORY_ROOTS.some((root) => isSameOrParent(root, source));
}

/** A bind-mounted host socket (`/var/run/docker.sock`): nothing is stored in it, it grants access. */
export function isSocket(mount: Mount): boolean {
  // A source from a variable vsafe cannot resolve (`${DOCKER_SOCKET_LOCATION}`) may be a host path.
  return (mount.type === 'bind' || (mount.unknown && mount.type === 'volume')) && (mount.target.endsWith('.sock') || mount.source?.endsWith('.sock') === true);
}

/** A host socket or a kernel view (`/var/run/docker.sock`, `/proc`, `/dev/ttyUSB0`): it holds no data, it grants access. */
export function isHostInterface(mount: Mount): boolean {
  if (isSocket(mount)) return true;
  if (mount.type !== 'bind' || mount.unknown || mount.source === undefined) return false;
  return isKernelView(mount.source);
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
  // Not a state the mount sits above while the image's own VOLUME below it takes the data,
  // nor one it only reaches into (./dashboards at /var/lib/grafana/dashboards is not grafana.db).
  const state = statePaths(workload, knowledge).find(
    (s) => (isSameOrParent(mount.target, s.path) || (s.dataPath !== undefined && isSameOrParent(mount.target, s.dataPath))) && !isAboveVolume(s, mount.target),
  );
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
    // A TODO says nothing yet: `--fix` and fix-all on save write only what the knowledge base knows.
    isPreferred: text !== TODO_COMMENT,
  };
}

/** The sequence item (and its sequence) that starts at `offset`. */
interface FoundItem {
  item: Node;
  seq: YAMLSeq;
  index: number;
  /** The `volumes:` key holding the sequence, and whether it is the first key of its mapping. */
  key?: Node;
  keyIsFirst: boolean;
}

function findItem(model: ComposeFileModel, offset: number): FoundItem | undefined {
  return sequenceItems(model).get(offset);
}

/** Every sequence item of a file by its start offset, indexed once per parsed file (one walk, not one per mount). */
const itemIndex = new ObjectSlot<ComposeFileModel, Map<number, FoundItem>>('vsafe.undocumentedMountItems');

function sequenceItems(model: ComposeFileModel): Map<number, FoundItem> {
  let index = itemIndex.get(model);
  if (index) return index;
  const items = new Map<number, FoundItem>();
  const walk = (node: unknown, key?: Node, keyIsFirst = false): void => {
    if (node == null) return;
    if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const start = (item as Node | null)?.range?.[0];
        if (start !== undefined && !items.has(start)) items.set(start, { item: item as Node, seq: node, index, key, keyIsFirst });
      });
      for (const child of node.items) walk(child);
    } else if (isMap(node)) {
      node.items.forEach((pair, index) => walk(pair.value, (pair.key as Node | null) ?? undefined, index === 0));
    }
  };
  walk(model.doc.contents);
  index = items;
  itemIndex.set(model, index);
  return index;
}

/** vsafe's own comments: directives, not documentation. */
const DIRECTIVE = /^\s*vsafe(?:-ignore(?:-file)?\b|:)/;

/** A comment that documents (vsafe directives and empty comments do not). */
function documents(comment: YamlComment | undefined): boolean {
  return comment !== undefined && comment.text.trim() !== '' && !DIRECTIVE.test(comment.text) && !COMMENTED_OUT_ENTRY.test(comment.text);
}

/**
 * Commented-out YAML, disabled code rather than a note on what the entry below holds: a
 * mount (`# - ./logs:/var/www/html/logs:z`), any one-word item with `=` or `:`
 * (`# - COUNTRY_CODE=zw`), a service key that opens a block (`# environment:`; a heading
 * such as `# Uploads:` still documents).
 */
const COMMENTED_OUT_ENTRY =
  /^#*\s*(?:-\s+["']?[^\s"'#]*[:=][^\s]*["']?|(?:environment|ports|volumes|command|entrypoint|depends_on|networks|labels|healthcheck|env_file|expose|extra_hosts|devices|secrets|configs|deploy|logging|ulimits|sysctls|cap_add|cap_drop|tmpfs|build|links):)\s*$/;

/** A comment that documents on a line of `from`..`to`, after content or on its own. */
function documentedOn(comments: CommentIndex, from: number, to: number): boolean {
  return comments.onLines(from, to).some(documents);
}

/**
 * A comment that documents a block node from `line` to `lastLine` whose indicator (the `-`
 * of an item, a key) is at `column`: on one of its lines, or in the comment lines right
 * below it indented past `column` (they continue it).
 */
function documentedWithin(comments: CommentIndex, line: number, lastLine: number, column: number): boolean {
  if (documentedOn(comments, line, lastLine)) return true;
  for (const comment of comments.blockBelow(lastLine)) {
    if (comments.columnOf(comment) <= column) break;
    if (documents(comment)) return true;
  }
  return false;
}

/**
 * A comment that documents directly above a block node starting on `line` with its indicator
 * at `column`: in the comment lines right above it (no blank line between), less those at
 * their top indented past `column` right after a previous sibling (they continue it). Above
 * the first entry of a collection, a comment after the parent's key on the line above counts too.
 */
function documentedAbove(comments: CommentIndex, line: number, column: number, first: boolean): boolean {
  let block = comments.blockAbove(line);
  const top = line - block.length - 1;
  if (first) {
    if (top >= 0 && documents(comments.trailingOn(top))) return true;
  } else if (top >= 0) {
    // Comments indented past the key belong to the entry above it (a commented-out
    // `# LOADBALANCER_IPS: ""` closing an `environment:` block), blank line or not.
    let continuing = 0;
    while (continuing < block.length && comments.columnOf(block[continuing]!) > column) continuing++;
    block = block.slice(continuing);
  }
  return block.some(documents);
}

/**
 * The line of a block item's `-`: the item's first line, or a line above it when the `-`
 * stands alone there (`- # uploaded media` with `type: volume` below, perhaps after more
 * comment lines): a comment after that `-` is on the entry's own line.
 */
function dashLine(comments: CommentIndex, line: number): number {
  for (let above = line - 1; above >= 0; above--) {
    const comment = comments.onLine(above);
    if (comment?.ownLine) continue;
    const text = comments.lines.lineText(above);
    const code = comment ? text.slice(0, comments.columnOf(comment)) : text;
    return code.trim() === '-' ? above : line;
  }
  return line;
}

/** Only spaces and tabs before `offset` on its line. */
function beginsLine(lines: LineIndex, offset: number): boolean {
  const line = lines.positionAt(offset).line;
  return lines.text.slice(lines.lineStart(line), offset).trim() === '';
}

/**
 * The line of a node's last content character: its value end, before trailing whitespace
 * and comments (block collections end on the next line, and a reader may count the
 * comments after a collection in its range).
 */
function lastContentLine(comments: CommentIndex, node: Node): number {
  const [start, end] = node.range!;
  const text = comments.lines.text;
  let pos = end;
  for (;;) {
    while (pos > start && isBlank(text.charCodeAt(pos - 1))) pos--;
    const line = comments.lineOf(Math.max(start, pos - 1));
    const comment = comments.onLine(line);
    if (pos > start && comment && comment.start < pos && pos <= comment.end) pos = comment.start;
    else return line;
  }
}

/**
 * The rule's reading of "documented", as line questions on the item's node range: a comment
 * on one of its lines (its own line; any line of a long-syntax entry) or right below it
 * indented past its `-`, directly above it, directly above the `volumes:` key of a one-entry
 * list, and for a flow sequence after its closing bracket or directly above it.
 */
function itemDocumented(model: ComposeFileModel, { item, seq, index, key, keyIsFirst }: FoundItem): boolean {
  const comments = commentIndex(model.doc, model.lines);
  const start = item.range![0];
  const line = comments.lineOf(start);
  if (seq.flow) {
    // Flow items share lines with the key and each other: above counts when the item or the sequence begins its line.
    if (documentedOn(comments, line, lastContentLine(comments, item))) return true;
    if (beginsLine(model.lines, start) && comments.blockAbove(line).some(documents)) return true;
    if (seq.range && documents(comments.trailingOn(lastContentLine(comments, seq)))) return true;
    if (seq.range && beginsLine(model.lines, seq.range[0]) && comments.blockAbove(comments.lineOf(seq.range[0])).some(documents)) return true;
  } else {
    const first = dashLine(comments, line);
    const text = model.lines.lineText(first);
    const dash = text.length - text.trimStart().length;
    if (documentedWithin(comments, first, lastContentLine(comments, item), dash)) return true;
    if (documentedAbove(comments, first, dash, index === 0)) return true;
  }
  const keyStart = key?.range?.[0];
  return seq.items.length === 1 && keyStart !== undefined && documentedAbove(comments, comments.lineOf(keyStart), model.lines.positionAt(keyStart).character, keyIsFirst);
}

/** The top-level volume declarations by name (positions in the section), indexed once per section: not one walk per mount. */
const declarationIndexes = new ObjectSlot<YAMLMap, Map<string, number[]>>('vsafe.volumeDeclarations');

function declarationsByName(section: YAMLMap): Map<string, number[]> {
  let index = declarationIndexes.get(section);
  if (index) return index;
  index = new Map();
  for (let i = 0; i < section.items.length; i++) {
    const pair = section.items[i]!;
    const name = (pair.key as Node | null)?.range ? keyText(pair) : undefined;
    if (name !== undefined) appendTo(index, name, i);
  }
  declarationIndexes.set(section, index);
  return index;
}

/**
 * A comment on the named volume's top-level declaration, in any file of the configuration:
 * on its key's line or any line of its value, right below it indented past the key, or directly above the key.
 */
function declarationDocumented(configuration: ComposeConfiguration, name: string): boolean {
  for (const model of configuration.files) {
    const section = model.volumesPair?.value;
    if (!isMap(section)) continue;
    for (const index of declarationsByName(section).get(name) ?? []) {
      const pair = section.items[index]!;
      const keyStart = (pair.key as Node).range![0]; // indexed only with a range
      const comments = commentIndex(model.doc, model.lines);
      const line = comments.lineOf(keyStart);
      const column = model.lines.positionAt(keyStart).character;
      const value = pair.value as Node | null;
      // `name:` with no value has an empty value node (which may sit after the comments below the key).
      const last = value?.range && value.range[1] > value.range[0] ? Math.max(line, lastContentLine(comments, value)) : line;
      if (documentedWithin(comments, line, last, column) || documentedAbove(comments, line, column, index === 0)) return true;
    }
  }
  return false;
}
