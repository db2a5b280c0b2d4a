import type { Rule } from './types';

/**
 * Reported by the suppression pass (core/suppress.ts) after every other rule ran:
 * a `# vsafe-ignore` / `# vsafe-ignore-file` directive, or one rule id in it, that
 * suppresses nothing. It is a registered rule so it can be configured like any other.
 */
export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression',
    description: 'A vsafe-ignore comment suppresses nothing (stale, misplaced, or naming an unknown rule).',
    defaultSeverity: 'hint',
    fixable: true,
    messages: {
      unused: '`# {{keyword}} {{rule}}` suppresses nothing: there is no {{rule}} finding {{where}}. The problem was fixed or the comment is misplaced; remove it so it does not hide a future finding.',
      unknown: '`# {{keyword}}` names "{{rule}}", which is not a vsafe rule, so it suppresses nothing. Check the spelling (rule ids are listed in docs/rules/README.md).',
      noRules: '`# {{keyword}}` names no rule, so it suppresses nothing. Write the rule ids to ignore: `# {{keyword}} <rule>[,<rule>…] [-- reason]`.',
    },
  },
};
