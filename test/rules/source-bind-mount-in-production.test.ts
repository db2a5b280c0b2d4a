import { runRuleTests } from '../helpers/rule-tester';

const BASE_APP = 'services:\n  web:\n    build: .\n    volumes:\n      - .:/usr/src/app\n      - uploads:/usr/src/app/uploads\nvolumes:\n  uploads:\n';

runRuleTests('source-bind-mount-in-production', {
  valid: [
    { name: 'docker-compose.live-reload.yml is development (hot reload), not a live deployment', files: { 'docker-compose.yml': 'services:\n  web:\n    build: .\n', 'docker-compose.live-reload.yml': 'services:\n  web:\n    volumes:\n      - .:/app # live reload\n' } },
    {
      name: "the project folder mounted as the image's state path (`.:/data`, a game server's world next to its compose file) is data, not source",
      files: { 'compose.yaml': 'services:\n  mc:\n    image: itzg/minecraft-server\n    volumes:\n      - .:/data # world\n', 'compose.prod.yaml': 'services:\n  mc:\n    restart: always\n' },
    },
    { name: 'a plain compose.yaml is not production', code: 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n' },
    {
      name: 'a dev mount that only compose.override.yaml adds',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    image: acme/web\n',
        'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./src:/app/src\n',
        'compose.prod.yaml': 'services:\n  web:\n    restart: always\n',
      },
    },
    { name: 'data folders are not source', files: { 'compose.prod.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./pgdata:/var/lib/postgresql/data\n  web:\n    build: .\n    volumes:\n      - ./uploads:/app/uploads\n      - ./data:/data\n' } },
    { name: 'single config files are not source', files: { 'compose.prod.yaml': 'services:\n  proxy:\n    image: nginx\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n  web:\n    build: .\n    volumes:\n      - ./settings.toml:/app/settings.toml:ro\n' } },
    { name: 'the docker socket and host folders outside the project', files: { 'stack.yml': 'services:\n  agent:\n    image: portainer/agent\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - /srv/backups:/backups\n' } },
    {
      // The project is /work/project: absolute parents of it hold the checkout only by accident.
      name: 'absolute host folders above the project (the host root for monitoring agents, /work) are not its source',
      files: { 'compose.prod.yaml': 'services:\n  cadvisor:\n    image: gcr.io/cadvisor/cadvisor:v0.49.1\n    volumes:\n      - /:/rootfs:ro\n      - /work:/app/work:ro\n' },
    },
    { name: 'named volumes are not bind mounts', files: { 'compose.production.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - app:/app\nvolumes:\n  app:\n' } },
    { name: 'development file names are never production', files: { 'compose.dev.yaml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n', 'docker-compose.local.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - ./src:/app/src\n' } },
    {
      name: 'the production file resets the base mounts',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n',
        'compose.prod.yaml': 'services:\n  web:\n    volumes: !reset []\n',
      },
    },
    {
      name: 'certbot webroot, output folders of the build context, init scripts',
      files: {
        'docker-compose.prod.yml':
          'services:\n  nginx:\n    image: nginx:1.25-alpine\n    volumes:\n      - ./certbot/www:/var/www/certbot:ro\n      - ./nginx/conf.d:/etc/nginx/conf.d:ro\n  web:\n    build: .\n    volumes:\n      - ./reports:/srv/reports\n      - ./media:/app/media\n  db:\n    image: postgres:16\n    volumes:\n      - ./initdb:/docker-entrypoint-initdb.d:ro\n      - ./pg:/var/lib/postgresql/data\n',
      },
    },
    {
      name: 'a complete, standalone docker-compose.prod.yml (docker compose -f docker-compose.prod.yml up) does not deploy the base mounts',
      files: {
        'docker-compose.yml': 'services:\n  web:\n    build: ./app\n    command: python manage.py runserver 0.0.0.0:8000\n    volumes:\n      - ./app/:/usr/src/app/\n  db:\n    image: postgres:15\n    volumes:\n      - postgres_data:/var/lib/postgresql/data/\nvolumes:\n  postgres_data:\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    build:\n      context: ./app\n      dockerfile: Dockerfile.prod\n    command: gunicorn hello_django.wsgi:application --bind 0.0.0.0:8000\n    volumes:\n      - static_volume:/home/app/web/staticfiles\n  db:\n    image: postgres:15\n    volumes:\n      - postgres_data_prod:/var/lib/postgresql/data/\nvolumes:\n  postgres_data_prod:\n  static_volume:\n',
      },
    },
    {
      name: 'user files inside the build context (LibreChat\'s images, AnythingLLM\'s hotdir and outputs) and plugin jars of an image-only service are not source',
      files: {
        'compose.prod.yaml':
          'services:\n  api:\n    build: .\n    volumes:\n      - ./client/public/images:/app/client/public/images\n      - ./collector/hotdir:/app/collector/hotdir\n      - ./collector/outputs:/app/collector/outputs\n  neo4j:\n    image: neo4j:5\n    volumes:\n      - ./plugins:/plugins\n',
      },
    },
    { name: 'rule off in the config', files: { 'stack.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n' }, config: { rules: { 'source-bind-mount-in-production': 'off' } } },
    { name: 'a production glob that does not match', files: { 'deploy/app.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n' }, config: { production: ['servers/*.yml'], root: '/work/project' }, lint: ['deploy/app.yml'] },
  ],
  invalid: [
    {
      name: 'COMPOSE_FILE in .env loads the base with docker-compose.dev.yml, never an override file: the mount moves into the dev file',
      files: {
        'docker-compose.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - ./app:/usr/src/app # live reload\n',
        'docker-compose.dev.yml': 'services:\n  web:\n    ports:\n      - "8000:8000"\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    restart: always\n',
        '.env': 'COMPOSE_FILE=docker-compose.yml:docker-compose.dev.yml\n',
      },
      errors: [{ file: 'docker-compose.yml', line: 5, column: 9, endLine: 5, endColumn: 27, severity: 'warning', message: /Move the mount to docker-compose\.dev\.yml, which only development loads\.$/, fixes: ['preferred: Move the source bind mount ./app:/usr/src/app to docker-compose.dev.yml (development only)'] }],
      output: {
        'docker-compose.yml': 'services:\n  web:\n    build: .\n',
        'docker-compose.dev.yml': 'services:\n  web:\n    ports:\n      - "8000:8000"\n    volumes:\n      - ./app:/usr/src/app # live reload\n',
      },
    },
    {
      name: 'COMPOSE_FILE in .env lists no development file: no override is created (Compose would not load it), and removing the mount from the base, which development may load alone, is offered by hand only',
      files: {
        'docker-compose.yml': 'services:\n  web:\n    build: .\n    volumes:\n      - ./app:/usr/src/app # live reload\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    restart: always\n',
        '.env': 'COMPOSE_FILE=docker-compose.yml:docker-compose.prod.yml\n',
      },
      errors: [{ file: 'docker-compose.yml', line: 5, column: 9, endLine: 5, endColumn: 27, severity: 'warning', message: /Remove the mount from docker-compose\.yml; keep it for development in a file only development loads \(COMPOSE_FILE in \.env lists none yet\)\.$/, fixes: ['Remove the source bind mount ./app:/usr/src/app from docker-compose.yml'] }],
      output: {
        'docker-compose.yml': 'services:\n  web:\n    build: .\n',
      },
    },
    {
      name: 'the build context mounted over the application, with a Dockerfile VOLUME below it (Symfony var/): still source in production',
      files: {
        'compose.yaml': 'services:\n  app:\n    build: .\n    volumes:\n      # the checkout, for live editing\n      - .:/srv/app\n',
        'compose.prod.yaml': 'services:\n  app:\n    environment:\n      APP_ENV: prod\n',
        Dockerfile: 'FROM php:8.3-fpm-alpine\nWORKDIR /srv/app\nCOPY . .\nVOLUME /srv/app/var\n',
      },
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 19, severity: 'warning', containerPath: '/srv/app', message: /bind-mounts \. \(the build context\) at \/srv\/app/ }],
      output: {
        'compose.yaml': 'services:\n  app:\n    build: .\n',
        'compose.override.yaml': 'services:\n  app:\n    volumes:\n      # the checkout, for live editing\n      - .:/srv/app\n',
      },
    },
    {
      name: 'the moved mount keeps the comment written after it',
      files: { 'compose.yaml': 'services:\n  web:\n    build: .\n    volumes:\n      - ./src:/app/src   # live reload\n', 'compose.prod.yaml': 'services:\n  web:\n    restart: always\n' },
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 23, containerPath: '/app/src' }],
      output: {
        'compose.yaml': 'services:\n  web:\n    build: .\n',
        'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./src:/app/src # live reload\n',
        'compose.prod.yaml': 'services:\n  web:\n    restart: always\n',
      },
    },
    {
      name: 'a base-file source mount that survives into compose.prod.yaml moves to a new compose.override.yaml',
      files: { 'compose.yaml': BASE_APP, 'compose.prod.yaml': 'services:\n  web:\n    image: registry.example.com/web:1.4\n' },
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 23, severity: 'warning', service: 'web', containerPath: '/usr/src/app', message: /bind-mounts \. \(the build context\) at \/usr\/src\/app, and this mount is also deployed with compose\.prod\.yaml\. .* Move the mount to compose\.override\.yaml/ }],
      output: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    volumes:\n      - uploads:/usr/src/app/uploads\nvolumes:\n  uploads:\n',
        'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - .:/usr/src/app\n',
        'compose.prod.yaml': 'services:\n  web:\n    image: registry.example.com/web:1.4\n',
      },
    },
    {
      name: 'moved into an existing override next to the service there, comment travels along',
      files: {
        'docker-compose.yml': 'services:\n  api:\n    build: ./backend\n    volumes:\n      # live reload\n      - ./backend:/code\n      - media:/code/media\n  worker:\n    image: acme/worker\nvolumes:\n  media:\n',
        'docker-compose.override.yml': 'services:\n  api:\n    ports:\n      - "8000:8000"\n',
        'docker-compose.prod.yml': 'services:\n  api:\n    restart: always\n',
      },
      errors: [{ file: 'docker-compose.yml', line: 6, column: 9, endLine: 6, endColumn: 24, message: /\.\/backend \(the build context\)/ }],
      output: {
        'docker-compose.yml': 'services:\n  api:\n    build: ./backend\n    volumes:\n      - media:/code/media\n  worker:\n    image: acme/worker\nvolumes:\n  media:\n',
        'docker-compose.override.yml': 'services:\n  api:\n    ports:\n      - "8000:8000"\n    volumes:\n      # live reload\n      - ./backend:/code\n',
      },
    },
    {
      name: 'moved into an override whose service merges its volumes from an anchor: they are kept ahead of the moved mount',
      files: {
        'docker-compose.yml': 'services:\n  api:\n    build: ./backend\n    volumes:\n      # live reload\n      - ./backend:/code\n      - media:/code/media\nvolumes:\n  media:\n',
        'docker-compose.override.yml': 'x-dev: &dev\n  volumes:\n    - ./scripts:/scripts:ro\nservices:\n  api:\n    <<: *dev\n    ports:\n      - "8000:8000"\n',
        'docker-compose.prod.yml': 'services:\n  api:\n    restart: always\n',
      },
      errors: [{ file: 'docker-compose.yml', line: 6, column: 9, endLine: 6, endColumn: 24 }],
      output: {
        'docker-compose.yml': 'services:\n  api:\n    build: ./backend\n    volumes:\n      - media:/code/media\nvolumes:\n  media:\n',
        'docker-compose.override.yml':
          'x-dev: &dev\n  volumes:\n    - ./scripts:/scripts:ro\nservices:\n  api:\n    <<: *dev\n    ports:\n      - "8000:8000"\n    volumes:\n      - ./scripts:/scripts:ro\n      # live reload\n      - ./backend:/code\n',
      },
    },
    {
      name: 'a mount in an anchor two services merge moves out of the anchor, and the override gives it to both',
      files: {
        'compose.yaml': 'x-app: &app\n  image: node:22\n  volumes:\n    # live reload\n    - ./src:/app/src\n    - logs:/app/logs\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n    command: node worker.js\n  admin:\n    <<: *app\n    volumes:\n      - admin:/data\nvolumes:\n  logs:\n  admin:\n',
        'compose.override.yaml': 'services:\n  worker:\n    environment:\n      DEBUG: "1"\n',
        'compose.prod.yaml': 'services:\n  web:\n    restart: always\n',
      },
      errors: [
        // Written once in the anchor: one finding naming both services.
        { line: 5, column: 7, endLine: 5, endColumn: 21, service: 'web', message: /^Services "web" and "worker" bind-mount / },
      ],
      output: {
        'compose.yaml': 'x-app: &app\n  image: node:22\n  volumes:\n    - logs:/app/logs\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n    command: node worker.js\n  admin:\n    <<: *app\n    volumes:\n      - admin:/data\nvolumes:\n  logs:\n  admin:\n',
        'compose.override.yaml':
          'services:\n  worker:\n    environment:\n      DEBUG: "1"\n    volumes:\n      # live reload\n      - ./src:/app/src\n  web:\n    volumes:\n      # live reload\n      - ./src:/app/src\n',
      },
    },
    {
      name: 'a shared anchor mount in the production file itself is removed from the anchor',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: node:22\n  worker:\n    image: node:22\n',
        'compose.prod.yaml': 'x-app: &app\n  restart: always\n  volumes:\n    - ./src:/app/src\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n',
      },
      errors: [
        { file: 'compose.prod.yaml', line: 4, column: 7, endLine: 4, endColumn: 21, service: 'web', message: /^Services "web" and "worker" bind-mount / },
      ],
      output: {
        'compose.prod.yaml': 'x-app: &app\n  restart: always\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n',
      },
    },
    {
      name: 'the only mount of a base service: the key goes, the override gets a new service entry',
      files: {
        'compose.yaml': 'services:\n  web:\n    image: node:22\n    command: npm start\n    volumes:\n      - "./:/app"\n    ports:\n      - "3000:3000"\n',
        'compose.override.yaml': 'services:\n  db:\n    ports:\n      - "5432:5432"\n',
        'compose.production.yaml': 'services:\n  web:\n    restart: always\n',
      },
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 18, message: /\.\/ \(the project folder\)/ }],
      output: {
        'compose.yaml': 'services:\n  web:\n    image: node:22\n    command: npm start\n    ports:\n      - "3000:3000"\n',
        'compose.override.yaml': 'services:\n  db:\n    ports:\n      - "5432:5432"\n  web:\n    volumes:\n      - "./:/app"\n',
      },
    },
    {
      name: 'a mount in the production file itself is removed, related location names nothing else',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n',
        'compose.prod.yaml': 'services:\n  web:\n    volumes:\n      - ./src:/app/src:ro # hot fixes\n      - logs:/app/logs\nvolumes:\n  logs:\n',
      },
      errors: [{ file: 'compose.prod.yaml', line: 4, column: 9, endLine: 4, endColumn: 26, message: /\.\/src \(a source folder of the build context\) at \/app\/src in production.*Remove the mount from compose\.prod\.yaml/ }],
      output: {
        'compose.prod.yaml': 'services:\n  web:\n    volumes:\n      - logs:/app/logs\nvolumes:\n  logs:\n',
      },
    },
    {
      name: 'a stack file: long syntax mount removed with its key',
      files: { 'stack.yml': 'services:\n  app:\n    image: python:3.12\n    volumes:\n      - type: bind\n        source: ./app\n        target: /srv/app\n    deploy:\n      replicas: 2\n' },
      errors: [{ file: 'stack.yml', line: 5, column: 9, endLine: 7, endColumn: 25, message: /\.\/app \(a source folder\)/ }],
      output: { 'stack.yml': 'services:\n  app:\n    image: python:3.12\n    deploy:\n      replicas: 2\n' },
    },
    {
      name: '# vsafe: production header makes a base production; the long-syntax mount moves to a new override',
      files: { 'compose.yaml': '# vsafe: production\n\nservices:\n  web:\n    build: .\n    volumes:\n      - type: bind\n        source: .\n        target: /app\n' },
      errors: [{ line: 7, column: 9, endLine: 9, endColumn: 21 }],
      output: {
        'compose.yaml': '# vsafe: production\n\nservices:\n  web:\n    build: .\n',
        'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - type: bind\n        source: .\n        target: /app\n',
      },
    },
    {
      name: 'a config production glob, matched relative to the config root',
      files: { 'deploy/app.yml': 'services:\n  web:\n    build: ..\n    volumes: [../lib:/app/lib, data:/data]\nvolumes:\n  data:\n' },
      config: { production: ['deploy/*.yml'], root: '/work/project' },
      lint: ['deploy/app.yml'],
      errors: [{ file: 'deploy/app.yml', line: 4, column: 15, endLine: 4, endColumn: 30, message: /\.\.\/lib \(a source folder of the build context\)/ }],
      output: { 'deploy/app.yml': 'services:\n  web:\n    build: ..\n    volumes: [data:/data]\nvolumes:\n  data:\n' },
    },
    {
      name: 'a folder of the build context overlaying the same path in the image',
      files: { 'compose.live.yaml': 'services:\n  api:\n    build: ./backend\n    volumes:\n      - ./backend/config:/code/config:ro\n      - ./backend/myproject:/code/myproject\n' },
      errors: [{ file: 'compose.live.yaml', line: 6, column: 9, endLine: 6, endColumn: 44, message: /\.\/backend\/myproject \(a folder of the build context\) at \/code\/myproject/ }],
      output: { 'compose.live.yaml': 'services:\n  api:\n    build: ./backend\n    volumes:\n      - ./backend/config:/code/config:ro\n' },
    },
    {
      name: 'the override already mounts the path: only removed from the base',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    volumes:\n      - ./app:/app\n      - static:/static\nvolumes:\n  static:\n',
        'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./app:/app\n',
        'compose.release.yaml': 'services:\n  web:\n    restart: always\n',
      },
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 19 }],
      output: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    volumes:\n      - static:/static\nvolumes:\n  static:\n',
        'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./app:/app\n',
      },
    },
  ],
});
