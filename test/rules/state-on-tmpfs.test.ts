import { runRuleTests } from '../helpers/rule-tester';

runRuleTests('state-on-tmpfs', {
  valid: [
    { name: 'tmpfs on scratch paths', code: 'services:\n  db:\n    image: postgres:16\n    tmpfs:\n      - /tmp\n      - /run:size=64m\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n' },
    { name: 'tmpfs scalar on /run', code: 'services:\n  db:\n    image: mysql:8\n    tmpfs: /run/mysqld\n    volumes:\n      - db:/var/lib/mysql\nvolumes:\n  db:\n' },
    { name: 'long syntax tmpfs on /tmp', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\n      - type: tmpfs\n        target: /tmp\nvolumes:\n  db:\n' },
    { name: 'a named volume deeper than a tmpfs parent', code: 'services:\n  db:\n    image: mongo:7\n    tmpfs: /data\n    volumes:\n      - mongo:/data/db\nvolumes:\n  mongo:\n' },
    { name: 'tmpfs on a path of an image with no knowledge', code: 'services:\n  app:\n    image: ghcr.io/acme/app:1\n    tmpfs: /var/lib/app\n' },
    { name: 'tmpfs target from an unknown variable', code: 'services:\n  db:\n    image: mysql:8\n    tmpfs: ${SCRATCH}\n' },
    { name: 'a tmpfs-backed named volume on a scratch path', code: 'services:\n  web:\n    image: nginx\n    volumes:\n      - scratch:/var/cache/nginx\nvolumes:\n  scratch:\n    driver_opts: {type: tmpfs, device: tmpfs}\n' },
    { name: 'a volume of another driver with a type option is not the local tmpfs', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n    driver: rexray/ebs\n    driver_opts:\n      type: tmpfs\n' },
    { name: 'memcached keeps nothing on disk', code: 'services:\n  cache:\n    image: memcached\n    tmpfs: /data\n' },
  ],
  invalid: [
    {
      name: 'a test service (`test-db`) with its database on tmpfs: deliberate throw-away data, a hint without a fix',
      code: 'services:\n  test-db:\n    image: postgres:14\n    tmpfs: /var/lib/postgresql/data\n',
      errors: [{ line: 4, column: 12, endLine: 4, endColumn: 36, severity: 'hint', containerPath: '/var/lib/postgresql/data', message: /^PostgreSQL data directory \/var\/lib\/postgresql\/data of service "test-db", a test service, is on tmpfs: fine for throw-away test data/ }],
    },
    {
      name: 'tmpfs scalar: the key is replaced by a named volume',
      code: 'services:\n  db:\n    image: postgres:16 # main\n    tmpfs: /var/lib/postgresql/data\n',
      errors: [{ line: 4, column: 12, endLine: 4, endColumn: 36, severity: 'error', containerPath: '/var/lib/postgresql/data', service: 'db', message: /is on tmpfs: it lives in memory/ }],
      output: 'services:\n  db:\n    image: postgres:16 # main\n    volumes:\n      # PostgreSQL data directory — must survive redeploys\n      - db-data:/var/lib/postgresql/data\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'a comment above the removed tmpfs item stays when a blank line or another column separates it',
      code: 'services:\n  db:\n    image: postgres:16\n    tmpfs:\n      # scratch space\n\n      - /var/lib/postgresql/data\n    # the next key\n      - /run\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 33 }],
      output: 'services:\n  db:\n    image: postgres:16\n    tmpfs:\n      # scratch space\n\n    # the next key\n      - /run\n    volumes:\n      # PostgreSQL data directory — must survive redeploys\n      - db-data:/var/lib/postgresql/data\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'one of several tmpfs items; the volume joins the existing list, and the comment above the item goes with it',
      code: 'services:\n  db:\n    image: postgres:16\n    tmpfs:\n      - /run\n      # the data, fast\n      - /var/lib/postgresql/data:size=1g\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d:ro\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 41 }],
      output:
        'services:\n  db:\n    image: postgres:16\n    tmpfs:\n      - /run\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d:ro\n      # PostgreSQL data directory — must survive redeploys\n      - db-data:/var/lib/postgresql/data\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'the last tmpfs key of a service, with a following service',
      code: 'services:\n  db:\n    image: mysql:8\n    tmpfs:\n      - /var/lib/mysql\n  web:\n    image: nginx\nvolumes:\n  static:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 23 }],
      output: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      # MySQL data directory — must survive redeploys\n      - db-data:/var/lib/mysql\n  web:\n    image: nginx\nvolumes:\n  static:\n  db-data:\n',
    },
    {
      name: 'flow sequence item',
      code: 'services:\n  db:\n    image: mariadb:11\n    tmpfs: [/run, /var/lib/mysql]\n    volumes: [./conf:/etc/mysql/conf.d:ro]\n',
      errors: [{ line: 4, column: 19, endLine: 4, endColumn: 33 }],
      output: 'services:\n  db:\n    image: mariadb:11\n    tmpfs: [/run]\n    volumes: [./conf:/etc/mysql/conf.d:ro, "db-data:/var/lib/mysql"] # MariaDB data directory — must survive redeploys\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'long syntax tmpfs is converted in place, its options dropped',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - type: tmpfs\n        tmpfs:\n          size: 1000000000\n        target: /var/lib/postgresql/data\nvolumes:\n  other:\n',
      errors: [{ line: 5, column: 9, endLine: 8, endColumn: 41 }],
      output: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      # PostgreSQL data directory — must survive redeploys\n      - type: volume\n        source: db-data\n        target: /var/lib/postgresql/data\nvolumes:\n  other:\n  db-data:\n',
    },
    {
      name: 'a named volume the local driver puts on tmpfs: its tmpfs driver_opts go, comments stay',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data # data\nvolumes:\n  # fast, for demos\n  pgdata:\n    driver: local\n    driver_opts:\n      type: tmpfs\n      device: tmpfs\n  other:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 40, severity: 'error', containerPath: '/var/lib/postgresql/data', service: 'db', message: /is on volume "pgdata", which its declaration puts on tmpfs/ }],
      output: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data # data\nvolumes:\n  # fast, for demos\n  pgdata:\n    driver: local\n  other:\n',
    },
    {
      name: 'a tmpfs volume in flow style, declared in the base and mounted by the override',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:8\nvolumes:\n  db: {driver_opts: {type: tmpfs, device: tmpfs}, labels: {tier: db}}\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - db:/var/lib/mysql\n',
      },
      errors: [{ file: 'compose.override.yaml', line: 4, column: 9, endLine: 4, endColumn: 26 }],
      output: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:8\nvolumes:\n  db: {labels: {tier: db}}\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - db:/var/lib/mysql\n',
      },
    },
    {
      name: 'a tmpfs volume two services mount: reported for the state path, no fix (the other mount would change too)',
      code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - shared:/var/lib/mysql\n  tool:\n    image: alpine\n    volumes:\n      - shared:/scratch\nvolumes:\n  shared:\n    driver_opts:\n      type: tmpfs\n      device: tmpfs\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 30, severity: 'error' }],
    },
    {
      name: 'redis without persistence on tmpfs is a hint',
      code: 'services:\n  cache:\n    image: redis:7\n    tmpfs:\n      - /data\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 14, severity: 'hint', message: /disposable cache/ }],
      output: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      # Redis persistence directory (RDB snapshots and AOF) — a cache, safe to lose only if the app treats it as one\n      - cache-data:/data\n\nvolumes:\n  cache-data:\n',
    },
    {
      name: 'a tmpfs database in a CI file is a hint',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n',
        'compose.ci.yaml': 'services:\n  db:\n    volumes: !reset []\n    tmpfs:\n      - /var/lib/postgresql/data\n',
      },
      errors: [{ file: 'compose.ci.yaml', line: 5, column: 9, endLine: 5, endColumn: 33, severity: 'hint', message: /compose\.ci\.yaml, a test configuration/ }],
    },
    {
      name: 'a flow-style service: the tmpfs pair becomes a volumes pair',
      code: 'services:\n  db: {image: mysql:8, tmpfs: /var/lib/mysql}\n',
      errors: [{ line: 2, column: 31, endLine: 2, endColumn: 45 }],
      output: 'services:\n  db: {image: mysql:8, volumes: ["db-data:/var/lib/mysql"]} # MySQL data directory — must survive redeploys\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'CRLF and no trailing newline',
      code: 'services:\r\n  db:\r\n    image: mongo:7\r\n    tmpfs: /data/db',
      errors: [{ line: 4, column: 12, endLine: 4, endColumn: 20 }],
      output: 'services:\r\n  db:\r\n    image: mongo:7\r\n    volumes:\r\n      # MongoDB data directory — must survive redeploys\r\n      - db-data:/data/db\r\n\r\nvolumes:\r\n  db-data:\r\n',
    },
    {
      name: 'tmpfs from the override: fixed in the override',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d\n',
        'compose.override.yaml': '# fast tests\nservices:\n  db:\n    tmpfs: /var/lib/mysql\n',
      },
      errors: [{ file: 'compose.override.yaml', line: 4, column: 12, endLine: 4, endColumn: 26 }],
      output: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d\n',
        'compose.override.yaml': '# fast tests\nservices:\n  db:\n    volumes:\n      # MySQL data directory — must survive redeploys\n      - db-data:/var/lib/mysql\n\nvolumes:\n  db-data:\n',
      },
    },
  ],
});
