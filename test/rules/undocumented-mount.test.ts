import { runRuleTests } from '../helpers/rule-tester';

runRuleTests('undocumented-mount', {
  valid: [
    { name: 'a one-word heading above a one-entry volumes: documents it (`# Uploads:`)', code: 'services:\n  app:\n    image: acme/app:1\n    # Uploads:\n    volumes:\n      - uploads:/srv/uploads\nvolumes:\n  uploads:\n' },
    {
      name: "a dev container's workspace (the checkout at /workspaces, in .devcontainer/) explains itself",
      files: { '.devcontainer/docker-compose.yml': 'services:\n  app:\n    build: .\n    volumes:\n      - ../..:/workspaces:cached\n    command: sleep infinity\n' },
    },
    {
      name: 'a comment after a `-` that stands alone on the line above a long-syntax entry documents it (cookiecutter-django production.yml)',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - # static files\n        # collected by collectstatic\n        type: volume\n        source: static\n        target: /srv/static\n      - # uploaded media, must be backed up\n        type: volume\n        source: media\n        target: /srv/media\n      -\n        # reports\n        type: volume\n        source: reports\n        target: /srv/reports\nvolumes:\n  static: {}\n  media: {}\n  reports: {}\n',
    },
    { name: 'comment on the line', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data # the database\nvolumes:\n  pg:\n' },
    { name: 'comment directly above the first and a later item', code: 'services:\n  web:\n    image: nginx\n    volumes:\n      # site content, rebuilt by CI\n      - ./site:/usr/share/nginx/html:ro\n      # nginx config\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n' },
    { name: 'named volume documented at its declaration', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\n      - logs:/var/log/mysql\nvolumes:\n  # MySQL data, backed up nightly\n  db:\n  logs: # rotated, disposable\n' },
    { name: 'a comment above the volumes key of a one-entry list, also as the first key', code: 'services:\n  db:\n    image: postgres:16\n    # the database, backed up nightly\n    volumes:\n      - pg:/var/lib/postgresql/data\n  web:\n    # user uploads\n    volumes:\n      - ./uploads:/app/uploads\n    image: acme/web\nvolumes:\n  pg:\n' },
    { name: 'long syntax with a comment on one of its lines', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - type: bind\n        source: ./data # uploads from users\n        target: /data\n' },
    { name: 'tmpfs and scratch anonymous volumes are not reported', code: 'services:\n  app:\n    image: node:22\n    tmpfs: /tmp\n    volumes:\n      - /app/node_modules\n' },
    { name: 'rule off', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./data:/data\n', config: { rules: { 'undocumented-mount': 'off' } } },
    { name: 'flow sequence with a trailing comment', code: 'services:\n  app:\n    image: acme/app\n    volumes: [./data:/data] # user uploads\n' },
    { name: 'self-explanatory host mounts: time zone files, /proc, /sys and / for monitoring agents', code: 'services:\n  exporter:\n    image: prom/node-exporter\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - /etc/timezone:/etc/timezone:ro\n      - /proc:/host/proc:ro\n      - /sys/:/host/sys:ro\n      - /:/rootfs:ro\n' },
    { name: 'self-explanatory host mounts: folders of the kernel views, udev and D-Bus for devices, machine id, kernel modules', code: 'services:\n  homeassistant:\n    image: ghcr.io/home-assistant/home-assistant:stable\n    volumes:\n      - /run/udev:/run/udev:ro\n      - /run/dbus:/run/dbus:ro\n      - /dev/serial/by-id:/dev/serial/by-id\n      - /sys/fs/cgroup:/sys/fs/cgroup:ro\n      - /etc/machine-id:/etc/machine-id:ro\n      - /lib/modules:/lib/modules:ro\n' },
    { name: 'a comment under a declaration with no value documents the next one', code: 'services:\n  web:\n    image: nginx\n    volumes:\n      - uploads:/srv/uploads\n      - cache:/srv/cache\nvolumes:\n  cache: # rendered thumbnails\n  # Product images uploaded by staff.\n  uploads:\n' },
    { name: 'a comment right below an entry, indented past its dash, continues it; any line of a long entry, nested keys included', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./data:/data\n        # user uploads\n      - type: bind\n        source: ./conf\n        target: /conf\n        bind:\n          create_host_path: true # site config, from git\n' },
    { name: 'a documenting comment above a vsafe directive still documents', code: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      # redis config, from git\n      # vsafe-ignore writable-config-mount\n      - ./redis.conf:/usr/local/etc/redis/redis.conf\n' },
    { name: 'a comment after the volumes: key documents its first entry', code: 'services:\n  db:\n    image: acme/db\n    volumes: # the database, backed up nightly\n      - pg:/var/lib/db\n' },
    { name: 'a comment below a declaration with no value, indented past its key, continues it', code: 'services:\n  db:\n    image: acme/db\n    volumes:\n      - pg:/var/lib/db\n      - cache:/var/cache/db\nvolumes:\n  pg:\n    # the database, backed up nightly\n  cache:\n    driver: local # rebuilt on start\n' },
  ],
  invalid: [
    {
      name: 'a declared volume each of several services mounts in its own entry: one finding at its first mount, naming them all; the fix documents the declaration once (the knowledge base\'s text when every mount says the same)',
      code: 'services:\n  app:\n    image: nextcloud:29\n    volumes:\n      - nextcloud:/var/www/html\n  cron:\n    image: nextcloud:29\n    entrypoint: /cron.sh\n    volumes:\n      - nextcloud:/var/www/html\n  worker:\n    image: acme/worker:1\n    volumes:\n      - shared:/srv/a\n  indexer:\n    image: acme/indexer:1\n    volumes:\n      - shared:/srv/b\nvolumes:\n  nextcloud:\n  shared: {}\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 32, containerPath: '/var/www/html', message: 'Volume "nextcloud" is not documented: no comment on its declaration, nor on any of its mounts (nextcloud:/var/www/html of services "app" and "cron"). Say what it holds and whether it must survive a redeploy, so whoever migrates the host, sets up backups or prunes volumes knows what they would lose. One comment on the declaration documents every mount.', fixes: ['preferred: Document the volume: "Nextcloud installation (config, apps and user files) — must survive redeploys"'] },
        { line: 14, column: 9, endLine: 14, endColumn: 22, containerPath: '/srv/a', message: /^Volume "shared" is not documented: .*\(shared:\/srv\/a, shared:\/srv\/b of services "worker" and "indexer"\)/, fixes: ['Add a comment stub above the volume declaration'] },
      ],
      output: 'services:\n  app:\n    image: nextcloud:29\n    volumes:\n      - nextcloud:/var/www/html\n  cron:\n    image: nextcloud:29\n    entrypoint: /cron.sh\n    volumes:\n      - nextcloud:/var/www/html\n  worker:\n    image: acme/worker:1\n    volumes:\n      - shared:/srv/a\n  indexer:\n    image: acme/indexer:1\n    volumes:\n      - shared:/srv/b\nvolumes:\n  # Nextcloud installation (config, apps and user files) — must survive redeploys\n  nextcloud:\n  # TODO: describe what this mount holds\n  shared: {}\n',
    },
    {
      name: 'a volume above the image VOLUME does not hold the data: its stub does not claim it does',
      code: 'services:\n  zk:\n    image: confluentinc/cp-zookeeper:7.6.0\n    volumes:\n      - zkdata:/var/lib/zookeeper\nvolumes:\n  zkdata:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 34, severity: 'info', service: 'zk', containerPath: '/var/lib/zookeeper' }],
      output: 'services:\n  zk:\n    image: confluentinc/cp-zookeeper:7.6.0\n    volumes:\n      # TODO: describe what this mount holds\n      - zkdata:/var/lib/zookeeper\nvolumes:\n  zkdata:\n',
    },
    {
      name: 'a socket whose source is a variable vsafe cannot resolve is still a socket, not a named volume',
      code: 'services:\n  agent:\n    image: portainer/agent:2\n    volumes:\n      - ${DOCKER_SOCKET_LOCATION}:/var/run/docker.sock:ro\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 58, severity: 'info', message: /^Mount \$\{DOCKER_SOCKET_LOCATION\}:\/var\/run\/docker\.sock:ro of service "agent" is not documented: no comment on its line or directly above it\. It hands the container a host socket/ }],
      output: "services:\n  agent:\n    image: portainer/agent:2\n    volumes:\n      # Docker socket — gives this container control of the host's Docker engine\n      - ${DOCKER_SOCKET_LOCATION}:/var/run/docker.sock:ro\n",
    },
    {
      name: 'comments indented into the environment block above volumes: document the environment, not the mount (zulip)',
      code: 'services:\n  app:\n    image: acme/app:1\n    environment:\n      A: "1"\n\n      # behind a reverse proxy, trust these:\n      # LOADBALANCER_IPS: "",\n    volumes:\n      - "app:/srv/app:rw"\nvolumes:\n  app:\n',
      errors: [{ line: 10, column: 9, endLine: 10, endColumn: 26, severity: 'info', service: 'app', containerPath: '/srv/app' }],
      output: 'services:\n  app:\n    image: acme/app:1\n    environment:\n      A: "1"\n\n      # behind a reverse proxy, trust these:\n      # LOADBALANCER_IPS: "",\n    volumes:\n      # TODO: describe what this mount holds\n      - "app:/srv/app:rw"\nvolumes:\n  app:\n',
    },
    {
      name: 'knowledge base describes the mount; stub at the dash column',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 36, severity: 'info', service: 'db', containerPath: '/var/lib/postgresql/data', message: 'Mount pg:/var/lib/postgresql/data of service "db" is not documented: no comment on its line or directly above it, nor on the declaration of volume "pg". Say what it holds and whether it must survive a redeploy, so whoever migrates the host, sets up backups or prunes volumes knows what they would lose.' }],
      output: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      # PostgreSQL data directory — must survive redeploys\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n',
    },
    {
      name: 'commented-out keys and items of another block above a one-entry `volumes:` are disabled code, not documentation (photon-docker)',
      code: 'services:\n  app:\n    image: acme/search:1\n    # environment:\n    # - COUNTRY_CODE=zw\n    volumes:\n      - photon_data:/photon/photon_data\nvolumes:\n  photon_data:\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 40, containerPath: '/photon/photon_data' }],
      output: 'services:\n  app:\n    image: acme/search:1\n    # environment:\n    # - COUNTRY_CODE=zw\n    volumes:\n      # TODO: describe what this mount holds\n      - photon_data:/photon/photon_data\nvolumes:\n  photon_data:\n',
    },
    {
      name: 'commented-out mounts above an entry are disabled code, not its documentation (Matomo)',
      code: 'services:\n  app:\n    image: matomo:5\n    volumes:\n      # - ./config:/var/www/html/config:z\n      # - ./logs:/var/www/html/logs:z\n      - matomo:/var/www/html:z\nvolumes:\n  matomo:\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 31, containerPath: '/var/www/html' }],
      output: 'services:\n  app:\n    image: matomo:5\n    volumes:\n      # - ./config:/var/www/html/config:z\n      # - ./logs:/var/www/html/logs:z\n      # Matomo installation (config.ini.php, plugins) — must survive redeploys\n      - matomo:/var/www/html:z\nvolumes:\n  matomo:\n',
    },
    {
      name: 'a mount inside a data directory is not that data directory: Grafana dashboards under /var/lib/grafana get the TODO stub',
      code: 'services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    volumes:\n      # the database\n      - grafana:/var/lib/grafana\n      - ./dashboards:/var/lib/grafana/dashboards\nvolumes:\n  grafana:\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 49, containerPath: '/var/lib/grafana/dashboards' }],
      output: 'services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    volumes:\n      # the database\n      - grafana:/var/lib/grafana\n      # TODO: describe what this mount holds\n      - ./dashboards:/var/lib/grafana/dashboards\nvolumes:\n  grafana:\n',
    },
    {
      name: 'unknown mount gets a TODO stub; a comment separated by a blank line does not count; compact sequences',
      code: 'services:\n  app:\n    image: acme/app\n    volumes:\n    # old notes\n\n    - ./data:/data\n    - type: bind\n      source: /var/run/docker.sock\n      target: /var/run/docker.sock\n',
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 19, message: /^Mount \.\/data:\/data of service "app" is not documented: no comment on its line or directly above it\. / },
        { line: 8, column: 7, endLine: 10, endColumn: 35, message: /^Mount \/var\/run\/docker\.sock:\/var\/run\/docker\.sock of service "app" is not documented: no comment on its line or directly above it\. It hands the container a host socket: say what the container uses it for/ },
      ],
      output: 'services:\n  app:\n    image: acme/app\n    volumes:\n    # old notes\n\n    # TODO: describe what this mount holds\n    - ./data:/data\n    # Docker socket — gives this container control of the host\'s Docker engine\n    - type: bind\n      source: /var/run/docker.sock\n      target: /var/run/docker.sock\n',
    },
    {
      name: 'a vsafe directive is not documentation; CRLF kept',
      code: 'services:\r\n  cache:\r\n    image: redis:7\r\n    volumes:\r\n      # vsafe-ignore writable-config-mount\r\n      - ./redis.conf:/usr/local/etc/redis/redis.conf\r\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 53 }],
      output: 'services:\r\n  cache:\r\n    image: redis:7\r\n    volumes:\r\n      # vsafe-ignore writable-config-mount\r\n      # TODO: describe what this mount holds\r\n      - ./redis.conf:/usr/local/etc/redis/redis.conf\r\n',
    },
    {
      name: 'base + override + prod: the base named volume is documented at its declaration, the mount the prod file adds is reported',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: mongo:7\n    volumes:\n      - mongo:/data/db\nvolumes:\n  mongo: # the only copy of the data\n  mongo-config:\n',
        'compose.override.yaml': 'services:\n  db:\n    ports:\n      - "27017:27017"\n',
        'compose.prod.yaml': 'services:\n  db:\n    volumes:\n      - ./mongod.conf:/etc/mongod.conf:ro\n',
      },
      errors: [{ file: 'compose.prod.yaml', line: 4, column: 9, endLine: 4, endColumn: 42 }],
      output: { 'compose.prod.yaml': 'services:\n  db:\n    volumes:\n      # TODO: describe what this mount holds\n      - ./mongod.conf:/etc/mongod.conf:ro\n' },
    },
    {
      name: 'reported in the override that adds the mount',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      # database files\n      - db:/var/lib/mysql\nvolumes:\n  db:\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - ./dump:/docker-entrypoint-initdb.d:ro\n',
      },
      errors: [{ file: 'compose.override.yaml', line: 4, column: 9, endLine: 4, endColumn: 46 }],
      output: { 'compose.override.yaml': 'services:\n  db:\n    volumes:\n      # TODO: describe what this mount holds\n      - ./dump:/docker-entrypoint-initdb.d:ro\n' },
    },
    {
      name: 'a comment above the volumes key does not document a list of two',
      code: 'services:\n  web:\n    image: acme/web\n    # uploads and logs\n    volumes:\n      - ./uploads:/app/uploads\n      # rotated daily\n      - ./logs:/app/logs\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 31 }],
      output: 'services:\n  web:\n    image: acme/web\n    # uploads and logs\n    volumes:\n      # TODO: describe what this mount holds\n      - ./uploads:/app/uploads\n      # rotated daily\n      - ./logs:/app/logs\n',
    },
    {
      name: 'a source mount is described as such',
      code: 'services:\n  web:\n    build: .\n    volumes:\n      - .:/usr/src/app\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 23 }],
      output: 'services:\n  web:\n    build: .\n    volumes:\n      # source code from the host, for development (live reload) — not for production\n      - .:/usr/src/app\n',
    },
    {
      name: 'a flow sequence item is reported without a fix',
      code: 'services:\n  app:\n    image: acme/app\n    volumes: [./data:/data]\n',
      errors: [{ line: 4, column: 15, endLine: 4, endColumn: 27 }],
    },
    {
      name: 'a mount in an x- anchor merged into three services is reported once, at the anchor, naming them all',
      code: 'x-common: &common\n  image: acme/worker\n  volumes:\n    - ./dags:/opt/dags\nservices:\n  a:\n    <<: *common\n  b:\n    <<: *common\n  c:\n    <<: *common\n',
      errors: [{ line: 4, column: 7, endLine: 4, endColumn: 23, service: 'a', containerPath: '/opt/dags', message: /^Mount \.\/dags:\/opt\/dags of services "a", "b" and "c" is not documented/ }],
      output: 'x-common: &common\n  image: acme/worker\n  volumes:\n    # TODO: describe what this mount holds\n    - ./dags:/opt/dags\nservices:\n  a:\n    <<: *common\n  b:\n    <<: *common\n  c:\n    <<: *common\n',
    },
    {
      name: 'the comment below `cache:` belongs to the next declaration, not to cache',
      code: 'services:\n  web:\n    image: nginx\n    volumes:\n      - uploads:/srv/uploads\n      - cache:/srv/cache\nvolumes:\n  cache:\n  # Product images uploaded by staff.\n  uploads:\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 25, service: 'web', containerPath: '/srv/cache' }],
      output: 'services:\n  web:\n    image: nginx\n    volumes:\n      - uploads:/srv/uploads\n      # TODO: describe what this mount holds\n      - cache:/srv/cache\nvolumes:\n  cache:\n  # Product images uploaded by staff.\n  uploads:\n',
    },
    {
      name: 'a comment parted from a declaration by a blank line, or continuing the previous one, does not document it; nor does a # inside quotes',
      code: 'services:\n  db:\n    image: acme/db\n    volumes:\n      - data:/data\n      - cache:/cache\n      - "./a#b:/conf"\nvolumes:\n  # named volumes\n\n  data:\n  other:\n    # the other one\n  cache:\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 19, containerPath: '/data' },
        { line: 6, column: 9, endLine: 6, endColumn: 21, containerPath: '/cache' },
        { line: 7, column: 9, endLine: 7, endColumn: 22, containerPath: '/conf' },
      ],
      output: 'services:\n  db:\n    image: acme/db\n    volumes:\n      # TODO: describe what this mount holds\n      - data:/data\n      # TODO: describe what this mount holds\n      - cache:/cache\n      # TODO: describe what this mount holds\n      - "./a#b:/conf"\nvolumes:\n  # named volumes\n\n  data:\n  other:\n    # the other one\n  cache:\n',
    },
  ],
});
