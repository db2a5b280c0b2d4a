import { DockerfileSideReports, dockerfileSide } from '../dockerfile/report';
import { declareTopLevelVolume, freshVolumeName } from '../edits/compose-edits';
import { declarationFileFor, findMountNode, mountEntryLocation, nameAnonymousVolume } from '../edits/mount-edits';
import { statePathsHeldBy } from '../state';
import type { Fix } from '../types';
import type { Report, Rule } from './types';
import { VOLUME_SUFFIX } from './unmounted-state-path';

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
    const dockerfileReports = new DockerfileSideReports();
    for (const { workload, state, mount } of statePathsHeldBy(configuration.workloads, knowledge, 'anonymous')) {
      const fixes: Fix[] = [];
      const at = findMountNode(workload.layers, mount);
      if (at) {
        const name = freshVolumeName(configuration, `${workload.name}-${VOLUME_SUFFIX[state.kind]}`, taken);
        const edits = nameAnonymousVolume(at, name);
        if (edits.length > 0) {
          taken.add(name);
          fixes.push({ title: `Name the volume "${name}"`, edits: [...edits, ...declareTopLevelVolume(declarationFileFor(workload.layers, at), name)], isPreferred: true });
        }
      }
      const location = at ? mountEntryLocation(at) : mount.location;
      const data = { description: state.description, path: state.path, service: workload.name, image: state.entry?.name ?? workload.image?.value ?? workload.name, risk: state.entry?.cacheRisk ? `; ${state.entry.cacheRisk}` : '' };
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
      dockerfileReports.add(side, state.cacheOnly ? 'inDockerfileCache' : 'inDockerfile', compose);
    }
    dockerfileReports.flush(context.report);
  },
};
