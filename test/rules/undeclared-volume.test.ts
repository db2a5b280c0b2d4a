import { runRuleTests } from '../helpers/rule-tester';

runRuleTests('undeclared-volume', {
  valid: [
    { name: 'declared volume', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n' },
    { name: 'external volume', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n    external: true\n' },
    { name: 'bind mounts and anonymous volumes need no declaration', code: 'services:\n  app:\n    image: node:22\n    volumes:\n      - ./src:/app/src\n      - /app/node_modules\n      - ~/.npmrc:/root/.npmrc:ro\n      - C:\\data:/data\n' },
    { name: 'long syntax volume declared', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - type: volume\n        source: db\n        target: /var/lib/mysql\nvolumes:\n  db: {}\n' },
    { name: 'source from an unknown variable', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ${DB_VOLUME}:/var/lib/mysql\n' },
    { name: 'source interpolated from .env to a declared name', files: { 'compose.yaml': 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ${DB_VOLUME}:/var/lib/mysql\nvolumes:\n  mysql-data:\n', '.env': 'DB_VOLUME=mysql-data\n' } },
    { name: 'declared in the override file', files: { 'compose.yaml': 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\n', 'compose.override.yaml': 'volumes:\n  db:\n' } },
    { name: 'declared in the base, used in the production file', files: { 'compose.yaml': 'services:\n  db:\n    image: mysql:8\nvolumes:\n  db:\n', 'compose.prod.yaml': 'services:\n  db:\n    volumes:\n      - db:/var/lib/mysql\n' } },
    { name: 'declared through a merge key', code: 'x-volumes: &vols\n  db: {}\nservices:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\nvolumes:\n  <<: *vols\n' },
    {
      name: 'declared in an included file',
      files: { 'compose.yaml': 'include:\n  - storage.yaml\nservices:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\n', 'storage.yaml': 'services:\n  backup:\n    image: busybox\n    volumes:\n      - db:/backup:ro\nvolumes:\n  db:\n' },
    },
    { name: 'volumes_from inherits a declared volume', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\n  backup:\n    image: busybox\n    volumes_from:\n      - db:ro\nvolumes:\n  db:\n' },
  ],
  invalid: [
    {
      name: 'a top-level volumes: block indented under services: (read as a service named "volumes"): said so, and dedented when it is the last entry',
      code: 'services:\n  monerod:\n    image: sethsimmons/simple-monerod:latest\n    volumes:\n      - bitmonero:/home/monero/.bitmonero # chain\n\n  volumes:\n    bitmonero:\n      # the chain\n      driver: local\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 18, severity: 'error', message: /which the `volumes:` block on line 7 declares, but that block is indented under `services:`/, fixes: ['preferred: Move the `volumes:` block out of `services:` to the top level'] }],
      output: 'services:\n  monerod:\n    image: sethsimmons/simple-monerod:latest\n    volumes:\n      - bitmonero:/home/monero/.bitmonero # chain\n\nvolumes:\n  bitmonero:\n    # the chain\n    driver: local\n',
    },
    {
      name: 'the nested volumes: block is not the last service: said so, moved by hand',
      code: 'services:\n  monerod:\n    image: sethsimmons/simple-monerod:latest\n    volumes:\n      - bitmonero:/home/monero/.bitmonero # chain\n  volumes:\n    bitmonero:\n  tor:\n    image: acme/tor:1\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 18, severity: 'error', message: /block on line 6 declares/ }],
    },
    {
      name: 'a documentation placeholder (`<CONFIG_PATH>`) is no volume name Compose accepts: reported, and not declared',
      code: 'services:\n  headscale:\n    image: headscale/headscale:0.26.1\n    volumes:\n      - <CONFIG_PATH>:/etc/headscale # configuration\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 22, containerPath: '/etc/headscale' }],
    },
    {
      name: 'a volume of a service pulled in with extends from another file is declared in the extending file (Compose does not import the other file\'s volumes)',
      files: {
        'compose.yaml': 'services:\n  es:\n    extends:\n      file: base.yml\n      service: elasticsearch\n',
        'base.yml': 'services:\n  elasticsearch:\n    image: elasticsearch:7.17.10\n    volumes:\n      - esdata:/usr/share/elasticsearch/data # index\nvolumes:\n  esdata:\n',
      },
      errors: [{ file: 'base.yml', line: 5, column: 9, endLine: 5, endColumn: 15, service: 'es' }],
      output: {
        'compose.yaml': 'services:\n  es:\n    extends:\n      file: base.yml\n      service: elasticsearch\n\nvolumes:\n  esdata:\n',
        'base.yml': 'services:\n  elasticsearch:\n    image: elasticsearch:7.17.10\n    volumes:\n      - esdata:/usr/share/elasticsearch/data # index\nvolumes:\n  esdata:\n',
      },
    },
    {
      name: 'no top-level volumes: the section is created; reported at the name',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data # data\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 15, severity: 'error', service: 'db', message: /refers to undefined volume pgdata/ }],
      output: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data # data\n\nvolumes:\n  pgdata:\n',
    },
    {
      name: 'appended to an existing section with comments',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - "pg:/var/lib/postgresql/data:rw"\n  cache:\n    image: redis:7\n    volumes:\n      - type: volume\n        source: redis\n        target: /data\nvolumes:\n  # database\n  pg:\n',
      errors: [{ line: 10, column: 17, endLine: 10, endColumn: 22, service: 'cache' }],
      output: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - "pg:/var/lib/postgresql/data:rw"\n  cache:\n    image: redis:7\n    volumes:\n      - type: volume\n        source: redis\n        target: /data\nvolumes:\n  # database\n  pg:\n  redis:\n',
    },
    {
      name: 'quoted entry: the name inside the quotes',
      code: "services:\n  app:\n    image: ghcr.io/acme/app:1\n    volumes:\n      - 'uploads:/srv/uploads'\nvolumes: {}\n",
      errors: [{ line: 5, column: 10, endLine: 5, endColumn: 17 }],
      output: "services:\n  app:\n    image: ghcr.io/acme/app:1\n    volumes:\n      - 'uploads:/srv/uploads'\nvolumes: {uploads: {}}\n",
    },
    {
      name: 'two services, two names',
      code: 'services:\n  a:\n    image: nginx\n    volumes:\n      - one:/a\n  b:\n    image: nginx\n    volumes:\n      - two:/b\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 12 },
        { line: 9, column: 9, endLine: 9, endColumn: 12 },
      ],
      output: 'services:\n  a:\n    image: nginx\n    volumes:\n      - one:/a\n  b:\n    image: nginx\n    volumes:\n      - two:/b\n\nvolumes:\n  one:\n  two:\n',
    },
    {
      name: 'declared only in the override: the production configuration lacks it',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\n',
        'compose.override.yaml': 'volumes:\n  db:\n',
        'compose.prod.yaml': 'services:\n  db:\n    restart: always\n',
      },
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 11 }],
      output: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\n\nvolumes:\n  db:\n',
      },
    },
    {
      name: 'a mount in the override is declared in the override',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:8\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - db:/var/lib/mysql\n',
      },
      errors: [{ file: 'compose.override.yaml', line: 4, column: 9, endLine: 4, endColumn: 11 }],
      output: { 'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - db:/var/lib/mysql\n\nvolumes:\n  db:\n' },
    },
    {
      name: 'CRLF without a trailing newline',
      code: 'services:\r\n  db:\r\n    image: mysql:8\r\n    volumes:\r\n      - db:/var/lib/mysql',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 11 }],
      output: 'services:\r\n  db:\r\n    image: mysql:8\r\n    volumes:\r\n      - db:/var/lib/mysql\r\n\r\nvolumes:\r\n  db:\r\n',
    },
  ],
});
