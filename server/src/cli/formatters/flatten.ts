import { flatFinding } from '../../core/report/json';
import type { Finding } from '../../core/types';
import { relativeDisplayPath } from '../../node/paths';
import type { FlatFinding } from './types';

/** A finding as every CLI format prints it: relative `/` path, 1-based positions. */
export function flatten(finding: Finding, cwd: string): FlatFinding {
  return flatFinding(finding, (file) => relativeDisplayPath(file, cwd));
}
