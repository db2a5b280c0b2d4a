/** Public surface of the analysis core: texts in, findings and fixes out. */
export * from './types';
export { lint, PARSE_ERROR_RULE, type LintRequest, type LintResult } from './lint';
export { RULES, RULES_BY_ID } from './rules';
export { docsUrl } from './rules/types';
export { ParseCache, planConfigurations } from './project';
export { isComposeFileName, isDockerfileName } from './compose/files';
export { emptyConfig, type VsafeConfig } from './config';
export { LineIndex } from './text';
export { applyEdits } from './edits/text-edits';
