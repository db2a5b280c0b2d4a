import { declareNewVolumes } from '../edits/compose-edits';
import { bindToNamedVolume, declarationFileFor, findMountNode, mountEntryLocation } from '../edits/mount-edits';
import { statePathsHeldBy, type StatePath } from '../state';
import type { Mount } from '../model';
import type { Fix } from '../types';
import type { Rule } from './types';
import { stateVolumeName } from './unmounted-state-path';

/** A database data directory on a bind mount: it works, but a named volume is the better home. */
export const databaseOnBindMount: Rule = {
  meta: {
    id: 'database-on-bind-mount',
    description: 'A database data directory is bind-mounted from the host instead of living on a named volume.',
    defaultSeverity: 'info',
    fixable: true,
    messages: {
      bind:
        '{{description}} {{path}} of service "{{service}}" is bind-mounted from the host path {{source}}. The data survives, but it is tied to that folder on this host: its ownership must match the user the database runs as, it is easy to delete or commit by accident, and on Docker Desktop (macOS, Windows) the file sharing layer makes database I/O slow. Prefer a named volume: portable, created with the right permissions, and able to use a volume driver.',
    },
  },
  checkCompose(context) {
    const { configuration, knowledge } = context;
    const taken = new Set<string>();
    // A database the knowledge base knows: a Dockerfile VOLUME it does not know is only
    // presumed to be one (`VOLUME /srv/app/data`), which is enough to keep it, not to call it a database here.
    const isDatabaseBind = (state: StatePath, mount: Mount): boolean => {
      const spec = state.spec ?? knowledge.specAt(state.path);
      return state.kind === 'database' && spec !== undefined && !spec.applicationData && mount.source !== undefined;
    };
    for (const { workload, state, mount } of statePathsHeldBy(configuration.workloads, knowledge, 'bind', isDatabaseBind)) {
      // The host folder that holds the data: PGDATA=/var/lib/postgresql/data/pgdata under `./db:/var/lib/postgresql/data` is ./db/pgdata.
      const below = state.path.startsWith(mount.target + '/') ? state.path.slice(mount.target.length) : '';
      const source = (mount.source ?? '').replace(/\/+$/, '') + below;
      const fixes: Fix[] = [];
      const at = findMountNode(workload.layers, mount);
      if (at) {
        const name = stateVolumeName(configuration, workload.name, state, taken);
        const edits = bindToNamedVolume(at, name);
        if (edits.length > 0) {
          taken.add(name);
          fixes.push({
            title: `Use named volume "${name}" instead of ${mount.source} (existing data in ${mount.source} is not moved)`,
            edits: [...edits, ...declareNewVolumes(configuration, declarationFileFor(workload.layers, at), name)],
            isPreferred: false,
          });
        }
      }
      context.report({
        messageId: 'bind',
        data: { description: state.description, path: state.path, service: workload.name, source },
        location: at ? mountEntryLocation(at) : mount.location,
        service: workload.name,
        containerPath: state.path,
        fixes,
      });
    }
  },
};
