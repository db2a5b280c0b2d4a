import type { Workload } from '../model';
import { basename } from '../paths';
import { serviceList } from '../text';
import type { StatePath } from '../state';
import type { Fix, Location, RelatedInformation } from '../types';
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
  /**
   * The Dockerfile is the service's `build.dockerfile_inline`: the compose-side finding
   * is the only one (both would be in the same file).
   */
  inline: boolean;
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
  const where = workload.build.inline ? '`dockerfile_inline`' : basename(location.file);
  return {
    inline: workload.build.inline === true,
    location,
    via,
    what: via === 'volume' && !state.entry ? `VOLUME ${state.path}` : `${state.description} ${state.path}`,
    composeFile,
    related: [{ location: composeLocation, message: `Service "${workload.name}" builds this Dockerfile here (${composeFile}); the volume belongs in its \`volumes:\`.` }],
    composeRelated: [{ location, message: `${state.path} comes from ${line} in ${where}.` }],
  };
}

/**
 * The Dockerfile-side reports of one configuration: the compose-side finding of a built
 * service is reported again on the Dockerfile line that creates the state, once for all
 * the services that build that Dockerfile (`in services "api" and "worker"`), not once per
 * service. Messages name them with `{{services}}` (and may use `{{what}}` and
 * `{{composeFile}}`); severity cap and fixes are the compose findings', so a fix still
 * edits the compose file. A group's fix fixes every service at once: `combine` builds it
 * from each service's part (what its own fix would do), so the edits share one
 * top-level declaration instead of colliding.
 */
export class DockerfileSideReports<Part> {
  private readonly groups = new Map<string, { first: Report; services: string[]; related: RelatedInformation[]; parts: Part[] }>();

  constructor(private readonly combine: (parts: readonly Part[]) => Fix[]) {}

  add(side: DockerfileSide | undefined, messageId: string, compose: Report, part: Part | undefined): void {
    if (!side || side.inline) return;
    const service = compose.service ?? String(compose.data?.service ?? '');
    const { service: _service, ...data } = compose.data ?? {};
    // A built service without `image:` is named after itself in `{{image}}`; in a group it is "the image".
    const image = data.image === service ? 'the image' : data.image;
    if (image !== undefined) data.image = image;
    const start = side.location.range.start;
    const key = [messageId, side.location.file, start.line, start.character, compose.severityCap ?? '', side.what, side.composeFile, JSON.stringify(data)].join('\u0000');
    const group = this.groups.get(key);
    if (group) {
      if (!group.services.includes(service)) group.services.push(service);
      group.related.push(...side.related);
      if (part !== undefined) group.parts.push(part);
      return;
    }
    const first: Report = { ...compose, messageId, data: { ...data, what: side.what, composeFile: side.composeFile }, location: side.location };
    this.groups.set(key, { first, services: [service], related: [...side.related], parts: part !== undefined ? [part] : [] });
  }

  /** Reports every group collected, once. */
  flush(report: (report: Report) => void): void {
    for (const { first, services, related, parts } of this.groups.values()) {
      const alone = services.length === 1;
      // One service: its own fix. Several: one fix for all of them, or none when a part is missing.
      const combined = parts.length === services.length ? () => this.combine(parts) : [];
      report({ ...first, data: { ...first.data, services: serviceList(services) }, service: alone ? first.service : undefined, related, fixes: alone ? first.fixes : combined });
    }
    this.groups.clear();
  }
}
