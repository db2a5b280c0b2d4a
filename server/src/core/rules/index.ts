import type { Rule } from './types';
import { anonymousStateVolume } from './anonymous-state-volume';
import { databaseOnBindMount } from './database-on-bind-mount';
import { misplacedStateMount } from './misplaced-state-mount';
import { stateOnTmpfs } from './state-on-tmpfs';
import { undeclaredVolume } from './undeclared-volume';
import { unusedVolume } from './unused-volume';
import { secretBindMount } from './secret-bind-mount';
import { sourceBindMountInProduction } from './source-bind-mount-in-production';
import { undocumentedMount } from './undocumented-mount';
import { unmountedStatePath } from './unmounted-state-path';
import { unusedSuppression } from './unused-suppression';
import { writeAfterVolume } from './write-after-volume';
import { writableConfigMount } from './writable-config-mount';

/**
 * The single list of rules. The settings schema, the README rule table, the docs
 * index and the parity test all derive from it.
 */
export const RULES: readonly Rule[] = [
  unmountedStatePath,
  misplacedStateMount,
  anonymousStateVolume,
  stateOnTmpfs,
  databaseOnBindMount,
  sourceBindMountInProduction,
  writableConfigMount,
  secretBindMount,
  undocumentedMount,
  unusedSuppression,
  undeclaredVolume,
  unusedVolume,
  writeAfterVolume,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export type { Rule } from './types';
