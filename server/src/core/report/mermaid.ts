import { IMPLICIT_LABEL, type InventoryProject } from './inventory';

/**
 * Mermaid text for labels inside `["…"]` and `|"…"|`: quotes, `#` (the entity
 * escape itself) and angle brackets become Mermaid entity codes; line breaks become spaces.
 */
export function mermaidLabel(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;');
}

/**
 * `flowchart LR`: services → named volumes → host folders, bind mounts straight
 * to their host path, anonymous volumes and tmpfs as their own nodes. Edge labels
 * are the container paths (with `ro` when read-only).
 */
export function renderMermaid(project: InventoryProject): string {
  const lines = ['flowchart LR'];
  const ids = new Map<string, string>();
  const counters = { s: 0, v: 0, h: 0, a: 0, t: 0 };
  const node = (kind: keyof typeof counters, key: string, shape: (label: string) => string, label: string): string => {
    const mapKey = `${kind}\u0000${key}`;
    const existing = ids.get(mapKey);
    if (existing) return existing;
    const id = `${kind}${counters[kind]++}`;
    ids.set(mapKey, id);
    lines.push(`  ${id}${shape(mermaidLabel(label))}`);
    return id;
  };
  const service = (label: string): string => `["${label}"]`;
  const volume = (label: string): string => `[("${label}")]`;
  const host = (label: string): string => `[/"${label}"/]`;
  const scratch = (label: string): string => `(["${label}"])`;
  const edges: string[] = [];
  for (const svc of project.services) {
    const s = node('s', svc.name, service, svc.name);
    for (const mount of svc.mounts) {
      const edge = mermaidLabel(mount.readOnly ? `${mount.target} (ro)` : mount.target);
      let target: string;
      if (mount.type === 'volume' && mount.source !== undefined) {
        target = node('v', mount.source, volume, mount.external ? `${mount.source} (external)` : mount.source);
        if (mount.device !== undefined) {
          const h = node('h', mount.device, host, mount.device);
          const edgeLine = `  ${target} --> ${h}`;
          if (!edges.includes(edgeLine)) edges.push(edgeLine);
        }
      } else if (mount.type === 'bind' && mount.source !== undefined) {
        target = node('h', mount.source, host, mount.source);
      } else if (mount.type === 'tmpfs') {
        target = node('t', `${svc.name}\u0000${mount.target}`, scratch, 'tmpfs');
      } else {
        target = node('a', `${svc.name}\u0000${mount.target}`, scratch, mount.implicit ? `anonymous volume (${IMPLICIT_LABEL[mount.implicit]} VOLUME)` : mount.type === 'anonymous' ? 'anonymous volume' : mount.source ?? mount.type);
      }
      edges.push(`  ${s} -->|"${edge}"| ${target}`);
    }
  }
  return [...lines, ...edges].join('\n') + '\n';
}
