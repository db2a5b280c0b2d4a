import { isMap, isPair, isScalar } from 'yaml';
import { keyText } from '../compose/yaml';
import { declareTopLevelVolume } from '../edits/compose-edits';
import { declarationFileFor, findMountNode, shortParts, type MountNode } from '../edits/mount-edits';
import type { Mount } from '../model';
import type { Location, TextEdit } from '../types';
import type { ComposeFileModel, ServiceEntry } from '../compose/parse';
import { replaceRange } from '../edits/text-edits';
import type { Rule } from './types';

/** A service mounts a named volume that no top-level `volumes:` of the configuration declares. */
/** The volume names Compose accepts (compose-spec: `^[a-zA-Z0-9._-]+$`). */
const VOLUME_NAME = /^[a-zA-Z0-9._-]+$/;

export const undeclaredVolume: Rule = {
  meta: {
    id: 'undeclared-volume',
    description: 'A service mounts a named volume that no top-level `volumes:` declares.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      nested:
        'Service "{{service}}" mounts volume "{{name}}", which the `volumes:` block on line {{line}} declares, but that block is indented under `services:`: Compose reads it as a service named "volumes" and refuses the project. Move the block to the top level (no indentation).',
      undeclared:
        'Service "{{service}}" mounts volume "{{name}}", but no top-level `volumes:` declares it: `docker compose` refuses to start the project (service "{{service}}" refers to undefined volume {{name}}). Declare it under the top-level `volumes:`.',
    },
  },
  checkCompose(context) {
    const { configuration } = context;
    // A project Compose cannot load (a missing included file, an `extends` cycle) may
    // declare the name in what could not be read: its problems are reported instead.
    if (configuration.problems.length > 0) return;
    for (const workload of configuration.workloads) {
      for (const mount of workload.mounts) {
        if (mount.type !== 'volume' || mount.source === undefined || mount.source === '' || mount.unknown) continue;
        // A mount inherited through `volumes_from` is reported on the service that declares it.
        if (mount.inherited) continue;
        if (configuration.volumes.has(mount.source)) continue;
        const at = findMountNode(workload.layers, mount);
        const location = (at && sourceLocation(at, mount)) ?? mount.location;
        const nested = nestedDeclaration(configuration.files, mount.source);
        if (nested) {
          const edits = dedentLastService(nested.model, nested.entry);
          context.report({
            messageId: 'nested',
            data: { service: workload.name, name: mount.source, line: String(nested.entry.keyLocation.range.start.line + 1) },
            location,
            service: workload.name,
            containerPath: mount.target,
            related: [{ location: nested.entry.keyLocation, message: 'This `volumes:` block is indented under `services:`.' }],
            fixes: edits.length > 0 ? [{ title: 'Move the `volumes:` block out of `services:` to the top level', edits, isPreferred: true }] : [],
          });
          continue;
        }
        // A name Compose refuses (`<CONFIG_PATH>`, a documentation placeholder) cannot be declared either.
        const edits = at && VOLUME_NAME.test(mount.source) ? declareTopLevelVolume(declarationFileFor(workload.layers, at), mount.source) : [];
        context.report({
          messageId: 'undeclared',
          data: { service: workload.name, name: mount.source },
          location,
          service: workload.name,
          containerPath: mount.target,
          fixes: edits.length > 0 ? [{ title: `Declare volume "${mount.source}" in the top-level volumes:`, edits, isPreferred: true }] : [],
        });
      }
    }
  },
};

/** The source part of the entry: `data` in `- data:/var/lib/x`, or the `source:` value. */
function sourceLocation(at: MountNode, mount: Mount): Location | undefined {
  const { model, node } = at;
  let range: [number, number] | undefined;
  if (mount.syntax === 'short') range = shortParts(model, node)?.source;
  else if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && keyText(p) === 'source');
    const value = pair?.value;
    if (isScalar(value) && value.range) range = [value.range[0], value.range[1]];
  }
  if (!range || range[1] <= range[0]) return undefined;
  return { file: model.file, range: model.lines.range(range[0], range[1]) };
}


/** A `volumes:` block indented one level too deep, under `services:`, that names the volume (simple-monerod's example). */
function nestedDeclaration(files: readonly ComposeFileModel[], name: string): { model: ComposeFileModel; entry: ServiceEntry } | undefined {
  for (const model of files) {
    const entry = model.services.find((e) => e.name === 'volumes' && e.map?.items.some((pair) => keyText(pair) === name));
    if (entry) return { model, entry };
  }
  return undefined;
}

/**
 * Dedents the last entry of a top-level `services:` to the top level: its lines lose the
 * entry's indentation. Only when it is the last service (it moves nowhere) and the file has
 * no top-level `volumes:` yet (the block would be a second one).
 */
function dedentLastService(model: ComposeFileModel, entry: ServiceEntry): TextEdit[] {
  if (model.services[model.services.length - 1] !== entry || model.volumesPair || !entry.map?.range) return [];
  const indent = entry.keyLocation.range.start.character;
  const first = entry.keyLocation.range.start.line;
  const last = model.lines.positionAt(Math.max(entry.map.range[0], entry.map.range[1] - 1)).line;
  const edits: TextEdit[] = [];
  for (let line = first; line <= last; line++) {
    const text = model.lines.lineText(line);
    const leading = text.length - text.trimStart().length;
    if (text.trim() === '') continue;
    // A line indented less than the block is not part of it: leave the block as it is.
    if (leading < indent || !/^ *$/.test(text.slice(0, indent))) return [];
    const start = model.lines.lineStart(line);
    edits.push(replaceRange(model.file, model.lines, start, start + indent, ''));
  }
  return edits;
}
