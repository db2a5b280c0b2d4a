import { appendServiceSequenceItem, declareNewVolumes, insertLinesAbove, itemIndentColumn, layerForNewMount } from '../edits/compose-edits';
import { isMap } from 'yaml';
import { ownPair } from '../compose/yaml';
import type { ComposeFileModel } from '../compose/parse';
import { declarationFileFor, findMountNode, mountEntryLocation, removePair, tmpfsToNamedVolume } from '../edits/mount-edits';
import type { Mount } from '../model';
import type { ComposeConfiguration } from '../project';
import { basename } from '../paths';
import { isTestFile } from '../production';
import { describeState, statePathsHeldBy } from '../state';
import type { Fix } from '../types';
import { withNodeName } from './misplaced-state-mount';
import type { ComposeRuleContext, Rule } from './types';
import { mountDocumented } from './undocumented-mount';
import { stateVolumeName } from './unmounted-state-path';

/** A state path on tmpfs: memory, emptied whenever the container stops. */
export const stateOnTmpfs: Rule = {
  meta: {
    id: 'state-on-tmpfs',
    description: 'A state path is on tmpfs, so its data lives in memory and is gone when the container stops.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      tmpfs:
        '{{description}} {{path}} of service "{{service}}" is on tmpfs: it lives in memory and is gone every time the container stops, restarts or is recreated. Put it on a named volume.',
      test:
        '{{description}} {{path}} of service "{{service}}" is on tmpfs in {{file}}, a test configuration: fine for throw-away test data, which is gone every time the container stops. Never let this reach a deployment.',
      testService:
        '{{description}} {{path}} of service "{{service}}", a test service, is on tmpfs: fine for throw-away test data, which is gone every time the container stops. Never let this reach a deployment.',
      cache:
        '{{description}} {{path}} of service "{{service}}" is on tmpfs and is emptied every time the container stops. That is fine only if the application treats {{image}} as a disposable cache; to keep the data, put it on a named volume.',
      tmpfsVolume:
        '{{description}} {{path}} of service "{{service}}" is on volume "{{volume}}", which its declaration puts on tmpfs (`driver_opts: type: tmpfs`): it lives in memory and is gone every time the container stops, restarts or is recreated. Remove the tmpfs `driver_opts` from the volume.',
    },
  },
  checkCompose(context) {
    const { configuration, knowledge } = context;
    const taken = new Set<string>();
    for (const { workload, state, mount } of statePathsHeldBy(configuration.workloads, knowledge, 'tmpfs')) {
      // A tmpfs database in `compose.test.yaml` / `compose.ci.yaml` is the usual way to make
      // tests fast: a hint, and no fix that would make the test data persistent.
      const test = testSetting(configuration, workload.name, mount);
      const fixes: Fix[] = [];
      const at = findMountNode(workload.layers, mount);
      if (at && !test) {
        const name = stateVolumeName(configuration, workload.name, state, taken);
        // The new `volumes:` entry goes where a later `!reset` cannot drop it, and not
        // into an earlier file than the tmpfs it replaces.
        const chosen = layerForNewMount(workload.layers);
        const volumeLayer = chosen && workload.layers.indexOf(chosen) > workload.layers.indexOf(at.layer) ? chosen : at.layer;
        // The named volume that replaces the tmpfs is documented from the start.
        const comment = describeState(state);
        const edits = tmpfsToNamedVolume(at, mount, name, volumeLayer, (layer, item) => appendServiceSequenceItem(layer, 'volumes', item, comment));
        if (edits.length > 0 && mount.syntax === 'long' && !mountDocumented(configuration, mount)) {
          const start = at.node.range![0];
          edits.push(insertLinesAbove(at.model, start, [' '.repeat(itemIndentColumn(at.model, start)) + '# ' + comment]));
        }
        if (edits.length > 0) {
          taken.add(name);
          const declarationFile = mount.syntax === 'long' ? declarationFileFor(workload.layers, at) : volumeLayer.file;
          fixes.push({ title: `Replace tmpfs with named volume "${name}"`, edits: [...withNodeName(workload, state, edits), ...declareNewVolumes(configuration, declarationFile, name)], isPreferred: true });
        }
      }
      context.report({
        messageId: state.cacheOnly ? 'cache' : test === 'file' ? 'test' : test === 'service' ? 'testService' : 'tmpfs',
        data: { description: state.description, path: state.path, service: workload.name, image: state.entry?.name ?? workload.image?.value ?? workload.name, file: basename(mount.location.file) },
        location: at ? mountEntryLocation(at) : mount.location,
        service: workload.name,
        containerPath: state.path,
        severityCap: state.cacheOnly || test ? 'hint' : undefined,
        fixes,
      });
    }
    checkTmpfsVolumes(context);
  },
};

/**
 * A named volume that the local driver mounts as tmpfs (`driver_opts: {type: tmpfs, device: tmpfs}`)
 * is memory too: reported at the mount, with the declaration as related information.
 */
function checkTmpfsVolumes(context: ComposeRuleContext): void {
  const { configuration, knowledge } = context;
  const tmpfsVolume = (mount: Mount): TmpfsVolume | undefined => {
    const declared = mount.source === undefined ? undefined : configuration.volumes.get(mount.source);
    return declared?.declaration.tmpfs ? declared : undefined;
  };
  for (const { workload, state, mount } of statePathsHeldBy(configuration.workloads, knowledge, 'volume', (_, m) => tmpfsVolume(m) !== undefined)) {
    const { declaration, file } = tmpfsVolume(mount)!;
    const test = testSetting(configuration, workload.name, mount);
    const at = findMountNode(workload.layers, mount);
    context.report({
      messageId: state.cacheOnly ? 'cache' : test === 'file' ? 'test' : test === 'service' ? 'testService' : 'tmpfsVolume',
      data: { description: state.description, path: state.path, service: workload.name, volume: mount.source!, image: state.entry?.name ?? workload.image?.value ?? workload.name, file: basename(mount.location.file) },
      location: at ? mountEntryLocation(at) : mount.location,
      service: workload.name,
      containerPath: state.path,
      severityCap: state.cacheOnly || test ? 'hint' : undefined,
      related: [{ location: declaration.keyLocation, message: `Volume "${declaration.name}" is declared on tmpfs here.` }],
      fixes: () => (test || !onlyUser(configuration, mount) ? [] : dropTmpfsOptions(file, declaration)),
    });
  }
}

/**
 * Where a tmpfs database is deliberate throw-away test data, outside production: a test
 * configuration (`compose.test.yaml`, `compose.ci.yaml`) or a test service (`test-db`, `db_test`).
 */
function testSetting(configuration: ComposeConfiguration, service: string, mount: Mount): 'file' | 'service' | undefined {
  if (configuration.production) return undefined;
  if (isTestFile(mount.location.file)) return 'file';
  const isTest = (w: string): boolean => w === 'test' || w === 'tests' || w === 'ci' || w === 'e2e';
  return service.toLowerCase().split(/[^a-z0-9]+/).some(isTest) ? 'service' : undefined;
}

type TmpfsVolume = NonNullable<ReturnType<ComposeConfiguration['volumes']['get']>>;

/** No other mount of the configuration uses the volume: dropping its tmpfs options changes nothing else. */
function onlyUser(configuration: ComposeConfiguration, mount: Mount): boolean {
  return configuration.workloads.every((w) => w.mounts.every((m) => m === mount || m.inherited !== undefined || m.type !== 'volume' || m.source !== mount.source));
}

function dropTmpfsOptions(file: ComposeFileModel, declaration: TmpfsVolume['declaration']): Fix[] {
  const options = declaration.pair.value;
  if (!isMap(options)) return [];
  const driverOpts = ownPair(options, 'driver_opts');
  const edits = driverOpts ? removePair(file, options, driverOpts, true) : [];
  return edits.length > 0 ? [{ title: `Remove the tmpfs driver_opts of volume "${declaration.name}"`, edits, isPreferred: true }] : [];
}
