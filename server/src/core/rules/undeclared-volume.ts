import { isMap, isPair, isScalar } from 'yaml';
import { keyText } from '../compose/yaml';
import { declareTopLevelVolume } from '../edits/compose-edits';
import { declarationFileFor, findMountNode, shortParts, type MountNode } from '../edits/mount-edits';
import type { Mount } from '../model';
import type { Location } from '../types';
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
        // A name Compose refuses (`<CONFIG_PATH>`, a documentation placeholder) cannot be declared either.
        const edits = at && VOLUME_NAME.test(mount.source) ? declareTopLevelVolume(declarationFileFor(workload.layers, at), mount.source) : [];
        context.report({
          messageId: 'undeclared',
          data: { service: workload.name, name: mount.source },
          location: (at && sourceLocation(at, mount)) ?? mount.location,
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

