import { removeTopLevelVolume } from '../edits/mount-edits';
import { configurationsByFile, type ComposeConfiguration } from '../project';
import type { Mount } from '../model';
import { modelOf } from '../production';
import type { Rule } from './types';

/**
 * A top-level volume that no service of any configuration loading its file mounts.
 * A volume declared in the base and used only by `compose.prod.yaml` (or an override)
 * is used; an external volume declared but mounted by no service is reported too:
 * the declaration has no effect here, and removing it does not touch the volume.
 */
export const unusedVolume: Rule = {
  meta: {
    id: 'unused-volume',
    description: 'A top-level volume is declared but no service mounts it.',
    defaultSeverity: 'hint',
    fixable: true,
    messages: {
      unused:
        'Volume "{{name}}" is declared but no service mounts it, so whatever it was meant to keep is not kept. Mount it where it belongs, or remove the declaration.',
      external:
        'External volume "{{name}}" is declared but no service mounts it. Removing the declaration does not touch the volume itself; mount it where it belongs, or remove the declaration.',
    },
  },
  checkCompose(context) {
    const { configuration } = context;
    const all = context.configurations ?? [configuration];
    for (const file of configuration.files) {
      if (file.volumes.length === 0) continue;
      // Every configuration that loads this file may use what it declares.
      const loading = [...(configurationsByFile(all, 'given').get(file.file) ?? [])];
      if (loading.length === 0) loading.push(configuration);
      if (loading.some(unknowable)) continue;
      const used = new Set<string>();
      for (const c of loading) for (const name of usedVolumes(c)) used.add(name);
      for (const declaration of file.volumes) {
        if (declaration.name === '' || used.has(declaration.name)) continue;
        const edits = removeTopLevelVolume(file, declaration.pair);
        context.report({
          messageId: declaration.external ? 'external' : 'unused',
          data: { name: declaration.name },
          location: declaration.keyLocation,
          // A declaration with a fixed `name:` points at a volume that outlives the project (and may hold
          // data a commented-out mount used): removing it is offered by hand only.
          fixes: edits.length > 0 ? [{ title: `Remove unused volume "${declaration.name}"`, edits, isPreferred: declaration.volumeName === undefined }] : [],
        });
      }
    }
  },
};

/** Names a configuration mounts: merged workloads and every file's own entries (an override may drop one). */
function usedVolumes(configuration: ComposeConfiguration): Set<string> {
  const used = new Set<string>();
  const use = (mount: Mount): void => {
    if (mount.type === 'volume' && mount.source) used.add(mount.source);
    for (const name of fallbackNames(configuration, mount)) used.add(name);
  };
  for (const workload of configuration.workloads) {
    for (const mount of workload.mounts) use(mount);
    for (const layer of workload.layers) for (const mount of layer.volumes?.mounts ?? []) use(mount);
  }
  return used;
}

/**
 * Volume names a mount falls back to when a variable is unset (`${DB_PATH:-dbdata}`): the
 * `.env` here may point it at a host path, but without it (a fresh host, CI) the volume is used.
 */
function fallbackNames(configuration: ComposeConfiguration, mount: Mount): string[] {
  const model = modelOf(configuration, mount.location.file);
  if (!model) return [];
  const written = model.text.slice(model.lines.offsetAt(mount.location.range.start), model.lines.offsetAt(mount.location.range.end));
  if (!written.includes('${')) return [];
  return [...written.matchAll(/\$\{[A-Za-z_][A-Za-z0-9_]*:?-([A-Za-z0-9][A-Za-z0-9._-]*)\}/g)].map((m) => m[1]!);
}

/** A mount whose source is an unknown variable could use any volume; a project Compose cannot load is not judged. */
function unknowable(configuration: ComposeConfiguration): boolean {
  if (configuration.problems.length > 0) return true;
  return configuration.workloads.some((w) =>
    w.layers.some((layer) => (layer.volumes?.mounts ?? []).some((m) => m.unknown && m.type === 'volume' && m.source?.includes('${') === true)),
  );
}

