import { UNKNOWN, writeIsUnder, type DockerInstruction, type DockerfileModel, type PathWrite, type VolumePath } from '../dockerfile/model';
import type { Fix, TextEdit } from '../types';
import type { Rule } from './types';

/**
 * A `RUN`, `COPY` or `ADD` that changes something under a path an earlier `VOLUME`
 * of the same stage declared. The legacy builder discards such changes; BuildKit
 * keeps them in the image, where they only seed a new, empty volume. Either way
 * the instruction does not do what it reads like: declare the volume after it.
 */
export const writeAfterVolume: Rule = {
  meta: {
    id: 'write-after-volume',
    description: 'A RUN, COPY or ADD writes under a path after a VOLUME declared it: the change is discarded.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      write:
        '{{instruction}} writes {{target}} after VOLUME {{volume}} (line {{line}}) declared it. The legacy builder (DOCKER_BUILDKIT=0, Windows containers, some CI builders) discards every change under a declared volume, so the image ships without it; BuildKit keeps it, but only as the seed of a new, empty volume, never in a volume that already holds data. Move the VOLUME instruction below the last write.',
    },
  },
  checkDockerfile(context) {
    const { dockerfile } = context;
    for (const stage of dockerfile.stages) {
      const byVolume = new Map<DockerInstruction, { volume: VolumePath; write: PathWrite }[]>();
      for (const write of stage.writes) {
        const volume = stage.volumes.find((v) => !v.unknown && v.instruction.index < write.instruction.index && writeIsUnder(v.path, write) && !harmless(v.path, write));
        if (!volume) continue;
        const list = byVolume.get(volume.instruction) ?? [];
        list.push({ volume, write });
        byVolume.set(volume.instruction, list);
      }
      for (const [volumeInstruction, hits] of byVolume) {
        const last = hits.reduce((a, b) => (b.write.instruction.index > a.write.instruction.index ? b : a)).write.instruction;
        const fixes = moveVolumeFix(dockerfile, volumeInstruction, last);
        for (const { volume, write } of hits) {
          context.report({
            messageId: 'write',
            data: {
              instruction: write.instruction.keyword === 'RUN' ? `RUN (${write.command})` : write.instruction.keyword,
              target: write.path.split(UNKNOWN).join('…'),
              volume: volume.path,
              line: volume.instruction.range.start.line + 1,
            },
            location: { file: dockerfile.file, range: write.range },
            containerPath: volume.path,
            fixes,
            related: [{ location: { file: dockerfile.file, range: volume.range }, message: `VOLUME ${volume.path} is declared here.` }],
          });
        }
      }
    }
  },
};

/** `mkdir -p /data` after `VOLUME /data` changes nothing: the directory exists. */
function harmless(volume: string, write: PathWrite): boolean {
  return !write.unknown && write.path === volume && (write.command === 'mkdir' || write.command === 'install');
}

/**
 * Moves the `VOLUME` instruction (with the comment lines directly above it) to the
 * line after `last`: one deletion and one insertion, everything else byte for byte.
 */
export function moveVolumeFix(dockerfile: DockerfileModel, volume: DockerInstruction, last: DockerInstruction): Fix[] {
  const { lines, text, file } = dockerfile;
  let first = volume.range.start.line;
  const commentLines = new Set(dockerfile.ast.getComments().map((c) => c.getRange().start.line));
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
  return [{ title: `Move VOLUME ${paths.join(' ')} below line ${afterLast + 1}`, edits, isPreferred: true }];
}
