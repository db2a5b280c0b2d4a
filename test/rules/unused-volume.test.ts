import { runRuleTests } from '../helpers/rule-tester';

const DB = 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data\n';

runRuleTests('unused-volume', {
  valid: [
    {
      name: 'a volume a mount falls back to when its variable is unset (`${DB_PATH:-dbdata}`), though .env points it at a host path here',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ${DB_PATH:-dbdata}:/var/lib/postgresql/data # database\nvolumes:\n  dbdata:\n', '.env': 'DB_PATH=/srv/db\n' },
    },
    { name: 'used volume', code: DB + 'volumes:\n  pg:\n' },
    { name: 'used through long syntax', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - type: volume\n        source: db\n        target: /var/lib/mysql\nvolumes:\n  db:\n' },
    {
      name: 'declared in the base, used only by the production file',
      files: { 'compose.yaml': 'services:\n  db:\n    image: mysql:8\nvolumes:\n  db:\n', 'compose.prod.yaml': 'services:\n  db:\n    volumes:\n      - db:/var/lib/mysql\n' },
    },
    {
      name: 'declared in the base, used only by the override',
      files: { 'compose.yaml': 'services:\n  db:\n    image: mysql:8\nvolumes:\n  db:\n', 'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - db:/var/lib/mysql\n' },
    },
    {
      name: 'declared in the override, used by the base',
      files: { 'compose.yaml': 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\n', 'compose.override.yaml': 'volumes:\n  db:\n    driver: local\n' },
    },
    {
      name: 'the override replaces the mount, the base file still uses the volume',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\nvolumes:\n  db:\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes: !override\n      - ./local-db:/var/lib/mysql\n',
      },
    },
    { name: 'source interpolated from .env', files: { 'compose.yaml': 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ${DB_VOLUME:-db}:/var/lib/mysql\nvolumes:\n  db:\n' } },
    { name: 'a mount whose source is unknown could be any volume', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ${DB_VOLUME}:/var/lib/mysql\nvolumes:\n  db:\n  other:\n' },
    {
      name: 'used by a service of an included file',
      files: { 'compose.yaml': 'include:\n  - backup.yaml\nservices:\n  web:\n    image: nginx\nvolumes:\n  archive:\n', 'backup.yaml': 'services:\n  backup:\n    image: busybox\n    volumes:\n      - archive:/archive\n' },
    },
    { name: 'used by a service merged from an anchor', code: 'x-db: &db\n  image: mysql:8\n  volumes:\n    - db:/var/lib/mysql\nservices:\n  db:\n    <<: *db\nvolumes:\n  db:\n' },
    { name: 'no top-level volumes', code: 'services:\n  web:\n    image: nginx\n' },
  ],
  invalid: [
    {
      name: 'the volume a state path with no volume would get (`db-data` for the database of `db`): awaited, so fix-all leaves it for unmounted-state-path to mount',
      code: 'services:\n  db:\n    image: postgres:16\nvolumes:\n  db-data:\n',
      errors: [
        {
          line: 5, column: 3, endLine: 5, endColumn: 10, severity: 'hint',
          message: 'Volume "db-data" is declared but no service mounts it, while PostgreSQL data directory /var/lib/postgresql/data of service "db" has no volume: mount it there (the fix of unmounted-state-path does), or remove the declaration.',
          fixes: ['Remove unused volume "db-data"'],
        },
      ],
      output: 'services:\n  db:\n    image: postgres:16\n',
    },
    {
      name: 'a declaration with a fixed name: points at a volume that may hold data: removed by hand only',
      code: 'services:\n  ha:\n    image: ghcr.io/home-assistant/home-assistant:stable\n    # volumes:\n    #   - ha-config:/config\nvolumes:\n  ha-config:\n    name: home-assistant_config\n',
      errors: [{ line: 7, column: 3, endLine: 7, endColumn: 12, severity: 'hint', fixes: ['Remove unused volume "ha-config"'] }],
      output: 'services:\n  ha:\n    image: ghcr.io/home-assistant/home-assistant:stable\n    # volumes:\n    #   - ha-config:/config\n',
    },
    {
      name: 'one of several: its lines and the comment above it go, neighbours stay',
      code: DB + '\nvolumes:\n  pg: # database\n  # old uploads\n  old:\n    driver: local\n    labels:\n      - "keep=no"\n  # cache\n  cache:\n',
      errors: [
        { line: 10, column: 3, endLine: 10, endColumn: 6, severity: 'hint', message: /Volume "old" is declared but no service mounts it/ },
        { line: 15, column: 3, endLine: 15, endColumn: 8 },
      ],
      output: DB + '\nvolumes:\n  pg: # database\n',
    },
    {
      name: 'the only entry: the whole volumes key goes, no blank line left behind',
      code: 'services:\n  web:\n    image: nginx\n\nvolumes:\n  data:\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 7 }],
      output: 'services:\n  web:\n    image: nginx\n',
    },
    {
      name: 'the only entry between other sections',
      code: 'services:\n  web:\n    image: nginx\n\nvolumes:\n  data:\n    driver: local\n\nnetworks:\n  front:\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 7 }],
      output: 'services:\n  web:\n    image: nginx\n\nnetworks:\n  front:\n',
    },
    {
      name: 'the first entry keeps a section comment above it',
      code: DB + 'volumes:\n  # named volumes\n  old:\n  pg:\n',
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 6 }],
      output: DB + 'volumes:\n  # named volumes\n  pg:\n',
    },
    {
      name: 'flow mapping',
      code: DB + 'volumes: {old: {}, pg: {}}\n',
      errors: [{ line: 6, column: 11, endLine: 6, endColumn: 14 }],
      output: DB + 'volumes: {pg: {}}\n',
    },
    {
      name: 'flow mapping, last entry',
      code: DB + 'volumes: {pg: {}, old: {driver: local}}\n',
      errors: [{ line: 6, column: 19, endLine: 6, endColumn: 22 }],
      output: DB + 'volumes: {pg: {}}\n',
    },
    {
      name: 'flow mapping, only entry',
      code: 'services:\n  web:\n    image: nginx\nvolumes: {old: {}}\n',
      errors: [{ line: 4, column: 11, endLine: 4, endColumn: 14 }],
      output: 'services:\n  web:\n    image: nginx\n',
    },
    {
      name: 'an external volume: removing the declaration does not touch it',
      code: DB + 'volumes:\n  pg:\n  shared:\n    external: true\n',
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 9, message: /External volume "shared".*does not touch the volume/ }],
      output: DB + 'volumes:\n  pg:\n',
    },
    {
      name: 'an anchor used by the removed entry stays defined',
      code: 'x-local: &local\n  driver: local\n' + DB + 'volumes:\n  pg: *local\n  old: *local\n',
      errors: [{ line: 10, column: 3, endLine: 10, endColumn: 6 }],
      output: 'x-local: &local\n  driver: local\n' + DB + 'volumes:\n  pg: *local\n',
    },
    {
      name: 'the first key after a document start marker',
      code: '---\nvolumes:\n  old:\nservices:\n  web:\n    image: nginx\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 6 }],
      output: '---\nservices:\n  web:\n    image: nginx\n',
    },
    {
      name: 'CRLF without a trailing newline',
      code: 'services:\r\n  db:\r\n    image: mysql:8\r\n    volumes:\r\n      - db:/var/lib/mysql\r\nvolumes:\r\n  db:\r\n  old:',
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 6 }],
      output: 'services:\r\n  db:\r\n    image: mysql:8\r\n    volumes:\r\n      - db:/var/lib/mysql\r\nvolumes:\r\n  db:',
    },
    {
      name: 'declared in the override, used by no configuration',
      files: {
        'compose.yaml': DB + 'volumes:\n  pg:\n',
        'compose.override.yaml': 'services:\n  db:\n    ports:\n      - "5432:5432"\nvolumes:\n  scratch:\n',
        'compose.prod.yaml': 'services:\n  db:\n    restart: always\n',
      },
      errors: [{ file: 'compose.override.yaml', line: 6, column: 3, endLine: 6, endColumn: 10 }],
      output: { 'compose.override.yaml': 'services:\n  db:\n    ports:\n      - "5432:5432"\n' },
    },
  ],
});
