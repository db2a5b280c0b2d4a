import { appendTo } from '../collections';
import { stageChain, UNKNOWN, writeIsUnder, writeReaches, writesAfter, type DockerInstruction, type DockerfileModel, type DockerStage, type PathWrite, type VolumePath } from '../dockerfile/model';
import { parseImageRef, selectVariant, type KnowledgeBase } from '../knowledge/lookup';
import type { Fix, Location, TextEdit } from '../types';
import { isSameOrParent } from '../paths';
import type { Rule } from './types';

/**
 * A `RUN`, `COPY` or `ADD` that changes something under a path an earlier `VOLUME`
 * of the same stage declared. The legacy builder runs each `RUN` in a container with
 * the volume mounted and discards what it wrote there; BuildKit keeps it in the image,
 * where it only seeds a new, empty volume. `COPY` and `ADD` write into the image with
 * every builder (moby/moby#33842), so they are only an info: their files, too, reach a
 * volume only when it is created empty.
 */
export const writeAfterVolume: Rule = {
  meta: {
    id: 'write-after-volume',
    description: 'A RUN writes under a path after a VOLUME declared it, and the legacy builder discards the change; a COPY or ADD there reaches only new, empty volumes.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      write:
        '{{instruction}} writes {{target}} after VOLUME {{volume}} (line {{line}}) declared it. The legacy builder (DOCKER_BUILDKIT=0, Windows containers, some CI builders) discards every change under a declared volume, so the image ships without it; BuildKit keeps it, but only as the seed of a new, empty volume, never in a volume that already holds data. Move the VOLUME instruction below the last write.',
      inherited:
        '{{instruction}} writes {{target}} under {{volume}}, which {{source}} declares as a VOLUME. The legacy builder (DOCKER_BUILDKIT=0, Windows containers, some CI builders) discards every change under a declared volume, so the image ships without it; BuildKit keeps it, but only as the seed of a new, empty volume, never in a volume that already holds data. Put the files somewhere else in the image (and copy them in at container start), or use the image\'s init mechanism.',
      copy:
        '{{instruction}} writes {{target}} after VOLUME {{volume}} (line {{line}}) declared it. Every builder keeps what {{instruction}} writes in the image, but a volume takes those files only when it is created empty: a volume that already holds data keeps its old copy after a rebuild, and a bind mount hides them. If they must be current in every container, copy them in at container start.',
      inheritedCopy:
        '{{instruction}} writes {{target}} under {{volume}}, which {{source}} declares as a VOLUME. Every builder keeps what {{instruction}} writes in the image, but a volume takes those files only when it is created empty: a volume that already holds data keeps its old copy after a rebuild, and a bind mount hides them. If they must be current in every container, copy them in at container start or use the image\'s init mechanism.',
    },
  },
  checkDockerfile(context) {
    const { dockerfile } = context;
    for (const stage of dockerfile.stages) {
      // VOLUMEs the stage inherits (an earlier stage of its FROM chain, the base image): no VOLUME here to move.
      const inherited = inheritedVolumes(dockerfile, stage, context.knowledge);
      // Without any volume nothing is lost: the stage's writes are not even worked out. With
      // only its own VOLUMEs, only writes after the first of them can be lost.
      const firstVolume = stage.volumes.find((v) => !v.unknown)?.instruction.index;
      if (firstVolume === undefined && inherited.length === 0) continue;
      const writes = inherited.length > 0 ? stage.writes : writesAfter(stage, firstVolume!);
      const byVolume = new Map<DockerInstruction, { volume: VolumePath; write: PathWrite }[]>();
      for (const write of writes) {
        const volume = stage.volumes.find((v) => !v.unknown && v.instruction.index < write.instruction.index && writeReaches(v.path, write) && !harmless(v.path, write));
        if (volume) appendTo(byVolume, volume.instruction, { volume, write });
      }
      for (const write of writes) {
        if ([...byVolume.values()].some((hits) => hits.some((h) => h.write === write))) continue;
        const volume = inherited.find((v) => writeReaches(v.path, write) && !harmless(v.path, write));
        if (!volume) continue;
        const run = isRun(write);
        context.report({
          messageId: run ? 'inherited' : 'inheritedCopy',
          data: { instruction: describeInstruction(write), target: describeTarget(write, volume.path), volume: volume.path, source: volume.source },
          location: { file: dockerfile.file, range: write.range },
          containerPath: volume.path,
          severityCap: run ? undefined : 'info',
          related: [{ location: volume.location, message: `VOLUME ${volume.path} comes from ${volume.source}.` }],
        });
      }
      for (const [volumeInstruction, hits] of byVolume) {
        // Only what RUN writes is lost: the VOLUME moves below the last RUN that writes under it.
        const runs = hits.filter((h) => isRun(h.write));
        const last = runs.length === 0 ? undefined : runs.reduce((a, b) => (b.write.instruction.index > a.write.instruction.index ? b : a)).write.instruction;
        // One move for all the writes under this VOLUME, worked out when a fix is asked for.
        let move: Fix[] | undefined;
        const fixes = (): Fix[] => (move ??= last && !meaningChangesBelow(dockerfile, volumeInstruction, last) ? moveVolumeFix(dockerfile, volumeInstruction, last, directoryKept(stage, volumeInstruction, runs)) : []);
        for (const { volume, write } of hits) {
          const run = isRun(write);
          context.report({
            messageId: run ? 'write' : 'copy',
            data: {
              instruction: describeInstruction(write),
              target: describeTarget(write, volume.path),
              volume: volume.path,
              line: volume.instruction.range.start.line + 1,
            },
            location: { file: dockerfile.file, range: write.range },
            containerPath: volume.path,
            severityCap: run ? undefined : 'info',
            fixes: run ? fixes : [],
            related: [{ location: { file: dockerfile.file, range: volume.range }, message: `VOLUME ${volume.path} is declared here.` }],
          });
        }
      }
    }
  },
};

/** The path as the message names it: a recursive change of a parent says it reaches the volume. */
function describeTarget(write: PathWrite, volume: string): string {
  const path = write.path.split(UNKNOWN).join('…');
  return write.recursive && !writeIsUnder(volume, write) ? `${path} and everything below it` : path;
}

function isRun(write: PathWrite): boolean {
  return write.instruction.keyword === 'RUN';
}

/**
 * Whether each volume directory still exists for the RUN writes once the VOLUME (which
 * creates it) moves below them: an earlier instruction of the stage writes there, or
 * the first RUN under it creates it (`mkdir -p /data/x`). Otherwise `chown -R app /data`
 * would fail on a missing /data, and the move is offered only by hand.
 */
function directoryKept(stage: DockerStage, volume: DockerInstruction, runs: readonly { volume: VolumePath; write: PathWrite }[]): boolean {
  const created = new Set<string>();
  // The hits come in the order of the writes, so the first under each path is the first that runs.
  for (const { volume: declared, write } of runs) {
    const path = declared.path;
    if (created.has(path)) continue;
    // An earlier write under the path, or a WORKDIR at or below it, leaves the directory in the image.
    const before = stage.writes.some((w) => w.instruction.index < volume.index && writeIsUnder(path, w)) || stage.workdirs.some((w) => w.index < volume.index && isSameOrParent(path, w.path));
    // `mkdir /data/x` without -p fails when /data is missing: only the directory itself, or -p, creates it.
    const creates = write.command === 'mkdir' && !write.unknown && (write.path === path || (write.parents === true && isSameOrParent(path, write.path)));
    if (!before && !creates) return false;
    created.add(path);
  }
  return true;
}

/**
 * Whether a `VOLUME` that names variables (`VOLUME $DATA`) would declare another path
 * below `last`: an `ENV` or `ARG` between them may set the variable again, so the move is
 * not offered.
 */
function meaningChangesBelow(dockerfile: DockerfileModel, volume: DockerInstruction, last: DockerInstruction): boolean {
  const { lines, text, instructions } = dockerfile;
  if (!text.slice(lines.offsetAt(volume.range.start), lines.offsetAt(volume.range.end)).includes('$')) return false;
  return instructions.some((i) => i.index > volume.index && i.index <= last.index && (i.keyword === 'ENV' || i.keyword === 'ARG'));
}

function describeInstruction(write: PathWrite): string {
  return isRun(write) ? `RUN (${write.command})` : write.instruction.keyword;
}

interface InheritedVolume {
  path: string;
  /** `stage "base"` or `the base image PostgreSQL`. */
  source: string;
  location: Location;
}

/** The VOLUMEs a stage starts with: those of the earlier stages it builds on, and its base image's (knowledge base). */
function inheritedVolumes(dockerfile: DockerfileModel, stage: DockerStage, knowledge: KnowledgeBase): InheritedVolume[] {
  const chain = stageChain(dockerfile, stage);
  const volumes: InheritedVolume[] = [];
  for (const ancestor of chain.slice(0, -1)) {
    const name = ancestor.name !== undefined ? `stage "${ancestor.name}"` : `the stage on line ${ancestor.from.range.start.line + 1}`;
    for (const v of ancestor.volumes) if (!v.unknown) volumes.push({ path: v.path, source: name, location: { file: dockerfile.file, range: v.range } });
  }
  const root = chain[0];
  if (!root?.image || root.parent !== undefined) return volumes;
  const ref = parseImageRef(root.image.value.split(UNKNOWN).join('${?}'));
  if (!ref || ref.repository.includes('${')) return volumes;
  const entry = knowledge.find(ref);
  if (!entry || entry.stateless) return volumes;
  const selection = selectVariant(entry, ref.tag, ref.tag?.includes('${') === true);
  // With an unknown tag only what every version declares is certain.
  const specs =
    selection.kind === 'known'
      ? selection.variant.paths
      : selection.variants[0]?.paths.filter((p) => selection.variants.every((v) => v.paths.some((q) => q.path === p.path && q.declaredVolume))) ?? [];
  for (const spec of specs) {
    if (spec.declaredVolume) volumes.push({ path: spec.path, source: `the base image ${entry.name}`, location: { file: dockerfile.file, range: root.image.range } });
  }
  return volumes;
}

/** `mkdir -p /data` after `VOLUME /data` changes nothing: the directory exists. */
function harmless(volume: string, write: PathWrite): boolean {
  return !write.unknown && write.path === volume && (write.command === 'mkdir' || write.command === 'install');
}

/**
 * Moves the `VOLUME` instruction (with the comment lines directly above it) to the
 * line after `last`: one deletion and one insertion, everything else byte for byte.
 */
export function moveVolumeFix(dockerfile: DockerfileModel, volume: DockerInstruction, last: DockerInstruction, preferred = true): Fix[] {
  const { lines, text, file } = dockerfile;
  let first = volume.range.start.line;
  const commentLines = new Set(dockerfile.scan.comments.map((c) => c.start.line));
  const stageStart = dockerfile.stages[volume.stage]!.from.range.end.line;
  while (first - 1 > stageStart && commentLines.has(first - 1)) first--;
  const endLine = volume.range.end.line;
  // The instruction must own its lines alone (nothing else shares its first or last line).
  if (lines.lineText(first).slice(0, volume.range.start.character).trim() !== '') return [];
  if (lines.lineText(endLine).slice(volume.range.end.character).trim() !== '') return [];
  const blockStart = lines.lineStart(first);
  const blockEnd = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : text.length;
  let block = text.slice(blockStart, blockEnd);
  const eol = lines.eol;
  if (!/\r?\n$|\r$/.test(block)) block += eol;
  const afterLast = last.range.end.line;
  const edits: TextEdit[] = [{ file, range: lines.range(blockStart, blockEnd), newText: '' }];
  if (afterLast + 1 < lines.lineCount) {
    const at = lines.lineStart(afterLast + 1);
    edits.push({ file, range: lines.range(at, at), newText: block });
  } else {
    // The last line of the file lacks a line break: the moved block ends the file the same way.
    const at = text.length;
    edits.push({ file, range: lines.range(at, at), newText: eol + block.replace(/\r?\n$|\r$/, '') });
  }
  const paths = dockerfile.stages[volume.stage]!.volumes.filter((v) => v.instruction === volume).map((v) => v.path);
  const title = `Move VOLUME ${paths.join(' ')} below line ${afterLast + 1}`;
  return [{ title: preferred ? title : `${title} (create the directory before the writes first)`, edits, isPreferred: preferred }];
}
