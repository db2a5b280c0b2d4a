import { removeTopLevelVolume } from '../edits/mount-edits';
import { configurationsByFile, type ComposeConfiguration, type ComposeWorkload } from '../project';
import { coveringMount, statePaths, type StatePath } from '../state';
import type { KnowledgeBase } from '../knowledge/lookup';
import { stateVolumeName } from './unmounted-state-path';
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
      awaited:
        'Volume "{{name}}" is declared but no service mounts it, while {{description}} {{path}} of service "{{service}}" has no volume: mount it there (the fix of unmounted-state-path does), or remove the declaration.',
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
        const awaiting = awaitingState(loading, context.knowledge, declaration.name);
        context.report({
          messageId: awaiting ? 'awaited' : declaration.external ? 'external' : 'unused',
          data: awaiting ? { name: declaration.name, description: awaiting.state.description, path: awaiting.state.path, service: awaiting.workload.name } : { name: declaration.name },
          location: declaration.keyLocation,
          // A declaration with a fixed `name:` points at a volume that outlives the project (and may hold
          // data a commented-out mount used): removing it is offered by hand only. So is removing the
          // volume a state path's fix mounts: fix-all would otherwise mount an undeclared volume.
          fixes: edits.length > 0 ? [{ title: `Remove unused volume "${declaration.name}"`, edits, isPreferred: declaration.volumeName === undefined && !awaiting }] : [],
          ...(awaiting ? { related: [{ location: awaiting.workload.image?.location ?? awaiting.workload.build?.location ?? declaration.keyLocation, message: `"${awaiting.workload.name}" keeps state at ${awaiting.state.path} with no volume.` }] } : {}),
        });
      }
    }
  },
};

/**
 * The state path with no volume whose fix would mount this declared volume (its name is the
 * one the fix chooses, `db-data` for the database of `db`): the declaration is awaited, not unused.
 */
function awaitingState(configurations: readonly ComposeConfiguration[], knowledge: KnowledgeBase, name: string): { workload: ComposeWorkload; state: StatePath } | undefined {
  for (const configuration of configurations) {
    for (const workload of configuration.workloads) {
      for (const state of statePaths(workload, knowledge)) {
        if (coveringMount(state.path, workload.mounts)) continue;
        if (stateVolumeName(configuration, workload.name, state, new Set()) === name) return { workload, state };
      }
    }
  }
  return undefined;
}

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

