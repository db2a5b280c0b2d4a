import type { Workload } from '../model';
import { basename } from '../paths';
import type { StatePath } from '../state';
import type { Location, RelatedInformation } from '../types';
import type { Report } from '../rules/types';

/**
 * Where a finding about a built service's state path belongs in its Dockerfile,
 * for rules that report on both sides (SPEC §3: "In a Dockerfile, … also reported
 * on the VOLUME instruction (or the state-creating line)").
 */
export interface DockerfileSide {
  /** The `VOLUME` path, the `ENV` that moved the path, or the `FROM` image. */
  location: Location;
  /** Points back at the compose service (its `build:`). */
  related: RelatedInformation[];
  /** Related information for the compose-side finding, pointing at the Dockerfile line. */
  composeRelated: RelatedInformation[];
  via: 'volume' | 'env' | 'from';
  /** Message fragment naming the state: `VOLUME /data`, or `PostgreSQL data directory /var/lib/postgresql/data`. */
  what: string;
  /** File name of the compose file that builds the image (for messages). */
  composeFile: string;
}

/**
 * The Dockerfile-side location of a state path of a built workload, or undefined when
 * the workload is not built from a Dockerfile vsafe read or the state does not come
 * from it. `composeLocation` is where the compose-side finding is reported.
 */
export function dockerfileSide(workload: Workload, state: StatePath, composeLocation: Location): DockerfileSide | undefined {
  if (!workload.build || !state.dockerfile) return undefined;
  const { location, via } = state.dockerfile;
  const composeFile = basename(composeLocation.file);
  const line = via === 'volume' ? 'the VOLUME' : via === 'env' ? 'the ENV' : 'the base image';
  return {
    location,
    via,
    what: via === 'volume' && !state.entry ? `VOLUME ${state.path}` : `${state.description} ${state.path}`,
    composeFile,
    related: [{ location: composeLocation, message: `Service "${workload.name}" builds this Dockerfile here (${composeFile}); the volume belongs in its \`volumes:\`.` }],
    composeRelated: [{ location, message: `${state.path} comes from ${line} in ${basename(location.file)}.` }],
  };
}

/**
 * Reports a compose-side finding about a built service's state again on the Dockerfile line
 * that creates the state (with `messageId`, which may name `{{what}}` and `{{composeFile}}`);
 * severity cap and fixes are the compose finding's, so the fix still edits the compose file.
 */
export function reportOnDockerfileSide(report: (report: Report) => void, side: DockerfileSide | undefined, messageId: string, compose: Report): void {
  if (!side) return;
  report({ ...compose, messageId, data: { ...compose.data, what: side.what, composeFile: side.composeFile }, location: side.location, related: side.related });
}
