import type { ImageEntry } from './knowledge/types';
import type { SeveritySetting } from './types';

/** The `.vsaferc.json` contract (SPEC §5), after validation. */
export interface VsafeConfig {
  rules: Record<string, SeveritySetting>;
  production: string[];
  composeFiles: string[];
  images: ImageEntry[];
  ignore: string[];
  /** Folder the globs (`production`, `composeFiles`, `ignore`) are relative to: the config file's folder. */
  root?: string;
  /** Treat every configuration as production (the CLI's `--production`). */
  assumeProduction?: boolean;
}

export function emptyConfig(): VsafeConfig {
  return { rules: {}, production: [], composeFiles: [], images: [], ignore: [] };
}

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}
