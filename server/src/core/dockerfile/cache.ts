import { ObjectSlot } from '../collections';
import { parseDockerfile, type BuildArgs, type DockerfileModel } from './model';
import { scanDockerfile, type ScannedDockerfile } from './scan';

/**
 * Parses each Dockerfile once per text (like the compose ParseCache); the models
 * for different build arguments share one scan.
 */
export class DockerfileCache {
  private readonly entries = new Map<string, { text: string; scan: ScannedDockerfile; models: Map<string, DockerfileModel> }>();

  get(file: string, text: string, buildArgs: BuildArgs = new Map()): DockerfileModel {
    let entry = this.entries.get(file);
    if (!entry || entry.text !== text) {
      entry = { text, scan: scanDockerfile(text), models: new Map() };
      this.entries.set(file, entry);
    }
    const key = buildArgs.size === 0 ? '' : JSON.stringify([...buildArgs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let model = entry.models.get(key);
    if (!model) {
      model = parseDockerfile(file, text, buildArgs, entry.scan);
      entry.models.set(key, model);
    }
    return model;
  }

  delete(file: string): void {
    this.entries.delete(file);
  }
}

const CACHES = new ObjectSlot<object, DockerfileCache>('vsafe.dockerfileCache');

/** The Dockerfile cache that lives as long as `owner` (the caller's compose ParseCache). */
export function dockerfileCacheFor(owner: object): DockerfileCache {
  let cache = CACHES.get(owner);
  if (!cache) {
    cache = new DockerfileCache();
    CACHES.set(owner, cache);
  }
  return cache;
}
