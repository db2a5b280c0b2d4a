import { runRuleTests } from '../helpers/rule-tester';

runRuleTests('writable-config-mount', {
  valid: [
    { name: 'NetBird management (and the legacy wiretrustee image) writes its configuration back (the encryption key) and exits when it cannot: never read-only', code: 'services:\n  management:\n    image: netbirdio/management:latest\n    volumes:\n      - netbird-mgmt:/var/lib/netbird # store\n      - ./management.json:/etc/netbird/management.json # settings\n  legacy:\n    image: wiretrustee/management:latest\n    volumes:\n      - wiretrustee-mgmt:/var/lib/wiretrustee # store\n      - ./config.json:/etc/wiretrustee/config.json # settings\nvolumes:\n  netbird-mgmt:\n  wiretrustee-mgmt:\n' },
    { name: "a project's tsconfig.json is source that `next dev` rewrites, not configuration", code: 'services:\n  app:\n    image: node:20\n    command: yarn dev\n    volumes:\n      - ./frontend/tsconfig.json:/app/tsconfig.json # TypeScript settings\n' },
    { name: "state the knowledge base knows under /etc is not read-only configuration: Bitwarden's vault in /etc/bitwarden, the stock files Netdata's entrypoint copies into /etc/netdata, the config.json Semaphore writes", code: 'services:\n  bitwarden:\n    image: ghcr.io/bitwarden/self-host:2024.6.0-beta\n    volumes:\n      - ./bitwarden:/etc/bitwarden # vault\n  netdata:\n    image: netdata/netdata:v2\n    volumes:\n      - ./netdataconfig:/etc/netdata # config\n  semaphore:\n    image: semaphoreui/semaphore:v2.10.22\n    volumes:\n      - ./semaphore:/etc/semaphore # config.json\n' },
    {
      name: "a folder under /etc that holds state the image writes (Traefik's ACME storage named in /etc/traefik): not read-only",
      code: 'services:\n  traefik:\n    image: traefik:v3.5.2\n    volumes:\n      - ./traefik:/etc/traefik\n    command:\n      - --certificatesresolvers.le.acme.storage=/etc/traefik/acme.json\n',
    },
    {
      name: "configuration the image's entrypoint rewrites on every start (RAGFlow's nginx conf): read-only would make the container fail",
      code: 'services:\n  ragflow:\n    image: infiniflow/ragflow:v0.20.5\n    volumes:\n      - ./nginx/ragflow.conf:/etc/nginx/conf.d/ragflow.conf\n',
    },
    { name: 'read-only config file', code: 'services:\n  proxy:\n    image: nginx\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n' },
    { name: 'read-only with other flags', code: 'services:\n  proxy:\n    image: nginx\n    volumes:\n      - ./conf.d:/etc/nginx/conf.d:z,ro\n' },
    { name: 'long syntax read_only', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - type: bind\n        source: ./settings.toml\n        target: /app/settings.toml\n        read_only: true\n' },
    { name: 'read-write written out: the container writes there on purpose (SearXNG rewrites settings.yml)', code: 'services:\n  searxng:\n    image: searxng/searxng\n    volumes:\n      - ./searxng:/etc/searxng:rw\n      - ./limiter.toml:/etc/searxng/limiter.toml:rw,Z\n' },
    { name: 'long syntax read_only: false', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - type: bind\n        source: ./settings.toml\n        target: /app/settings.toml\n        read_only: false\n' },
    { name: 'data and source folders are not configuration', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./data:/data\n      - ./src:/app/src\n' },
    { name: 'keys generated at start (opendkim-genkey, mailcow writing /etc/sogo)', code: 'services:\n  postfix:\n    image: mwader/postfix-relay\n    volumes:\n      - ./opendkim/keys:/etc/opendkim/keys\n  dovecot:\n    image: mailcow/dovecot:2.2\n    volumes:\n      - ./data/conf/sogo/:/etc/sogo/\n' },
    { name: 'certbot writes /etc/letsencrypt, acme-companion writes nginx certs', code: 'services:\n  certbot:\n    image: certbot/certbot\n    volumes:\n      - ./certbot/conf:/etc/letsencrypt\n  acme:\n    image: nginxproxy/acme-companion\n    volumes:\n      - ./certs:/etc/nginx/certs\n      - ./vhost:/etc/nginx/vhost.d\n' },
    { name: 'named volumes are not bind mounts', code: 'services:\n  proxy:\n    image: nginx\n    volumes:\n      - conf:/etc/nginx\nvolumes:\n  conf:\n' },
    { name: 'the docker socket is not configuration', code: 'services:\n  agent:\n    image: portainer/agent\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n' },
    { name: 'files the application writes: acme.json, a JSON database, data folders', code: 'services:\n  traefik:\n    image: traefik:v3\n    volumes:\n      - ./acme.json:/letsencrypt/acme.json\n  api:\n    image: clue/json-server\n    volumes:\n      - ./db.json:/data/db.json\n      - ./seed.json:/data/seed.json\n' },
    { name: 'secrets are left to secret-bind-mount', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./certs/server.key:/etc/ssl/private/server.key\n' },
    { name: 'package manifests mounted for development are source that npm/composer rewrite, not configuration', code: 'services:\n  app:\n    build: .\n    volumes:\n      - ./package.json:/app/package.json\n      - ./package-lock.json:/app/package-lock.json\n      - ./composer.json:/var/www/composer.json\n      - ./pyproject.toml:/code/pyproject.toml\n' },
  ],
  invalid: [
    {
      name: '`:ro` goes after the target, not into the `${VAR:-default}` of the source or the target',
      code: 'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./deploy/nginx/${NGINX_FILE:-default.conf}:/etc/nginx/templates/${NGINX_FILE:-default.conf}.template # site template\n      - ${PROM_CONFIG:-./prometheus.yml}:/etc/prometheus/prometheus.yml # scrape config\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 109, containerPath: '/etc/nginx/templates/default.conf.template' },
        { line: 6, column: 9, endLine: 6, endColumn: 72, containerPath: '/etc/prometheus/prometheus.yml' },
      ],
      output: 'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./deploy/nginx/${NGINX_FILE:-default.conf}:/etc/nginx/templates/${NGINX_FILE:-default.conf}.template:ro # site template\n      - ${PROM_CONFIG:-./prometheus.yml}:/etc/prometheus/prometheus.yml:ro # scrape config\n',
    },
    {
      name: 'unknown options and an empty options part: `ro` joins the options instead of making a fourth part',
      code: 'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:roz # server config\n      - \"./site.conf:/etc/nginx/conf.d/site.conf:\" # site\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 47, containerPath: '/etc/nginx/nginx.conf' },
        { line: 6, column: 9, endLine: 6, endColumn: 51, containerPath: '/etc/nginx/conf.d/site.conf' },
      ],
      output: 'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro,roz # server config\n      - \"./site.conf:/etc/nginx/conf.d/site.conf:ro\" # site\n',
    },
    {
      name: 'a config mount in an x- anchor that several services merge is reported once, naming them all',
      code: 'x-common: &common\n  image: getsentry/sentry:24\n  volumes:\n    - ./sentry/config.yml:/etc/sentry/config.yml\nservices:\n  web:\n    <<: *common\n  worker:\n    <<: *common\n  cron:\n    <<: *common\n',
      errors: [{ line: 4, column: 7, endLine: 4, endColumn: 49, service: 'web', message: /^Services "web", "worker" and "cron" bind-mount \.\/sentry\/config\.yml \(a configuration file \(config\.yml\)\) read-write at \/etc\/sentry\/config\.yml\./ }],
      output: 'x-common: &common\n  image: getsentry/sentry:24\n  volumes:\n    - ./sentry/config.yml:/etc/sentry/config.yml:ro\nservices:\n  web:\n    <<: *common\n  worker:\n    <<: *common\n  cron:\n    <<: *common\n',
    },
    {
      name: 'short syntax gets :ro, trailing comment kept',
      code: 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf # main config\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 43, severity: 'info', service: 'proxy', containerPath: '/etc/nginx/nginx.conf', message: /bind-mounts \.\/nginx\.conf \(a configuration file \(nginx\.conf\)\) read-write at \/etc\/nginx\/nginx\.conf/ }],
      output: 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro # main config\n',
    },
    {
      name: 'an existing mode list keeps its flags, quotes stay',
      code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - "./my.cnf:/etc/mysql/conf.d/my.cnf:z"\n      - \'./conf:/etc/mysql/conf.d:cached\'\n      - db:/var/lib/mysql\nvolumes:\n  db:\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 46 },
        { line: 6, column: 9, endLine: 6, endColumn: 42, message: /\(mounted under \/etc\)/ },
      ],
      output: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - "./my.cnf:/etc/mysql/conf.d/my.cnf:ro,z"\n      - \'./conf:/etc/mysql/conf.d:ro,cached\'\n      - db:/var/lib/mysql\nvolumes:\n  db:\n',
    },
    {
      name: 'an options part Compose does not know (`:roz`) is read-write; the fix adds ro to it instead of a fourth part',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      # the site configuration\n      - ./nginx.conf:/etc/nginx/nginx.conf:roz\n      - C:\\conf\\app.ini:/etc/app/app.ini:cached\n',
      errors: [
        { line: 6, column: 9, endLine: 6, endColumn: 47 },
        { line: 7, column: 9, endLine: 7, endColumn: 48 },
      ],
      output: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      # the site configuration\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro,roz\n      - C:\\conf\\app.ini:/etc/app/app.ini:ro,cached\n',
    },
    {
      name: 'long syntax gets read_only: true at the key column',
      code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - type: bind\n        source: ./config.yaml\n        target: /app/config.yaml\n    ports:\n      - "80:80"\n',
      errors: [{ line: 5, column: 9, endLine: 7, endColumn: 33, message: /read_only: true/ }],
      output: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - type: bind\n        source: ./config.yaml\n        target: /app/config.yaml\n        read_only: true\n    ports:\n      - "80:80"\n',
    },
    {
      name: 'flow sequence item',
      code: 'services:\n  app:\n    image: acme/app\n    volumes: [./app.properties:/opt/app/app.properties]\n',
      errors: [{ line: 4, column: 15, endLine: 4, endColumn: 55 }],
      output: 'services:\n  app:\n    image: acme/app\n    volumes: [./app.properties:/opt/app/app.properties:ro]\n',
    },
    {
      name: 'base + override + prod: one finding for the base mount (both configurations), fixed in the base',
      files: {
        'compose.yaml': 'services:\n  proxy:\n    image: haproxy:3.0\n    volumes:\n      - ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg\n',
        'compose.override.yaml': 'services:\n  proxy:\n    ports:\n      - "8080:80"\n',
        'compose.prod.yaml': 'services:\n  proxy:\n    volumes:\n      - ./certs/site.crt:/usr/local/etc/haproxy/site.crt:ro\n',
      },
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 57, message: /\(a configuration file \(haproxy\.cfg\)\)/ }],
      output: {
        'compose.yaml': 'services:\n  proxy:\n    image: haproxy:3.0\n    volumes:\n      - ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro\n',
        'compose.prod.yaml': 'services:\n  proxy:\n    volumes:\n      - ./certs/site.crt:/usr/local/etc/haproxy/site.crt:ro\n',
      },
    },
    {
      name: 'reported in the override file that adds it',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: caddy:2\n',
        'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./Caddyfile:/etc/caddy/Caddyfile\n',
      },
      errors: [{ file: 'compose.override.yaml', line: 4, column: 9, endLine: 4, endColumn: 41 }],
      output: { 'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./Caddyfile:/etc/caddy/Caddyfile:ro\n' },
    },
  ],
});
