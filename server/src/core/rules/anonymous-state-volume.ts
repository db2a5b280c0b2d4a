import { DockerfileSideReports, dockerfileSide } from '../dockerfile/report';
import { declaringFix } from '../edits/compose-edits';
import { declarationFileFor, findMountNode, mountEntryLocation, nameAnonymousVolume, type MountNode } from '../edits/mount-edits';
import { cacheRiskNote, statePathsHeldBy, type StatePath } from '../state';
import type { ComposeConfiguration, ComposeWorkload } from '../project';
import { withNodeName } from './misplaced-state-mount';
import type { Fix } from '../types';
import type { Report, Rule } from './types';
import { stateVolumeName } from './unmounted-state-path';

/**
 * A state path whose only mount is an anonymous volume written in the compose file
 * (`- /var/lib/mysql`, long syntax without `source`). A path with no mount at all is
 * `unmounted-state-path`, even when the image's `VOLUME` creates an anonymous volume.
 */
export const anonymousStateVolume: Rule = {
  meta: {
    id: 'anonymous-state-volume',
    description: 'A state path is mounted only on an anonymous volume, which `docker compose down` orphans.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      anonymous:
        '{{description}} {{path}} of service "{{service}}" is on an anonymous volume. It survives restarts, but after `docker compose down` the next `up` creates a new, empty volume and the old one is left orphaned: the data looks lost. Give the volume a name.',
      dockerfileVolume:
        'The Dockerfile of service "{{service}}" declares VOLUME {{path}}, and here it is mounted only on an anonymous volume. It survives restarts, but after `docker compose down` the next `up` creates a new, empty volume and the old one is left orphaned: the data looks lost. Give the volume a name.',
      inDockerfile:
        '{{what}} is on an anonymous volume in {{services}} ({{composeFile}}): `docker compose down` orphans it and the next `up` starts empty. Name the volume in {{composeFile}}.',
      inDockerfileCache:
        '{{what}} is on an anonymous volume in {{services}} ({{composeFile}}). That is fine only if the application treats {{image}} as a disposable cache{{risk}}; to keep the data, name the volume in {{composeFile}}.',
      cache:
        '{{description}} {{path}} of service "{{service}}" is on an anonymous volume, which `docker compose down` orphans. That is fine only if the application treats {{image}} as a disposable cache{{risk}}; to keep the data, give the volume a name.',
    },
  },
  checkCompose(context) {
    const { configuration, knowledge } = context;
    const taken = new Set<string>();
    const dockerfileReports = new DockerfileSideReports<NamedMount>(nameVolumesFix);
    for (const { workload, state, mount } of statePathsHeldBy(configuration.workloads, knowledge, 'anonymous')) {
      const at = findMountNode(workload.layers, mount);
      let planned: NamedMount | undefined;
      const name = at ? stateVolumeName(configuration, workload.name, state, taken) : undefined;
      // The name is taken only when the entry can be named (a flow item it cannot edit is not).
      if (at && name !== undefined && nameAnonymousVolume(at, name).length > 0) {
        planned = { configuration, workload, at, state, name };
        taken.add(name);
      }
      const fixes = planned ? nameVolumesFix([planned]) : [];
      const location = at ? mountEntryLocation(at) : mount.location;
      const data = { description: state.description, path: state.path, service: workload.name, image: state.entry?.name ?? workload.image?.value ?? workload.name, risk: cacheRiskNote(workload, state) };
      // A state path that comes from the Dockerfile the service builds is also reported
      // there (SPEC §3); the fix edits the compose file.
      const side = dockerfileSide(workload, state, location);
      const compose: Report = {
        messageId: state.cacheOnly ? 'cache' : !state.entry && side?.via === 'volume' ? 'dockerfileVolume' : 'anonymous',
        data,
        location,
        service: workload.name,
        containerPath: state.path,
        severityCap: state.cacheOnly ? 'hint' : undefined,
        fixes,
        related: side?.composeRelated,
      };
      context.report(compose);
      dockerfileReports.add(side, state.cacheOnly ? 'inDockerfileCache' : 'inDockerfile', compose, planned);
    }
    dockerfileReports.flush(context.report);
  },
};

/** An anonymous volume entry a fix would name. */
interface NamedMount {
  configuration: ComposeConfiguration;
  workload: ComposeWorkload;
  at: MountNode;
  state: StatePath;
  name: string;
}

/** Names the anonymous volumes, declared once per file (in the file of the service that extends another file's). */
function nameVolumesFix(mounts: readonly NamedMount[]): Fix[] {
  const first = mounts[0];
  if (!first) return [];
  const edits = mounts.map(({ workload, at, state, name }) => {
    const named = nameAnonymousVolume(at, name);
    return { edits: named.length > 0 ? withNodeName(workload, state, named) : [], name, file: declarationFileFor(workload.layers, at) };
  });
  const title = mounts.length === 1 ? `Name the volume "${first.name}"` : `Name the volumes ${mounts.map((m) => `"${m.name}"`).join(', ')}`;
  return declaringFix(first.configuration, title, edits);
}
