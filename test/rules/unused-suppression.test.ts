import { runRuleTests } from '../helpers/rule-tester';

const PG = 'services:\n  db:\n    image: postgres:16\n';

runRuleTests('unused-suppression', {
  valid: [
    { name: 'a line directive above the finding', code: 'services:\n  db:\n    # vsafe-ignore unmounted-state-path -- throwaway test database\n    image: postgres:16\n' },
    { name: 'a trailing directive', code: 'services:\n  db:\n    image: postgres:16 # vsafe-ignore unmounted-state-path\n' },
    { name: 'a service directive', code: 'services:\n  # vsafe-ignore unmounted-state-path,undocumented-mount -- CI only\n  db:\n    image: postgres:16\n    volumes:\n      - ./x:/x\n' },
    { name: 'a file directive', code: '# vsafe-ignore-file undocumented-mount\nservices:\n  web:\n    image: nginx\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n' },
    { name: 'a directive for a rule that is off is not stale', code: PG + '    # vsafe-ignore undocumented-mount\n    volumes: []\n', config: { rules: { 'undocumented-mount': 'off' } } },
    { name: 'vsafe-ignore-file unused-suppression silences these reports', code: '# vsafe-ignore-file unused-suppression\nservices:\n  web:\n    image: nginx # vsafe-ignore unmounted-state-path\n' },
    { name: 'a # inside a quoted scalar is not a comment', code: 'services:\n  web:\n    image: nginx\n    command: "echo # vsafe-ignore unmounted-state-path"\n' },
    { name: 'the rule turned off', code: 'services:\n  web:\n    image: nginx # vsafe-ignore unmounted-state-path\n', config: { rules: { 'unused-suppression': 'off' } } },
  ],
  invalid: [
    {
      name: 'a stale line directive is removed with its line',
      code: 'services:\n  web:\n    # vsafe-ignore unmounted-state-path -- was postgres\n    image: nginx\n',
      errors: [{ line: 3, column: 20, endLine: 3, endColumn: 40, severity: 'hint', message: '`# vsafe-ignore unmounted-state-path` suppresses nothing: there is no unmounted-state-path finding on line 4. The problem was fixed or the comment is misplaced; remove it so it does not hide a future finding.' }],
      output: 'services:\n  web:\n    image: nginx\n',
    },
    {
      name: 'a stale trailing directive is removed, the line stays',
      code: 'services:\n  web:\n    image: nginx   # vsafe-ignore unmounted-state-path\n',
      errors: [{ line: 3, column: 35, endLine: 3, endColumn: 55 }],
      output: 'services:\n  web:\n    image: nginx\n',
    },
    {
      name: 'an unknown rule id is dropped from the list, the used one stays',
      code: 'services:\n  db:\n    # vsafe-ignore unmounted-state-paht,unmounted-state-path\n    image: postgres:16\n',
      errors: [{ line: 3, column: 20, endLine: 3, endColumn: 40, message: /names "unmounted-state-paht", which is not a vsafe rule/ }],
      output: 'services:\n  db:\n    # vsafe-ignore unmounted-state-path\n    image: postgres:16\n',
    },
    {
      name: 'a file directive naming a rule with no finding in the file',
      code: '# vsafe-ignore-file writable-config-mount -- configs are generated\nservices:\n  web:\n    image: nginx\n',
      errors: [{ line: 1, column: 21, endLine: 1, endColumn: 42, message: /there is no writable-config-mount finding in this file/ }],
      output: 'services:\n  web:\n    image: nginx\n',
    },
    {
      name: 'a directive above a blank line covers nothing; one without rules',
      code: 'services:\n  db:\n    image: postgres:16\n    # vsafe-ignore\n    environment:\n      A: b\n    # vsafe-ignore undocumented-mount\n\n',
      errors: [
        { line: 4, column: 5, endLine: 4, endColumn: 19, message: /names no rule/ },
        { line: 7, column: 20, endLine: 7, endColumn: 38, message: /finding anywhere \(no line follows the comment\)/ },
      ],
      output: 'services:\n  db:\n    image: postgres:16\n    environment:\n      A: b\n\n',
    },
  ],
});
