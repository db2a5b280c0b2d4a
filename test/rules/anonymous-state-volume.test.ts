import { runRuleTests } from '../helpers/rule-tester';

runRuleTests('anonymous-state-volume', {
  valid: [
    { name: 'named volume', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\nvolumes:\n  db:\n' },
    { name: 'no mount at all is unmounted-state-path, not this rule', code: 'services:\n  db:\n    image: postgres:16\n' },
    { name: 'anonymous volume on a scratch path', code: 'services:\n  app:\n    image: node:22\n    volumes:\n      - /app/node_modules\n' },
    { name: 'anonymous volume on a path that is not state', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\n      - /var/log/mysql\nvolumes:\n  db:\n' },
    {
      name: 'a named volume deeper than an anonymous parent holds the data',
      code: 'services:\n  db:\n    image: mongo:7\n    volumes:\n      - /data\n      - mongo:/data/db\nvolumes:\n  mongo:\n',
    },
    { name: 'bind mount', code: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - ./data:/var/lib/mysql\n' },
    { name: 'anonymous target with an unknown variable', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ${DATA_DIR}\n' },
    {
      name: 'the override names the volume at the same path',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - /var/lib/mysql\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - db:/var/lib/mysql\nvolumes:\n  db:\n',
      },
    },
    { name: 'image unknown to the knowledge base', code: 'services:\n  web:\n    image: nginx\n    volumes:\n      - /usr/share/nginx/html\n' },
    {
      name: 'a Dockerfile VOLUME on a named volume',
      files: { 'compose.yaml': 'services:\n  app:\n    build: .\n    volumes:\n      - data:/srv/data\nvolumes:\n  data:\n', Dockerfile: 'FROM debian:12-slim\nVOLUME /srv/data\n' },
    },
    { name: 'turned off', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - /var/lib/mysql\n', config: { rules: { 'anonymous-state-volume': 'off' } } },
  ],
  invalid: [
    {
      name: 'short syntax: the name goes in front, comment and quoting kept',
      code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - "/var/lib/mysql"  # data\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 25, severity: 'warning', containerPath: '/var/lib/mysql', service: 'db', message: /anonymous volume.*docker compose down/ }],
      output: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - "db-data:/var/lib/mysql"  # data\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'short syntax with a mode keeps it',
      code: "services:\n  db:\n    image: postgres:16\n    volumes:\n      - '/var/lib/postgresql/data:rw'\nvolumes:\n  other: {}\n",
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 38, containerPath: '/var/lib/postgresql/data' }],
      output: "services:\n  db:\n    image: postgres:16\n    volumes:\n      - 'db-data:/var/lib/postgresql/data:rw'\nvolumes:\n  other: {}\n  db-data:\n",
    },
    {
      name: 'long syntax without source gets one',
      code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - type: volume\n        target: /var/lib/mysql\n        volume:\n          nocopy: true\nvolumes:\n  other:\n',
      errors: [{ line: 5, column: 9, endLine: 8, endColumn: 23 }],
      output: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - type: volume\n        source: db-data\n        target: /var/lib/mysql\n        volume:\n          nocopy: true\nvolumes:\n  other:\n  db-data:\n',
    },
    {
      name: 'long syntax with no type and target first',
      code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - target: /var/lib/mysql\n        read_only: false\n',
      errors: [{ line: 5, column: 9, endLine: 6, endColumn: 25 }],
      output: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - target: /var/lib/mysql\n        read_only: false\n        source: db-data\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'flow style entry and flow declaration',
      code: 'services:\n  db:\n    image: mongo:7\n    volumes: [{type: volume, target: /data/db}]\nvolumes: {}\n',
      errors: [{ line: 4, column: 15, endLine: 4, endColumn: 47, containerPath: '/data/db' }],
      output: 'services:\n  db:\n    image: mongo:7\n    volumes: [{type: volume, source: db-data, target: /data/db}]\nvolumes: {db-data: {}}\n',
    },
    {
      name: 'postgres 18 with an anonymous volume at its data directory',
      code: 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - /var/lib/postgresql/18/docker\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 38, containerPath: '/var/lib/postgresql' }],
      output: 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - db-data:/var/lib/postgresql/18/docker\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'an anonymous parent covers a state path the image declares no VOLUME for',
      code: 'services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    volumes:\n      - /var/lib\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 17, containerPath: '/var/lib/grafana' }],
      output: 'services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    volumes:\n      - grafana-data:/var/lib\n\nvolumes:\n  grafana-data:\n',
    },
    {
      name: 'redis used as a cache: a hint',
      code: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      - /data\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 14, severity: 'hint', message: /disposable cache/ }],
      output: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      - cache-data:/data\n\nvolumes:\n  cache-data:\n',
    },
    {
      name: 'CRLF, no trailing newline, a taken name',
      code: 'services:\r\n  db:\r\n    image: mariadb:11\r\n    volumes:\r\n      - /var/lib/mysql\r\n  web:\r\n    image: nginx\r\n    volumes:\r\n      - db-data:/srv\r\nvolumes:\r\n  db-data:',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 23 }],
      output: 'services:\r\n  db:\r\n    image: mariadb:11\r\n    volumes:\r\n      - db-mysql:/var/lib/mysql\r\n  web:\r\n    image: nginx\r\n    volumes:\r\n      - db-data:/srv\r\nvolumes:\r\n  db-data:\r\n  db-mysql:',
    },
    {
      name: 'anchored entry is named where it is written',
      code: 'x-data: &data /var/lib/mysql\nservices:\n  db:\n    image: mysql:8\n    volumes:\n      - *data\n',
      errors: [{ line: 1, column: 15, endLine: 1, endColumn: 29 }],
      output: 'x-data: &data db-data:/var/lib/mysql\nservices:\n  db:\n    image: mysql:8\n    volumes:\n      - *data\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'a Dockerfile VOLUME on an anonymous compose mount: reported on both sides, fixed in compose.yaml',
      files: {
        'compose.yaml': 'services:\n  app:\n    build: ./app\n    volumes:\n      - /srv/data\n',
        'app/Dockerfile': 'FROM debian:12-slim\n# uploaded files\nVOLUME ["/srv/data"]\nCMD ["app"]\n',
      },
      errors: [
        { file: 'app/Dockerfile', line: 3, column: 9, endLine: 3, endColumn: 20, containerPath: '/srv/data', service: 'app', message: /^VOLUME \/srv\/data is on an anonymous volume in service "app" \(compose\.yaml\)/ },
        { file: 'compose.yaml', line: 5, column: 9, endLine: 5, endColumn: 18, containerPath: '/srv/data', service: 'app', message: /^The Dockerfile of service "app" declares VOLUME \/srv\/data, and here it is mounted only on an anonymous volume/ },
      ],
      output: {
        'compose.yaml': 'services:\n  app:\n    build: ./app\n    volumes:\n      - app-data:/srv/data\n\nvolumes:\n  app-data:\n',
        'app/Dockerfile': 'FROM debian:12-slim\n# uploaded files\nVOLUME ["/srv/data"]\nCMD ["app"]\n',
      },
    },
    {
      name: 'the second document of a multi-document file',
      code: 'services:\n  web:\n    image: nginx\n---\nservices:\n  db:\n    image: mysql:8\n    volumes:\n      - /var/lib/mysql\n',
      errors: [{ line: 9, column: 9, endLine: 9, endColumn: 23 }],
      output: 'services:\n  web:\n    image: nginx\n---\nservices:\n  db:\n    image: mysql:8\n    volumes:\n      - db-data:/var/lib/mysql\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'reported in the override that adds it, declared there',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:17\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - /var/lib/postgresql/data\n',
      },
      errors: [{ file: 'compose.override.yaml', line: 4, column: 9, endLine: 4, endColumn: 33 }],
      output: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:17\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - db-data:/var/lib/postgresql/data\n\nvolumes:\n  db-data:\n',
      },
    },
  ],
});
