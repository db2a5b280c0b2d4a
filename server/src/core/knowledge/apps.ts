import type { ImageEntry, StatePathSpec } from './types';

/**
 * The WildFly-based Keycloak image (`jboss/keycloak`, `quay.io/keycloak/keycloak` before 17 and
 * its `*-legacy` tags): the entrypoint uses the embedded H2 database, kept in WildFly's
 * `jboss.server.data.dir`, unless `DB_VENDOR` names another database, `DB_ADDR` points to an H2
 * server, or a deprecated `<VENDOR>_ADDR` variable picks the vendor. The `DB_*` settings only
 * serve an external database: set, they show the user relies on one (found by host name).
 */
const KEYCLOAK_LEGACY_H2: StatePathSpec = {
  path: '/opt/jboss/keycloak/standalone/data',
  kind: 'database',
  description: 'Keycloak embedded H2 database directory',
  declaredVolume: false,
  when: {
    notEnv: ['DB_VENDOR', 'DB_ADDR', 'DB_DATABASE', 'DB_USER', 'DB_USER_FILE', 'DB_PASSWORD', 'DB_PASSWORD_FILE', 'POSTGRES_ADDR', 'MYSQL_ADDR', 'MARIADB_ADDR', 'ORACLE_ADDR', 'MSSQL_ADDR', 'H2_ADDR'],
    description: 'only with the embedded H2 database (no `DB_VENDOR`, `DB_ADDR` or other `DB_*` / `<VENDOR>_ADDR` variable)',
  },
};

const KEYCLOAK_LEGACY_NOTES =
  'The WildFly-based image keeps its embedded H2 database in /opt/jboss/keycloak/standalone/data unless `DB_VENDOR`, `DB_ADDR` or another `DB_*` / `<VENDOR>_ADDR` variable selects a database. ' +
  'Without any of them it also picks a database reachable under the host name postgres, mysql, mariadb, oracle or mssql, which vsafe does not see: set `DB_VENDOR` to say so. ' +
  '`DB_VENDOR=h2` without `DB_ADDR` is the embedded database as well, and is not reported.';

/** Jitsi's Prosody keeps user accounts only with internal authentication; `ENABLE_AUTH` unset cannot be told apart from it. */
const PROSODY_INTERNAL_AUTH: StatePathSpec['when'] = {
  envValue: { ENABLE_AUTH: '^(?:1|true|TRUE|True)$' },
  notEnvValue: { AUTH_TYPE: '^(?:jwt|ldap|matrix|hybrid_matrix_token)$' },
  description: 'only with `ENABLE_AUTH=1`, not with `AUTH_TYPE` jwt, ldap or matrix',
};

/** Artifacts `mlflow server` serves (the default), kept in ./mlartifacts under the image's working directory /. */
const MLFLOW_ARTIFACTS: StatePathSpec = {
  path: '/mlartifacts',
  kind: 'uploads',
  description: 'MLflow served artifacts (models, plots, files logged by runs)',
  declaredVolume: false,
  flags: ['--artifacts-destination'],
  when: { anyArgs: ['server', 'ui'], notArgs: ['^--no-serve-artifacts$'], description: 'only for `mlflow server` serving artifacts' },
};

/** Boards Home Assistant publishes its image for, as `homeassistant/<machine>-homeassistant`. */
const HOME_ASSISTANT_MACHINES = ['raspberrypi3', 'raspberrypi4', 'raspberrypi4-64', 'raspberrypi5-64', 'qemux86-64', 'qemuarm-64', 'aarch64', 'armv7', 'amd64'];

/** CMSs, developer tools, CI servers, monitoring and self-hosted applications. */
export const APPS: readonly ImageEntry[] = [
  {
    id: 'wordpress',
    name: 'WordPress',
    images: ['wordpress'],
    source: 'https://hub.docker.com/_/wordpress',
    notes: 'A mount at /var/www/html/wp-content alone also counts (core files are copied back on start).',
    variants: [
      {
        paths: [
          {
            path: '/var/www/html',
            kind: 'uploads',
            description: 'WordPress installation (wp-content: uploads, plugins, themes)',
            declaredVolume: true,
            alternatives: ['/var/www/html/wp-content'],
          },
        ],
      },
    ],
  },
  {
    id: 'nextcloud',
    name: 'Nextcloud',
    images: ['nextcloud'],
    source: 'https://hub.docker.com/_/nextcloud',
    notes: 'A split installation is accepted instead of one volume at /var/www/html: with /var/www/html/config on its own mount, /var/www/html/data needs one too.',
    variants: [
      {
        paths: [
          {
            path: '/var/www/html',
            kind: 'uploads',
            description: 'Nextcloud installation (config, apps and user files)',
            declaredVolume: true,
            alternatives: ['/var/www/html/config'],
          },
          {
            path: '/var/www/html/data',
            kind: 'uploads',
            description: 'Nextcloud user files',
            declaredVolume: true,
            volume: '/var/www/html',
            env: ['NEXTCLOUD_DATA_DIR'],
            when: { mounted: ['/var/www/html/config'], description: 'when /var/www/html/config is mounted on its own' },
          },
        ],
      },
    ],
  },
  {
    id: 'ghost',
    name: 'Ghost',
    images: ['ghost'],
    source: 'https://hub.docker.com/_/ghost',
    variants: [{ paths: [{ path: '/var/lib/ghost/content', kind: 'uploads', description: 'Ghost content directory (images, themes, SQLite database)', declaredVolume: true }] }],
  },
  {
    id: 'drupal',
    name: 'Drupal',
    images: ['drupal'],
    source: 'https://hub.docker.com/_/drupal',
    notes:
      'The image declares no VOLUME. Since 8.9 it is a Composer project in /opt/drupal with /var/www/html a symlink to /opt/drupal/web, so a mount at /opt/drupal/web/sites keeps the sites directory too. ' +
      'The Hub page also lists modules/, profiles/ and themes/ as volume candidates; they hold code (Composer installs contributed modules into web/modules/contrib while vendor/ stays in the image), so they are not reported.',
    variants: [{ paths: [{ path: '/var/www/html/sites', kind: 'uploads', description: 'Drupal sites directory (settings.php and uploaded files)', declaredVolume: false, alternatives: ['/opt/drupal/web/sites'] }] }],
  },
  {
    id: 'joomla',
    name: 'Joomla',
    images: ['joomla'],
    source: 'https://hub.docker.com/_/joomla',
    variants: [{ paths: [{ path: '/var/www/html', kind: 'uploads', description: 'Joomla installation (configuration, images, extensions)', declaredVolume: true }] }],
  },
  {
    id: 'matomo',
    name: 'Matomo',
    images: ['matomo'],
    source: 'https://hub.docker.com/_/matomo',
    variants: [{ paths: [{ path: '/var/www/html', kind: 'config-state', description: 'Matomo installation (config.ini.php, plugins)', declaredVolume: true }] }],
  },
  {
    id: 'redmine',
    name: 'Redmine',
    images: ['redmine'],
    source: 'https://hub.docker.com/_/redmine',
    variants: [{ paths: [{ path: '/usr/src/redmine/files', kind: 'uploads', description: 'Redmine attachments', declaredVolume: true }] }],
  },
  {
    id: 'odoo',
    name: 'Odoo',
    images: ['odoo'],
    source: 'https://hub.docker.com/_/odoo',
    variants: [{ paths: [{ path: '/var/lib/odoo', kind: 'uploads', description: 'Odoo filestore (attachments) and sessions', declaredVolume: true }] }],
  },
  {
    id: 'mediawiki',
    name: 'MediaWiki',
    images: ['mediawiki'],
    source: 'https://hub.docker.com/_/mediawiki',
    variants: [{ paths: [{ path: '/var/www/html/images', kind: 'uploads', description: 'MediaWiki uploaded files', declaredVolume: false }] }],
  },
  {
    id: 'owncloud',
    name: 'ownCloud Server',
    images: ['owncloud/server'],
    source: 'https://doc.owncloud.com/server/next/admin_manual/installation/docker/',
    variants: [{ paths: [{ path: '/mnt/data', kind: 'uploads', description: 'ownCloud data directory (files, config, apps)', declaredVolume: true }] }],
  },
  {
    id: 'mattermost',
    name: 'Mattermost',
    images: ['mattermost/mattermost-team-edition', 'mattermost/mattermost-enterprise-edition'],
    source: 'https://docs.mattermost.com/install/install-docker.html',
    variants: [
      {
        paths: [
          { path: '/mattermost/data', kind: 'uploads', description: 'Mattermost file storage (attachments)', declaredVolume: true },
          { path: '/mattermost/config', kind: 'config-state', description: 'Mattermost configuration (config.json, edited from the System Console)', declaredVolume: true, when: { notEnv: ['MM_CONFIG'] } },
        ],
      },
    ],
  },
  {
    id: 'gitea',
    name: 'Gitea',
    images: ['gitea/gitea'],
    source: 'https://docs.gitea.com/installation/install-with-docker',
    notes: 'Rootless images (`*-rootless` tags) keep data in /var/lib/gitea and configuration in /etc/gitea.',
    variants: [
      {
        tags: 'rootless',
        paths: [
          { path: '/var/lib/gitea', kind: 'database', description: 'Gitea data directory (repositories, database, attachments)', declaredVolume: true, applicationData: true },
          { path: '/etc/gitea', kind: 'config-state', description: 'Gitea configuration (app.ini)', declaredVolume: true },
        ],
      },
      { paths: [{ path: '/data', kind: 'database', description: 'Gitea data directory (repositories, app.ini, database, attachments)', declaredVolume: true, applicationData: true }] },
    ],
  },
  {
    id: 'forgejo',
    name: 'Forgejo',
    images: ['forgejo/forgejo'],
    source: 'https://forgejo.org/docs/latest/admin/installation/docker/',
    notes: 'Rootless images (`*-rootless` tags) keep data in /var/lib/gitea and configuration in /etc/gitea.',
    variants: [
      {
        tags: 'rootless',
        paths: [
          { path: '/var/lib/gitea', kind: 'database', description: 'Forgejo data directory (repositories, database, attachments)', declaredVolume: true, applicationData: true },
          { path: '/etc/gitea', kind: 'config-state', description: 'Forgejo configuration (app.ini)', declaredVolume: true },
        ],
      },
      { paths: [{ path: '/data', kind: 'database', description: 'Forgejo data directory (repositories, app.ini, database, attachments)', declaredVolume: true, applicationData: true }] },
    ],
  },
  {
    id: 'gogs',
    name: 'Gogs',
    images: ['gogs/gogs'],
    source: 'https://github.com/gogs/gogs/tree/main/docker',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Gogs data directory (repositories, app.ini, database)', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'gitlab',
    name: 'GitLab',
    images: ['gitlab/gitlab-ce', 'gitlab/gitlab-ee'],
    source: 'https://docs.gitlab.com/install/docker/installation/',
    variants: [
      {
        paths: [
          { path: '/etc/gitlab', kind: 'config-state', description: 'GitLab configuration and secrets (gitlab.rb, gitlab-secrets.json)', declaredVolume: true },
          { path: '/var/log/gitlab', kind: 'logs', description: 'GitLab logs', declaredVolume: true },
          { path: '/var/opt/gitlab', kind: 'database', description: 'GitLab application data (repositories, PostgreSQL, uploads)', declaredVolume: true, applicationData: true },
        ],
      },
    ],
  },
  {
    id: 'gitlab-runner',
    name: 'GitLab Runner',
    images: ['gitlab/gitlab-runner'],
    source: 'https://docs.gitlab.com/runner/install/docker/',
    variants: [{ paths: [{ path: '/etc/gitlab-runner', kind: 'config-state', description: 'GitLab Runner configuration (config.toml with runner tokens)', declaredVolume: true }] }],
  },
  {
    id: 'gitea-act-runner',
    name: 'Gitea Actions runner (act_runner)',
    images: ['gitea/act_runner'],
    source: 'https://docs.gitea.com/usage/actions/act-runner',
    notes:
      'Every variant of the image (basic, `*-dind`, `*-dind-rootless`) declares VOLUME /data and works in it: on first start the entrypoint registers the runner with `GITEA_INSTANCE_URL` and `GITEA_RUNNER_REGISTRATION_TOKEN` and keeps the registration in /data/.runner. ' +
      'Without it the runner registers again, as a new runner, whenever the container starts on an empty /data.',
    variants: [{ paths: [{ path: '/data', kind: 'config-state', description: 'act_runner data (.runner registration with the runner token)', declaredVolume: true }] }],
  },
  {
    id: 'forgejo-runner',
    name: 'Forgejo Runner',
    images: ['forgejo/runner'],
    source: 'https://code.forgejo.org/forgejo/runner/src/branch/main/Dockerfile',
    notes: 'The image (`code.forgejo.org/forgejo/runner`, `data.forgejo.org/forgejo/runner`) declares VOLUME /data, its working directory and HOME: `forgejo-runner register` writes the registration (.runner) there, next to config.yml when the user generates one.',
    variants: [{ paths: [{ path: '/data', kind: 'config-state', description: 'Forgejo Runner data (.runner registration, config.yml)', declaredVolume: true }] }],
  },
  {
    id: 'jenkins',
    name: 'Jenkins',
    images: ['jenkins/jenkins', 'jenkins', 'jenkinsci/blueocean'],
    source: 'https://github.com/jenkinsci/docker/blob/master/README.md',
    variants: [{ paths: [{ path: '/var/jenkins_home', kind: 'database', description: 'Jenkins home (jobs, build history, plugins, credentials)', declaredVolume: true, applicationData: true, env: ['JENKINS_HOME'] }] }],
  },
  {
    id: 'woodpecker',
    name: 'Woodpecker CI server',
    images: ['woodpeckerci/woodpecker-server'],
    source: 'https://woodpecker-ci.org/docs/administration/configuration/server',
    notes: 'The default SQLite database lives in /var/lib/woodpecker; a WOODPECKER_DATABASE_DATASOURCE that is not a file path (MySQL, PostgreSQL) keeps nothing there.',
    variants: [
      {
        paths: [
          {
            path: '/var/lib/woodpecker',
            kind: 'database',
            description: 'Woodpecker server data directory (SQLite database)',
            declaredVolume: false,
            env: ['WOODPECKER_DATABASE_DATASOURCE'],
            fileValue: true,
            when: { notEnv: ['WOODPECKER_DATABASE_DATASOURCE_FILE'] },
          },
        ],
      },
    ],
  },
  {
    id: 'drone',
    name: 'Drone CI server',
    images: ['drone/drone'],
    source: 'https://github.com/harness/harness/blob/drone/docker/Dockerfile.server.linux.amd64',
    notes:
      'From 1.0 the image declares VOLUME /data and sets DRONE_DATABASE_DRIVER=sqlite3, DRONE_DATABASE_DATASOURCE=/data/database.sqlite and XDG_CACHE_HOME=/data. ' +
      'A DRONE_DATABASE_DATASOURCE file path moves the SQLite database; with DRONE_DATABASE_DRIVER postgres or mysql (docs.drone.io/server/storage/database) nothing in /data is reported. ' +
      'A volume at /var/lib/drone, where 0.8 kept its data, holds nothing on 1.x and later. Tags up to 0.8 keep drone.sqlite in /var/lib/drone (DATABASE_CONFIG, also read as DRONE_DATABASE_DATASOURCE) and declare no VOLUME. ' +
      '0.9 tags, the previews of 1.0 whose database 0.8 cannot migrate to, are read as 1.x.',
    variants: [
      {
        versions: { min: '0.9' },
        paths: [
          {
            path: '/data',
            kind: 'database',
            description: 'Drone server data directory (SQLite database)',
            declaredVolume: true,
            env: ['DRONE_DATABASE_DATASOURCE'],
            fileValue: true,
            misplacedTargets: ['/var/lib/drone'],
            when: { notEnvValue: { DRONE_DATABASE_DRIVER: '^(postgres|mysql)$' } },
          },
        ],
      },
      {
        versions: { max: '0.8' },
        paths: [
          {
            path: '/var/lib/drone',
            kind: 'database',
            description: 'Drone 0.8 server data directory (SQLite database drone.sqlite)',
            declaredVolume: false,
            env: ['DRONE_DATABASE_DATASOURCE', 'DATABASE_CONFIG'],
            fileValue: true,
            when: { notEnvValue: { DRONE_DATABASE_DRIVER: '^(postgres|mysql)$', DATABASE_DRIVER: '^(postgres|mysql)$' } },
          },
        ],
      },
    ],
  },
  {
    id: 'teamcity',
    name: 'TeamCity Server',
    images: ['jetbrains/teamcity-server'],
    source: 'https://hub.docker.com/r/jetbrains/teamcity-server',
    variants: [{ paths: [{ path: '/data/teamcity_server/datadir', kind: 'database', description: 'TeamCity data directory', declaredVolume: true }] }],
  },
  {
    id: 'sonarqube',
    name: 'SonarQube',
    images: ['sonarqube', 'sonarsource/sonarqube'],
    source: 'https://docs.sonarsource.com/sonarqube-server/latest/setup-and-upgrade/install-the-server/installing-sonarqube-from-docker/',
    variants: [
      {
        paths: [
          { path: '/opt/sonarqube/data', kind: 'database', description: 'SonarQube data directory (embedded database, search indexes)', declaredVolume: true, env: ['SONAR_PATH_DATA'] },
          { path: '/opt/sonarqube/extensions', kind: 'config-state', description: 'SonarQube plugins', declaredVolume: true },
          { path: '/opt/sonarqube/logs', kind: 'logs', description: 'SonarQube logs', declaredVolume: true, env: ['SONAR_PATH_LOGS'] },
        ],
      },
    ],
  },
  {
    id: 'nexus',
    name: 'Sonatype Nexus Repository',
    images: ['sonatype/nexus3'],
    source: 'https://hub.docker.com/r/sonatype/nexus3',
    variants: [{ paths: [{ path: '/nexus-data', kind: 'database', description: 'Nexus data directory (blob stores, database, configuration)', declaredVolume: true }] }],
  },
  {
    id: 'artifactory',
    name: 'JFrog Artifactory',
    images: ['jfrog/artifactory-oss', 'jfrog/artifactory-pro', 'jfrog/artifactory-jcr'],
    source: 'https://jfrog.com/help/r/jfrog-installation-setup-documentation/install-artifactory-single-node-with-docker',
    variants: [{ paths: [{ path: '/var/opt/jfrog/artifactory', kind: 'database', description: 'Artifactory home (filestore, database, configuration)', declaredVolume: true }] }],
  },
  {
    id: 'verdaccio',
    name: 'Verdaccio',
    images: ['verdaccio/verdaccio'],
    source: 'https://verdaccio.org/docs/docker',
    variants: [{ paths: [{ path: '/verdaccio/storage', kind: 'uploads', description: 'Verdaccio package storage', declaredVolume: true }] }],
  },
  {
    id: 'grafana',
    name: 'Grafana',
    images: ['grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise'],
    source: 'https://grafana.com/docs/grafana/latest/setup-grafana/installation/docker/',
    variants: [{ paths: [{ path: '/var/lib/grafana', kind: 'database', description: 'Grafana data directory (grafana.db: dashboards, users, alerts)', declaredVolume: false, env: ['GF_PATHS_DATA'] }] }],
  },
  {
    id: 'keycloak',
    name: 'Keycloak',
    images: ['keycloak/keycloak'],
    source: 'https://www.keycloak.org/server/containers',
    notes:
      'Only the built-in dev-file (H2) database lives in the container; with KC_DB / `--db` set an external database holds the data. ' +
      'Tags before 17 and `*-legacy` tags are the WildFly-based image (as `jboss/keycloak`): its embedded H2 database is in /opt/jboss/keycloak/standalone/data.',
    variants: [
      { tags: 'legacy', paths: [KEYCLOAK_LEGACY_H2] },
      {
        versions: { min: '17' },
        paths: [
          {
            path: '/opt/keycloak/data',
            kind: 'database',
            description: 'Keycloak dev-file (H2) database directory',
            declaredVolume: false,
            when: { notEnv: ['KC_DB', 'KC_DB_URL'], notArgs: ['^--db(=|$)', '^--db-url'], description: 'only with the built-in dev-file database (no `KC_DB`, `--db`)' },
          },
        ],
      },
      { versions: { max: '16' }, paths: [KEYCLOAK_LEGACY_H2] },
    ],
  },
  {
    id: 'keycloak-legacy',
    name: 'Keycloak (legacy WildFly image)',
    images: ['jboss/keycloak'],
    source: 'https://github.com/keycloak/keycloak-containers/blob/16.1.0/server/README.md#database',
    notes: KEYCLOAK_LEGACY_NOTES,
    variants: [{ paths: [KEYCLOAK_LEGACY_H2] }],
  },
  {
    id: 'graylog',
    name: 'Graylog',
    images: ['graylog/graylog', 'graylog/graylog-enterprise'],
    source: 'https://github.com/Graylog2/graylog-docker',
    notes: 'Messages are kept in OpenSearch and configuration in MongoDB; the image declares VOLUME /usr/share/graylog/data for the node ID, message journal and configuration. Mounts at its data or journal subfolders (as Graylog\'s compose files do) are accepted instead.',
    variants: [
      {
        paths: [
          {
            path: '/usr/share/graylog/data',
            kind: 'config-state',
            description: 'Graylog data directory (node ID, message journal, configuration)',
            declaredVolume: true,
            alternatives: ['/usr/share/graylog/data/data', '/usr/share/graylog/data/journal'],
          },
        ],
      },
    ],
  },
  {
    id: 'pgadmin',
    name: 'pgAdmin 4',
    images: ['dpage/pgadmin4'],
    source: 'https://www.pgadmin.org/docs/pgadmin4/latest/container_deployment.html',
    variants: [{ paths: [{ path: '/var/lib/pgadmin', kind: 'config-state', description: 'pgAdmin configuration database and user files', declaredVolume: true }] }],
  },
  {
    id: 'portainer',
    name: 'Portainer',
    images: ['portainer/portainer-ce', 'portainer/portainer-ee', 'portainer/portainer'],
    source: 'https://docs.portainer.io/start/install-ce/server/docker/linux',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Portainer database', declaredVolume: true }] }],
  },
  {
    id: 'n8n',
    name: 'n8n',
    images: ['n8nio/n8n'],
    source: 'https://docs.n8n.io/hosting/installation/docker/',
    variants: [{ paths: [{ path: '/home/node/.n8n', kind: 'database', description: 'n8n user folder (SQLite database, encryption key)', declaredVolume: false, applicationData: true }] }],
  },
  {
    id: 'uptime-kuma',
    name: 'Uptime Kuma',
    images: ['louislam/uptime-kuma'],
    source: 'https://github.com/louislam/uptime-kuma/wiki/%F0%9F%94%A7-How-to-Install',
    variants: [{ paths: [{ path: '/app/data', kind: 'database', description: 'Uptime Kuma data directory (SQLite database, uploads)', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'vaultwarden',
    name: 'Vaultwarden',
    images: ['vaultwarden/server'],
    source: 'https://github.com/dani-garcia/vaultwarden/wiki/Using-Docker-Compose',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Vaultwarden data directory (vault database, attachments, keys)', declaredVolume: true, applicationData: true, env: ['DATA_FOLDER'] }] }],
  },
  {
    id: 'home-assistant',
    name: 'Home Assistant',
    images: ['homeassistant/home-assistant', 'home-assistant/home-assistant', ...HOME_ASSISTANT_MACHINES.map((machine) => `homeassistant/${machine}-homeassistant`)],
    source: 'https://www.home-assistant.io/installation/linux#docker-compose',
    variants: [{ paths: [{ path: '/config', kind: 'config-state', description: 'Home Assistant configuration and database', declaredVolume: false }] }],
    notes: 'The per-machine images (`homeassistant/raspberrypi4-homeassistant`, `homeassistant/qemux86-64-homeassistant`, …) are the same image built for one board.',
  },
  {
    id: 'esphome',
    name: 'ESPHome',
    images: ['esphome/esphome'],
    source: 'https://esphome.io/guides/getting_started_command_line/',
    variants: [{ paths: [{ path: '/config', kind: 'config-state', description: 'ESPHome device configurations', declaredVolume: false }] }],
  },
  {
    id: 'zigbee2mqtt',
    name: 'Zigbee2MQTT',
    images: ['koenkk/zigbee2mqtt'],
    source: 'https://www.zigbee2mqtt.io/guide/installation/02_docker.html',
    variants: [{ paths: [{ path: '/app/data', kind: 'config-state', description: 'Zigbee2MQTT data (configuration, paired devices)', declaredVolume: false }] }],
  },
  {
    id: 'matter-server',
    name: 'Matter Server (python-matter-server)',
    images: ['home-assistant-libs/python-matter-server'],
    source: 'https://github.com/home-assistant-libs/python-matter-server/blob/main/Dockerfile',
    notes:
      'The image declares VOLUME /data and its CMD passes `--storage-path /data`: the fabric credentials and every commissioned device live there, and losing them means commissioning each device again. ' +
      'A `command:` that replaces the CMD without `--storage-path` keeps the data in /root/.matter_server (the server default), which vsafe does not follow.',
    variants: [{ paths: [{ path: '/data', kind: 'config-state', description: 'Matter Server storage (fabric credentials, commissioned devices)', declaredVolume: true, flags: ['--storage-path'] }] }],
  },
  {
    id: 'frigate',
    name: 'Frigate NVR',
    images: ['blakeblackshear/frigate'],
    source: 'https://docs.frigate.video/frigate/installation',
    notes:
      'The image declares no VOLUME (docker/main/Dockerfile). /config holds config.yml, the SQLite database frigate.db (the default `database.path`, a config.yml setting vsafe does not read) and the model cache; ' +
      '/media/frigate holds recordings, snapshots (clips) and exports. /tmp/cache (recording segments before they are moved, a tmpfs in the documented setup) and /dev/shm are scratch and not listed.',
    variants: [
      {
        paths: [
          { path: '/config', kind: 'database', description: 'Frigate configuration and SQLite database (config.yml, frigate.db, model cache)', declaredVolume: false, applicationData: true },
          { path: '/media/frigate', kind: 'uploads', description: 'Frigate recordings, snapshots and exports', declaredVolume: false },
        ],
      },
    ],
  },
  {
    id: 'node-red',
    name: 'Node-RED',
    images: ['nodered/node-red'],
    source: 'https://nodered.org/docs/getting-started/docker',
    variants: [{ paths: [{ path: '/data', kind: 'config-state', description: 'Node-RED user directory (flows, credentials, nodes)', declaredVolume: true }] }],
  },
  {
    id: 'audiobookshelf',
    name: 'Audiobookshelf',
    images: ['advplyr/audiobookshelf'],
    source: 'https://audiobookshelf.org/docs/documentation/install/configuration',
    variants: [
      {
        paths: [
          { path: '/config', kind: 'database', description: 'Audiobookshelf database (users, libraries, progress, settings)', declaredVolume: false, applicationData: true, env: ['CONFIG_PATH'] },
          { path: '/metadata', kind: 'uploads', description: 'Audiobookshelf metadata (covers, downloads, backups)', declaredVolume: false, env: ['METADATA_PATH'] },
        ],
      },
    ],
  },
  {
    id: 'navidrome',
    name: 'Navidrome',
    images: ['deluan/navidrome', 'navidrome/navidrome'],
    source: 'https://www.navidrome.org/docs/installation/docker/',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Navidrome data directory (database, cache)', declaredVolume: true, applicationData: true, env: ['ND_DATAFOLDER'], flags: ['--datafolder'] }] }],
  },
  {
    id: 'actual',
    name: 'Actual Budget',
    images: ['actualbudget/actual-server'],
    source: 'https://actualbudget.org/docs/config/',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Actual Budget server and budget files', declaredVolume: false, applicationData: true, env: ['ACTUAL_DATA_DIR'] }] }],
  },
  {
    id: 'metabase',
    name: 'Metabase',
    images: ['metabase/metabase', 'metabase/metabase-enterprise'],
    source: 'https://www.metabase.com/docs/latest/installation-and-operation/running-metabase-on-docker',
    notes: 'The embedded H2 application database (questions, dashboards, users) is used unless `MB_DB_TYPE` or `MB_DB_CONNECTION_URI` names another database.',
    variants: [
      {
        paths: [
          {
            path: '/metabase.db',
            kind: 'database',
            description: 'Metabase application database (H2)',
            declaredVolume: false,
            env: ['MB_DB_FILE'],
            fileValue: true,
            when: { notEnv: ['MB_DB_TYPE', 'MB_DB_CONNECTION_URI'] },
          },
        ],
      },
    ],
  },
  {
    id: 'mealie',
    name: 'Mealie',
    images: ['mealie-recipes/mealie', 'hkotel/mealie'],
    source: 'https://docs.mealie.io/documentation/getting-started/installation/sqlite/',
    variants: [{ paths: [{ path: '/app/data', kind: 'database', description: 'Mealie data directory (database, recipe images)', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'changedetection',
    name: 'changedetection.io',
    images: ['dgtlmoon/changedetection.io'],
    source: 'https://github.com/dgtlmoon/changedetection.io/blob/master/docker-compose.yml',
    variants: [{ paths: [{ path: '/datastore', kind: 'database', description: 'changedetection.io datastore (watches, snapshots, settings)', declaredVolume: false, applicationData: true, flags: ['-d'] }] }],
  },
  {
    id: 'localstack',
    name: 'LocalStack',
    images: ['localstack/localstack'],
    source: 'https://docs.localstack.cloud/references/filesystem/',
    cacheUnlessPersistent: true,
    persistence: { flags: [], configPaths: [] },
    notes:
      'The image declares VOLUME /var/lib/localstack; it holds service state only with PERSISTENCE=1, otherwise packages, caches and logs. ' +
      'It is always treated as a cache (hint): vsafe does not read PERSISTENCE.',
    variants: [{ paths: [{ path: '/var/lib/localstack', kind: 'database', description: 'LocalStack volume directory (service state with PERSISTENCE=1)', declaredVolume: true }] }],
  },
  {
    id: 'ollama',
    name: 'Ollama',
    images: ['ollama/ollama'],
    source: 'https://hub.docker.com/r/ollama/ollama',
    notes: 'The image declares no VOLUME and runs as root: without a mount at /root/.ollama every recreate downloads the models again (often gigabytes each). `OLLAMA_MODELS` moves the models.',
    variants: [{ paths: [{ path: '/root/.ollama', kind: 'config-state', description: 'Ollama models and instance key', declaredVolume: false, env: ['OLLAMA_MODELS'] }] }],
  },
  {
    id: 'seafile',
    name: 'Seafile',
    images: ['seafileltd/seafile-mc', 'seafileltd/seafile-pro-mc'],
    source: 'https://github.com/haiwen/seafile-docker/blob/master/image/seafile_13.0/Dockerfile',
    notes:
      'The image declares no VOLUME. Its first-start script (create_data_links.sh) links the libraries (seafile-data), configuration, logs and seahub media under /opt/seafile into /shared, ' +
      'which the Seafile manual mounts from the host. The database runs in its own MySQL/MariaDB service.',
    // A database kind: the volume is named seafile-data, for it holds configuration and logs beside the libraries.
    variants: [{ paths: [{ path: '/shared', kind: 'database', description: 'Seafile data (libraries, configuration, seahub media, logs)', declaredVolume: false, applicationData: true }] }],
  },
  {
    id: 'trilium',
    name: 'Trilium Notes',
    images: ['zadam/trilium', 'triliumnext/notes', 'triliumnext/trilium'],
    source: 'https://github.com/TriliumNext/Trilium/blob/main/docs/User%20Guide/User%20Guide/Installation%20%26%20Setup/Server%20Installation/1.%20Installing%20the%20server/Using%20Docker.md',
    notes:
      'The Dockerfiles set `TRILIUM_DATA_DIR=/home/node/trilium-data`, where the SQLite database (document.db), config.ini, backups and logs live; zadam/trilium\'s declares no VOLUME. `TRILIUM_DATA_DIR` moves it.',
    variants: [{ paths: [{ path: '/home/node/trilium-data', kind: 'database', description: 'Trilium data directory (document.db, config.ini, backups)', declaredVolume: false, env: ['TRILIUM_DATA_DIR'] }] }],
  },
  {
    id: 'memos',
    name: 'Memos',
    images: ['neosmemo/memos', 'usememos/memos'],
    source: 'https://github.com/usememos/memos/blob/main/scripts/Dockerfile',
    notes: 'The image declares VOLUME /var/opt/memos, its working directory, where the default SQLite database (memos_prod.db) and local attachments live; `MEMOS_DATA` / `--data` move it.',
    variants: [{ paths: [{ path: '/var/opt/memos', kind: 'database', description: 'Memos data (SQLite database memos_prod.db, attachments)', declaredVolume: true, env: ['MEMOS_DATA'], flags: ['--data'] }] }],
  },
  {
    id: 'ragflow',
    name: 'RAGFlow',
    images: ['infiniflow/ragflow'],
    source: 'https://github.com/infiniflow/ragflow/blob/main/docker/entrypoint.sh',
    notes:
      'Documents, chunks and users live in the MySQL, MinIO and Elasticsearch/Infinity services (their own entries). On every start the entrypoint copies the nginx template for API_PROXY_SCHEME ' +
      '(ragflow.conf.python, .golang or .hybrid) over /etc/nginx/conf.d/ragflow.conf: a mount of ragflow.conf is overwritten, and read-only it makes the container fail (`cp: cannot remove`); edit the template instead.',
    stateless: true,
    writesConfig: ['/etc/nginx/conf.d/ragflow.conf'],
    variants: [{ paths: [] }],
  },
  {
    id: 'open-webui',
    name: 'Open WebUI',
    images: ['open-webui/open-webui'],
    source: 'https://docs.openwebui.com/getting-started/quick-start/',
    notes: 'DATA_DIR moves the data directory (backend/open_webui/env.py: DATA_DIR defaults to backend/data, and the default SQLite database is DATA_DIR/webui.db).',
    variants: [{ paths: [{ path: '/app/backend/data', kind: 'database', description: 'Open WebUI data directory (database, uploads)', declaredVolume: false, applicationData: true, env: ['DATA_DIR'] }] }],
  },
  {
    id: 'anythingllm',
    name: 'AnythingLLM',
    images: ['mintplexlabs/anythingllm'],
    source: 'https://docs.anythingllm.com/installation-docker/local-docker',
    notes:
      'The image declares no VOLUME (docker/Dockerfile); the documentation warns that without a mount at /app/server/storage all data is lost when the container is restarted. ' +
      'STORAGE_DIR (set to /app/server/storage by the .env the image bakes in) names the folder; it holds the SQLite database anythingllm.db and, per the Docker guide, documents, vectors and models. ' +
      'The documented command also bind-mounts /app/server/.env, which keeps settings made in the UI; that file is not listed.',
    variants: [{ paths: [{ path: '/app/server/storage', kind: 'database', description: 'AnythingLLM storage (SQLite database, documents, vectors)', declaredVolume: false, applicationData: true, env: ['STORAGE_DIR'] }] }],
  },
  {
    id: 'librechat',
    name: 'LibreChat',
    images: ['danny-avila/librechat', 'danny-avila/librechat-dev', 'danny-avila/librechat-api', 'danny-avila/librechat-dev-api'],
    source: 'https://github.com/danny-avila/LibreChat/blob/main/deploy-compose.yml',
    notes:
      'The images declare no VOLUME: Dockerfile (librechat, librechat-dev) only creates /app/uploads, /app/client/public/images and /app/logs, and Dockerfile.multi (the -api images) declares none either. Conversations, users and agents live in MongoDB, its own service. ' +
      'With the local file strategy (the default; `fileStrategy` in librechat.yaml, which vsafe does not read) uploaded files go to /app/uploads and images and avatars to /app/client/public/images (api/config/paths.js); ' +
      'with s3, firebase or azure_blob those folders stay empty. The compose files also mount logs at /app/api/logs, which is not listed.',
    variants: [
      {
        paths: [
          { path: '/app/uploads', kind: 'uploads', description: 'LibreChat uploaded files (local file strategy)', declaredVolume: false },
          { path: '/app/client/public/images', kind: 'uploads', description: 'LibreChat images and avatars (local file strategy)', declaredVolume: false },
        ],
      },
    ],
  },
  {
    id: 'paperless-ngx',
    name: 'Paperless-ngx',
    images: ['paperless-ngx/paperless-ngx'],
    source: 'https://docs.paperless-ngx.com/setup/',
    variants: [
      {
        paths: [
          { path: '/usr/src/paperless/data', kind: 'database', description: 'Paperless-ngx data directory (search index, SQLite database)', declaredVolume: true, env: ['PAPERLESS_DATA_DIR'] },
          { path: '/usr/src/paperless/media', kind: 'uploads', description: 'Paperless-ngx documents', declaredVolume: true, env: ['PAPERLESS_MEDIA_ROOT'] },
        ],
      },
    ],
  },
  {
    id: 'photoprism',
    name: 'PhotoPrism',
    images: ['photoprism/photoprism'],
    source: 'https://docs.photoprism.app/getting-started/docker-compose/',
    variants: [
      {
        paths: [
          { path: '/photoprism/storage', kind: 'config-state', description: 'PhotoPrism storage (index, settings, sidecar files)', declaredVolume: false },
          { path: '/photoprism/originals', kind: 'uploads', description: 'PhotoPrism originals', declaredVolume: false },
        ],
      },
    ],
  },
  {
    id: 'jellyfin',
    name: 'Jellyfin',
    images: ['jellyfin/jellyfin'],
    source: 'https://jellyfin.org/docs/general/installation/container',
    variants: [{ paths: [{ path: '/config', kind: 'config-state', description: 'Jellyfin configuration and library database', declaredVolume: true }] }],
  },
  {
    id: 'plex',
    name: 'Plex Media Server',
    images: ['plexinc/pms-docker'],
    source: 'https://github.com/plexinc/pms-docker',
    notes: 'The image declares VOLUME /config and /transcode (Dockerfile).',
    variants: [{ paths: [{ path: '/config', kind: 'config-state', description: 'Plex configuration and library database', declaredVolume: true }] }],
  },
  {
    id: 'syncthing',
    name: 'Syncthing',
    images: ['syncthing/syncthing'],
    source: 'https://github.com/syncthing/syncthing/blob/main/README-Docker.md',
    variants: [{ paths: [{ path: '/var/syncthing', kind: 'config-state', description: 'Syncthing configuration, keys and default folder', declaredVolume: true }] }],
  },
  {
    id: 'pihole',
    name: 'Pi-hole',
    images: ['pihole/pihole'],
    source: 'https://github.com/pi-hole/docker-pi-hole',
    variants: [{ paths: [{ path: '/etc/pihole', kind: 'config-state', description: 'Pi-hole configuration and databases', declaredVolume: false }] }],
  },
  {
    id: 'adguardhome',
    name: 'AdGuard Home',
    images: ['adguard/adguardhome'],
    source: 'https://github.com/AdguardTeam/AdGuardHome/wiki/Docker',
    notes: 'The image declares no VOLUME (docker/Dockerfile): without mounts the configuration and working directory are in the container layer.',
    variants: [
      {
        paths: [
          { path: '/opt/adguardhome/conf', kind: 'config-state', description: 'AdGuard Home configuration', declaredVolume: false },
          { path: '/opt/adguardhome/work', kind: 'database', description: 'AdGuard Home working directory (query log, statistics)', declaredVolume: false },
        ],
      },
    ],
  },
  {
    id: 'nginx-proxy-manager',
    name: 'Nginx Proxy Manager',
    images: ['jc21/nginx-proxy-manager'],
    source: 'https://nginxproxymanager.com/setup/',
    variants: [
      {
        paths: [
          { path: '/data', kind: 'config-state', description: 'Nginx Proxy Manager data (database, proxy hosts)', declaredVolume: false },
          // The setup guide's `DB_SQLITE_FILE` can put the SQLite database elsewhere: that folder is state too
          // (its default, the file in /data, is covered above; /data keeps the proxy hosts either way).
          { path: '/data/database.sqlite', kind: 'database', description: 'Nginx Proxy Manager SQLite database', declaredVolume: false, env: ['DB_SQLITE_FILE'], fileValue: true, onlyWhenSet: true, applicationData: true },
          { path: '/etc/letsencrypt', kind: 'config-state', description: "Let's Encrypt certificates and accounts", declaredVolume: false },
        ],
      },
    ],
  },
  {
    id: 'caddy',
    name: 'Caddy',
    images: ['caddy', 'caddy/caddy'],
    source: 'https://hub.docker.com/_/caddy',
    notes: 'Current images declare no VOLUME (removed after caddy-docker issue #118; 2.0 and 2.1 declared VOLUME /config and /data): without a mount /data is in the container layer.',
    // Caddy 1 kept its certificates in /root/.caddy: a volume left there by an old stack holds nothing now.
    variants: [{ paths: [{ path: '/data', kind: 'config-state', description: 'Caddy data directory (TLS certificates, private keys, ACME accounts)', declaredVolume: false, misplacedTargets: ['/root/.caddy'] }] }],
  },
  {
    id: 'synapse',
    name: 'Synapse (Matrix)',
    images: ['matrixdotorg/synapse', 'element-hq/synapse'],
    source: 'https://github.com/element-hq/synapse/blob/develop/docker/README.md',
    notes:
      'The image declared VOLUME /data up to v1.52; matrix-org/synapse#11997 (merged 2022-02-15, released in v1.53) removed it, so on current images /data without a mount is in the container layer (element-hq/synapse docker/Dockerfile).',
    variants: [
      { versions: { min: '1.53' }, paths: [{ path: '/data', kind: 'database', description: 'Synapse data directory (homeserver.yaml, signing key, media store)', declaredVolume: false }] },
      { versions: { max: '1.52' }, paths: [{ path: '/data', kind: 'database', description: 'Synapse data directory (homeserver.yaml, signing key, media store)', declaredVolume: true }] },
    ],
  },
  {
    id: 'docker-mailserver',
    name: 'docker-mailserver',
    images: ['docker-mailserver/docker-mailserver', 'mailserver/docker-mailserver', 'tvial/docker-mailserver'],
    source: 'https://docker-mailserver.github.io/docker-mailserver/latest/config/advanced/optional-config/',
    variants: [
      {
        paths: [
          { path: '/var/mail', kind: 'database', description: 'Mailboxes', declaredVolume: false, applicationData: true },
          { path: '/var/mail-state', kind: 'config-state', description: 'Mail service state (queues, spam filter data)', declaredVolume: false },
          {
            path: '/tmp/docker-mailserver',
            scratch: true,
            kind: 'config-state',
            description: 'docker-mailserver configuration (accounts in postfix-accounts.cf, aliases, DKIM keys)',
            declaredVolume: false,
          },
        ],
      },
    ],
  },
  {
    id: 'openldap',
    name: 'OpenLDAP (osixia)',
    images: ['osixia/openldap'],
    source: 'https://github.com/osixia/docker-openldap/blob/master/CHANGELOG.md',
    notes: 'The image declared VOLUME /var/lib/ldap and /etc/ldap/slapd.d up to 1.1.2; 1.1.3 removed it ("Volume command from Dockerfile #56"), so on later images both are in the container layer without a mount.',
    variants: [
      {
        versions: { min: '1.1.3' },
        paths: [
          { path: '/var/lib/ldap', kind: 'database', description: 'OpenLDAP database', declaredVolume: false },
          { path: '/etc/ldap/slapd.d', kind: 'config-state', description: 'OpenLDAP configuration database', declaredVolume: false },
        ],
      },
      {
        versions: { max: '1.1.2' },
        paths: [
          { path: '/var/lib/ldap', kind: 'database', description: 'OpenLDAP database', declaredVolume: true },
          { path: '/etc/ldap/slapd.d', kind: 'config-state', description: 'OpenLDAP configuration database', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'gotify',
    name: 'Gotify',
    images: ['gotify/server'],
    source: 'https://gotify.net/docs/install',
    variants: [{ paths: [{ path: '/app/data', kind: 'database', description: 'Gotify data directory (database, images)', declaredVolume: false }] }],
  },
  {
    id: 'freshrss',
    name: 'FreshRSS',
    images: ['freshrss/freshrss'],
    source: 'https://github.com/FreshRSS/FreshRSS/tree/edge/Docker',
    variants: [{ paths: [{ path: '/var/www/FreshRSS/data', kind: 'database', description: 'FreshRSS data directory (configuration, users, SQLite databases)', declaredVolume: false }] }],
  },
  {
    id: 'directus',
    name: 'Directus',
    images: ['directus/directus'],
    source: 'https://directus.io/docs/self-hosting/deploying',
    notes:
      'The image declares no VOLUME and sets `DB_CLIENT=sqlite3` with `DB_FILENAME=/directus/database/database.sqlite` (Dockerfile, runtime stage): without another `DB_CLIENT` the whole CMS is that SQLite file. ' +
      'Uploads go to `STORAGE_LOCAL_ROOT` (/directus/uploads) as long as `STORAGE_LOCATIONS` (default `local`) names the local location; a list without `local` (`s3`) keeps nothing there.',
    variants: [
      {
        paths: [
          {
            path: '/directus/uploads',
            kind: 'uploads',
            description: 'Directus uploaded files (local storage)',
            declaredVolume: false,
            env: ['STORAGE_LOCAL_ROOT'],
            when: { notEnvValue: { STORAGE_LOCATIONS: '^(?!.*\\blocal\\b).+$' }, description: 'not when `STORAGE_LOCATIONS` names no `local` location' },
          },
          {
            path: '/directus/database',
            kind: 'database',
            description: 'Directus SQLite database',
            declaredVolume: false,
            env: ['DB_FILENAME'],
            fileValue: true,
            applicationData: true,
            when: { notEnvValue: { DB_CLIENT: '^(?!sqlite3$).+$' }, description: 'only with the SQLite database (`DB_CLIENT` unset or `sqlite3`)' },
          },
        ],
      },
    ],
  },
  {
    id: 'nocodb',
    name: 'NocoDB',
    images: ['nocodb/nocodb'],
    source: 'https://nocodb.com/docs/self-hosting/installation/docker',
    variants: [{ paths: [{ path: '/usr/app/data', kind: 'database', description: 'NocoDB data directory (SQLite metadata database, uploads)', declaredVolume: false }] }],
  },
  {
    id: 'immich',
    name: 'Immich server',
    images: ['immich-app/immich-server', 'altran1502/immich-server'],
    source: 'https://github.com/immich-app/immich/pull/20367',
    notes:
      'From v1.137.0 the media (`UPLOAD_LOCATION`) belongs at /data: the image declares VOLUME /data, and the server uses /data or the older /usr/src/app/upload, whichever exists (the older one when both do), so a mount at /usr/src/app/upload is accepted there. ' +
      'Up to v1.136 the image declared VOLUME /usr/src/app/upload and kept the media there: a volume at /data (the newer layout) on such a release is a misplaced mount. Untagged, `release` and `v2` tags mean the /data layout. ' +
      '`IMMICH_MEDIA_LOCATION` moves the media. The database runs in ghcr.io/immich-app/postgres (its own entry).',
    variants: [
      {
        versions: { min: '1.137' },
        paths: [
          {
            path: '/data',
            kind: 'uploads',
            description: 'Immich media (originals, thumbnails, encoded videos, profile pictures, database backups)',
            declaredVolume: true,
            env: ['IMMICH_MEDIA_LOCATION'],
            alternatives: ['/usr/src/app/upload'],
          },
        ],
      },
      {
        versions: { max: '1.136' },
        paths: [
          {
            path: '/usr/src/app/upload',
            kind: 'uploads',
            description: 'Immich media (originals, thumbnails, encoded videos, profile pictures, database backups)',
            declaredVolume: true,
            env: ['IMMICH_MEDIA_LOCATION'],
            // The v1.137 layout mounted on an older pinned release: the media go to the anonymous volume at /usr/src/app/upload.
            misplacedTargets: ['/data'],
          },
        ],
      },
    ],
  },
  {
    id: 'vikunja',
    name: 'Vikunja',
    images: ['vikunja/vikunja'],
    source: 'https://github.com/go-vikunja/vikunja/blob/main/Dockerfile',
    notes:
      'The image declares no VOLUME and sets VIKUNJA_SERVICE_ROOTPATH=/app/vikunja/ and VIKUNJA_DATABASE_PATH=/db/vikunja.db. Files go to files/ under the root path unless `VIKUNJA_FILES_BASEPATH` names an absolute directory; ' +
      'a `VIKUNJA_SERVICE_ROOTPATH` set on the service moves them to <root path>/files, which vsafe does not follow (the files path is then not reported), and with S3 storage (`VIKUNJA_FILES_S3_ENDPOINT`) nothing is kept there. ' +
      'The SQLite file is used unless a database server is configured: vsafe takes `VIKUNJA_DATABASE_HOST` as the sign of one (a database set only in config.yml is not seen).',
    variants: [
      {
        paths: [
          {
            path: '/app/vikunja/files',
            kind: 'uploads',
            description: 'Vikunja files (task attachments, project backgrounds, avatars)',
            declaredVolume: false,
            env: ['VIKUNJA_FILES_BASEPATH'],
            when: {
              notEnv: ['VIKUNJA_SERVICE_ROOTPATH', 'VIKUNJA_FILES_S3_ENDPOINT'],
              description: 'not when `VIKUNJA_SERVICE_ROOTPATH` moves it or S3 storage (`VIKUNJA_FILES_S3_ENDPOINT`) is configured',
            },
          },
          {
            path: '/db',
            kind: 'database',
            description: 'Vikunja SQLite database',
            declaredVolume: false,
            env: ['VIKUNJA_DATABASE_PATH'],
            fileValue: true,
            when: { notEnv: ['VIKUNJA_DATABASE_HOST'], description: 'only with the SQLite database (no `VIKUNJA_DATABASE_HOST`)' },
          },
        ],
      },
    ],
  },
  {
    id: 'baserow',
    name: 'Baserow (all-in-one image)',
    images: ['baserow/baserow'],
    source: 'https://github.com/baserow/baserow/blob/develop/deploy/all-in-one/Dockerfile',
    notes:
      'The all-in-one image declares no VOLUME; its entrypoint keeps the embedded PostgreSQL and Redis, uploaded media, Caddy certificates and generated secrets under `DATA_DIR` (/baserow/data) and refuses to start when nothing is mounted there unless DISABLE_VOLUME_CHECK is set. ' +
      'Media and secrets stay there with an external database too.',
    variants: [
      {
        paths: [
          {
            path: '/baserow/data',
            kind: 'database',
            description: 'Baserow data directory (embedded PostgreSQL and Redis, media, secrets)',
            declaredVolume: false,
            env: ['DATA_DIR'],
          },
        ],
      },
    ],
  },
  {
    id: 'listmonk',
    name: 'listmonk',
    images: ['listmonk/listmonk'],
    source: 'https://listmonk.app/docs/configuration/#media-uploads',
    notes:
      'Subscribers and campaigns live in PostgreSQL. Media uploads go to uploads/ in the working directory (/listmonk) with the default filesystem provider; the provider and upload path are settings in the admin UI (stored in the database), which vsafe cannot see: with S3 uploads /listmonk/uploads stays empty.',
    variants: [{ paths: [{ path: '/listmonk/uploads', kind: 'uploads', description: 'listmonk media uploads (filesystem provider)', declaredVolume: false }] }],
  },
  {
    id: 'hedgedoc',
    name: 'HedgeDoc',
    images: ['hedgedoc/hedgedoc'],
    source: 'https://docs.hedgedoc.org/setup/docker/',
    notes:
      'Image uploads go to /hedgedoc/public/uploads with the default filesystem upload type; with S3, MinIO, Azure or imgur nothing is kept there (lutim, which needs no setting, is not detected). ' +
      'Notes live in the database. HedgeDoc 2 uses another layout and is not covered. lscr.io/linuxserver/hedgedoc keeps its uploads under /config (the linuxserver.io entry).',
    variants: [
      {
        versions: { max: '1' },
        paths: [
          {
            path: '/hedgedoc/public/uploads',
            kind: 'uploads',
            description: 'HedgeDoc image uploads',
            declaredVolume: false,
            when: {
              notEnv: ['CMD_S3_BUCKET', 'CMD_AZURE_CONNECTION_STRING', 'CMD_IMGUR_CLIENTID'],
              description: 'not with S3/MinIO, Azure or imgur uploads (`CMD_S3_BUCKET`, `CMD_AZURE_CONNECTION_STRING`, `CMD_IMGUR_CLIENTID`)',
            },
          },
        ],
      },
      { versions: { min: '2' }, paths: [] },
    ],
  },
  {
    id: 'linkwarden',
    name: 'Linkwarden',
    images: ['linkwarden/linkwarden'],
    source: 'https://docs.linkwarden.app/self-hosting/installation',
    notes:
      'Archives (screenshots, PDFs, readable copies) and uploads go to data/ under /data, the image working directory, unless S3 storage is configured (`SPACES_ENDPOINT` with its key, secret and region). ' +
      '`STORAGE_FOLDER` names another folder under /data, which vsafe does not follow (the path is then not reported).',
    variants: [
      {
        paths: [
          {
            path: '/data/data',
            kind: 'uploads',
            description: 'Linkwarden archives and uploads',
            declaredVolume: false,
            when: { notEnv: ['SPACES_ENDPOINT', 'STORAGE_FOLDER'], description: 'not with S3 storage (`SPACES_ENDPOINT`) or another `STORAGE_FOLDER`' },
          },
        ],
      },
    ],
  },
  {
    id: 'firefly-iii',
    name: 'Firefly III',
    images: ['fireflyiii/core'],
    source: 'https://github.com/firefly-iii/docker/blob/main/docker-compose.yml',
    notes: 'Transactions live in the database service; the image declares VOLUME /var/www/html/storage/upload for attachments.',
    variants: [{ paths: [{ path: '/var/www/html/storage/upload', kind: 'uploads', description: 'Firefly III attachments', declaredVolume: true }] }],
  },
  {
    id: 'authentik',
    name: 'authentik server',
    images: ['goauthentik/server'],
    source: 'https://github.com/goauthentik/authentik/blob/main/lifecycle/container/compose.yml',
    notes:
      'From 2025.12 files (media such as icons and flow backgrounds, reports) are kept under /data (`AUTHENTIK_STORAGE__FILE__PATH`); the image links /data/media to /media, so a mount at /media, the layout of earlier releases, still keeps the media. ' +
      'Before 2025.12 media were kept in /media (`AUTHENTIK_STORAGE__MEDIA__FILE__PATH`). With the S3 backend nothing is kept on disk. ' +
      'Everything else lives in PostgreSQL; /templates (custom templates) and /certs (certificates the worker imports) hold files the user provides, not state, and are not reported.',
    variants: [
      {
        versions: { min: '2025.12' },
        paths: [
          {
            path: '/data',
            kind: 'uploads',
            description: 'authentik files (media, reports)',
            declaredVolume: false,
            env: ['AUTHENTIK_STORAGE__FILE__PATH'],
            alternatives: ['/media'],
            when: { notEnv: ['AUTHENTIK_STORAGE__BACKEND'], description: 'not when `AUTHENTIK_STORAGE__BACKEND` selects another backend (S3)' },
          },
        ],
      },
      {
        versions: { max: '2025.11' },
        paths: [
          {
            path: '/media',
            kind: 'uploads',
            description: 'authentik media (icons, flow backgrounds)',
            declaredVolume: false,
            env: ['AUTHENTIK_STORAGE__MEDIA__FILE__PATH'],
            when: { notEnv: ['AUTHENTIK_STORAGE__MEDIA__BACKEND'], description: 'not when `AUTHENTIK_STORAGE__MEDIA__BACKEND` selects another backend (S3)' },
          },
        ],
      },
    ],
  },
  {
    id: 'penpot-backend',
    name: 'Penpot backend',
    images: ['penpotapp/backend'],
    source: 'https://github.com/penpot/penpot/blob/develop/backend/src/app/config.clj',
    notes:
      'The file-system storage directory defaults to assets/ in the working directory, /opt/penpot/backend/assets. Penpot\'s docker-compose.yaml moves it to /opt/data/assets with `PENPOT_OBJECTS_STORAGE_FS_DIRECTORY` (older releases: `PENPOT_STORAGE_ASSETS_FS_DIRECTORY`) and mounts a volume there: ' +
      'a volume at /opt/data/assets without that variable keeps nothing. With S3 storage (a bucket set) nothing is kept on disk. The image declares no VOLUME.',
    variants: [
      {
        paths: [
          {
            path: '/opt/penpot/backend/assets',
            kind: 'uploads',
            description: 'Penpot assets storage (images, fonts, file data)',
            declaredVolume: false,
            env: ['PENPOT_STORAGE_ASSETS_FS_DIRECTORY', 'PENPOT_OBJECTS_STORAGE_FS_DIRECTORY'],
            when: {
              notEnv: ['PENPOT_OBJECTS_STORAGE_S3_BUCKET', 'PENPOT_STORAGE_ASSETS_S3_BUCKET'],
              description: 'not with S3 storage (`PENPOT_OBJECTS_STORAGE_S3_BUCKET`, `PENPOT_STORAGE_ASSETS_S3_BUCKET`)',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'onlyoffice-documentserver',
    name: 'ONLYOFFICE Document Server',
    images: ['onlyoffice/documentserver'],
    source: 'https://github.com/ONLYOFFICE/Docker-DocumentServer#storing-data',
    cacheUnlessPersistent: true,
    persistence: { flags: [], configPaths: [] },
    notes:
      'The image declares VOLUME for its logs, /var/lib/onlyoffice (file cache), /var/www/onlyoffice/Data (certificates), the embedded PostgreSQL, RabbitMQ and Redis, and custom fonts. ' +
      'ONLYOFFICE states that the container\'s operation does not depend on its state (documents live in the connected storage, e.g. Nextcloud): it is always treated as a cache (hint). ' +
      'The embedded PostgreSQL is not used when `DB_HOST` names another server; logs, RabbitMQ, Redis and fonts are not listed.',
    variants: [
      {
        paths: [
          { path: '/var/lib/onlyoffice', kind: 'cache', description: 'Document Server file cache (documents being edited)', declaredVolume: true },
          { path: '/var/www/onlyoffice/Data', kind: 'config-state', description: 'Document Server data (SSL certificates)', declaredVolume: true },
          {
            path: '/var/lib/postgresql',
            kind: 'database',
            description: 'Document Server embedded PostgreSQL (editing sessions)',
            declaredVolume: true,
            when: { notEnv: ['DB_HOST', 'POSTGRESQL_SERVER_HOST'], description: 'only with the embedded database (no `DB_HOST`)' },
          },
        ],
      },
    ],
  },
  {
    id: 'mastodon',
    name: 'Mastodon',
    images: ['mastodon/mastodon', 'tootsuite/mastodon'],
    source: 'https://github.com/mastodon/mastodon/blob/main/docker-compose.yml',
    notes:
      'Media (uploads, avatars, cached remote media) are kept in public/system (/mastodon/public/system, /mastodon linking to /opt/mastodon in current images) unless `PAPERCLIP_ROOT_PATH` moves them or object storage is used. ' +
      'Whether S3 is on is the value of `S3_ENABLED`, which vsafe does not read (the sample .env.production sets it to true, so `S3_ENABLED=false` is common): the access key that S3 (`AWS_ACCESS_KEY_ID`) or Swift (`SWIFT_USERNAME`) storage needs is taken as the sign instead. ' +
      'The streaming server (`node ./streaming`) keeps no media.',
    variants: [
      {
        paths: [
          {
            path: '/mastodon/public/system',
            kind: 'uploads',
            description: 'Mastodon media (uploads, avatars, cached remote media)',
            declaredVolume: false,
            env: ['PAPERCLIP_ROOT_PATH'],
            alternatives: ['/opt/mastodon/public/system'],
            when: {
              notEnv: ['AWS_ACCESS_KEY_ID', 'SWIFT_USERNAME'],
              notArgs: ['(^|/)streaming(/|$)'],
              description: 'not with object storage (`AWS_ACCESS_KEY_ID` or `SWIFT_USERNAME` set) or for the streaming server',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'minecraft-server',
    name: 'Minecraft server (itzg)',
    images: ['itzg/minecraft-server'],
    source: 'https://github.com/itzg/docker-minecraft-server/blob/master/docs/data-directory.md',
    notes: 'The image declares VOLUME /data: everything the container manages (worlds, server.properties, player data, plugins, mods, logs) is under it. The documentation uses a bind mount.',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Minecraft server data (worlds, server.properties, player data, plugins and mods)', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'seerr',
    name: 'Seerr, Jellyseerr and Overseerr',
    images: ['seerr-team/seerr', 'seerr/seerr', 'fallenbagel/jellyseerr', 'sctx/overseerr', 'sct/overseerr'],
    source: 'https://github.com/seerr-team/seerr/blob/develop/docs/getting-started/docker.mdx',
    notes:
      'The images declare no VOLUME. /app/config holds settings.json (API keys, users, settings), the SQLite database (db/), logs and cached images; with a PostgreSQL database the settings stay there. ' +
      '`CONFIG_DIRECTORY` moves it. The same layout is documented for Jellyseerr (fallenbagel/jellyseerr) and Overseerr (sctx/overseerr, ghcr.io/sct/overseerr).',
    variants: [
      {
        paths: [
          { path: '/app/config', kind: 'database', description: 'Seerr configuration and database (settings.json, SQLite database, logs)', declaredVolume: false, applicationData: true, env: ['CONFIG_DIRECTORY'] },
        ],
      },
    ],
  },
  {
    id: 'outline',
    name: 'Outline',
    images: ['outlinewiki/outline'],
    source: 'https://github.com/outline/outline/blob/main/Dockerfile',
    notes:
      'The image declares VOLUME /var/lib/outline/data and sets `FILE_STORAGE_LOCAL_ROOT_DIR` to it. Attachments and images are kept there only with `FILE_STORAGE=local` (the setting of Outline\'s .env.sample; the server\'s own default is s3). ' +
      'The path is reported unless `FILE_STORAGE=s3` is set where vsafe can read it (`environment:` or a readable `env_file`): a deploy that fills the env file from the sample keeps its files there. Documents live in PostgreSQL.',
    variants: [
      {
        paths: [
          {
            path: '/var/lib/outline/data',
            kind: 'uploads',
            description: 'Outline local file storage (attachments, images)',
            declaredVolume: true,
            env: ['FILE_STORAGE_LOCAL_ROOT_DIR'],
            when: { notEnvValue: { FILE_STORAGE: '^s3$' }, description: 'not with `FILE_STORAGE=s3`' },
          },
        ],
      },
    ],
  },
  {
    id: 'wg-easy',
    name: 'wg-easy',
    images: ['wg-easy/wg-easy', 'weejewel/wg-easy'],
    source: 'https://github.com/wg-easy/wg-easy/blob/master/docs/content/examples/tutorials/docker-run.md',
    notes: 'The image declares no VOLUME. /etc/wireguard holds the server and client keys: wg0.json and wg0.conf up to v14, the SQLite database wg-easy.db from v15. On an empty /etc/wireguard a new server key is made, and every client must be set up again.',
    variants: [{ paths: [{ path: '/etc/wireguard', kind: 'database', description: 'wg-easy data (WireGuard server and client keys, clients; wg-easy.db from v15)', declaredVolume: false, applicationData: true }] }],
  },
  {
    id: 'tailscale',
    name: 'Tailscale',
    images: ['tailscale/tailscale'],
    source: 'https://tailscale.com/kb/1282/docker',
    notes:
      'Without `TS_STATE_DIR` the container runs tailscaled with `--state=mem:`: the node is ephemeral and keeps nothing on disk. With `TS_STATE_DIR` the node key and state live in that folder, which must persist across container restarts; ' +
      'the repository\'s Dockerfile declares no VOLUME (the published images are built with mkctr).',
    variants: [{ paths: [{ path: '/var/lib/tailscale', kind: 'config-state', description: 'tailscaled state (node key, machine identity, certificates)', declaredVolume: false, env: ['TS_STATE_DIR'], onlyWhenSet: true }] }],
  },
  {
    id: 'homarr',
    name: 'Homarr',
    images: ['homarr-labs/homarr'],
    source: 'https://homarr.dev/docs/getting-started/installation/docker',
    notes: 'The image declares VOLUME /appdata (Dockerfile) and keeps its SQLite database there (`DB_URL=/appdata/db/db.sqlite`); the documentation bind-mounts it. Releases before 1.0 are ghcr.io/ajnart/homarr (its own entry).',
    variants: [{ paths: [{ path: '/appdata', kind: 'database', description: 'Homarr data directory (SQLite database: boards, users, integrations)', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'homarr-legacy',
    name: 'Homarr (before 1.0)',
    images: ['ajnart/homarr'],
    source: 'https://github.com/ajnart/homarr/blob/c9382768269437749700ac368f840141e0557596/Dockerfile',
    notes: 'The last Dockerfile of the pre-1.0 image declares VOLUME /app/data/configs (board configurations) and /data (the SQLite database, `DATABASE_URL=file:/data/db.sqlite`); earlier releases were not checked.',
    variants: [
      {
        paths: [
          { path: '/app/data/configs', kind: 'config-state', description: 'Homarr board configurations', declaredVolume: true },
          { path: '/data', kind: 'database', description: 'Homarr SQLite database (users, settings)', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'homepage',
    name: 'Homepage',
    images: ['gethomepage/homepage'],
    source: 'https://gethomepage.dev/installation/docker/',
    notes:
      'The image declares no VOLUME. /app/config holds the YAML configuration (services, widgets, settings, bookmarks), seeded with defaults on first start and edited by hand, and the log file. ' +
      '`HOMEPAGE_CONFIG_DIR` moves it.',
    variants: [{ paths: [{ path: '/app/config', kind: 'config-state', description: 'Homepage configuration (services.yaml, settings.yaml, widgets.yaml, bookmarks.yaml)', declaredVolume: false, env: ['HOMEPAGE_CONFIG_DIR'] }] }],
  },
  {
    id: 'mailu-admin',
    name: 'Mailu admin',
    images: ['mailu/admin'],
    source: 'https://github.com/Mailu/Mailu/blob/master/core/admin/Dockerfile',
    notes: 'The image declares VOLUME /data and /dkim; /data holds main.db, the SQLite configuration database (domains, users, aliases) the default setup uses, and /dkim the DKIM private keys. The setup wizard mounts both.',
    variants: [
      {
        paths: [
          { path: '/data', kind: 'database', description: 'Mailu configuration database (main.db: domains, users, aliases)', declaredVolume: true, applicationData: true },
          { path: '/dkim', kind: 'config-state', description: 'Mailu DKIM private keys', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'mailu-postfix',
    name: 'Mailu SMTP (Postfix)',
    images: ['mailu/postfix'],
    source: 'https://github.com/Mailu/Mailu/blob/master/setup/flavors/compose/docker-compose.yml',
    notes: 'Mailu 2 images declare VOLUME ["/queue"] (core/postfix/Dockerfile) and the setup wizard mounts the mail queue there; older releases used another layout and get no finding.',
    variants: [
      { versions: { min: '2' }, paths: [{ path: '/queue', kind: 'database', description: 'Postfix mail queue (mail not yet delivered)', declaredVolume: true, applicationData: true }] },
      { paths: [] },
    ],
  },
  {
    id: 'mailu-dovecot',
    name: 'Mailu IMAP (Dovecot)',
    images: ['mailu/dovecot'],
    source: 'https://github.com/Mailu/Mailu/blob/master/setup/flavors/compose/docker-compose.yml',
    notes: 'The image declares VOLUME /mail, where the mailboxes are; the setup wizard mounts it. Releases before Mailu 2 are not covered.',
    variants: [
      { versions: { min: '2' }, paths: [{ path: '/mail', kind: 'database', description: 'Mailboxes', declaredVolume: true, applicationData: true }] },
      { paths: [] },
    ],
  },
  {
    id: 'stalwart',
    name: 'Stalwart Mail Server',
    images: ['stalwartlabs/stalwart', 'stalwartlabs/mail-server'],
    source: 'https://github.com/stalwartlabs/stalwart/blob/main/Dockerfile',
    notes:
      'From 0.12 the image works in and declares VOLUME /opt/stalwart (Dockerfile); up to 0.11 it was /opt/stalwart-mail (stalwartlabs/stalwart issues #1554 and #1566), so a volume left there by an upgrade holds nothing any more. ' +
      'The folder holds the RocksDB store, config.toml, certificates and logs.',
    variants: [
      {
        versions: { min: '0.12' },
        paths: [
          {
            path: '/opt/stalwart',
            kind: 'database',
            description: 'Stalwart data directory (RocksDB store, config.toml, certificates)',
            declaredVolume: true,
            applicationData: true,
            misplacedTargets: ['/opt/stalwart-mail'],
          },
        ],
      },
      { paths: [{ path: '/opt/stalwart-mail', kind: 'database', description: 'Stalwart data directory (RocksDB store, config.toml, certificates)', declaredVolume: true, applicationData: true }] },
    ],
  },
  {
    id: 'lldap',
    name: 'LLDAP',
    images: ['lldap/lldap', 'nitnelave/lldap'],
    source: 'https://github.com/lldap/lldap/blob/main/.github/workflows/Dockerfile.ci.alpine-base',
    notes: 'The image declares VOLUME /data and starts with `--config-file /data/lldap_config.toml`; /data also holds server_key, without which every stored password stops working, and users.db unless `LLDAP_DATABASE_URL` names another database.',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'LLDAP data directory (users.db, server_key, lldap_config.toml)', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'kanboard',
    name: 'Kanboard',
    images: ['kanboard/kanboard'],
    source: 'https://github.com/kanboard/kanboard/blob/main/Dockerfile',
    notes: 'The image declares VOLUME /var/www/app/data (the SQLite database, unless `DB_DRIVER` names a server, and the attachments) and /var/www/app/plugins.',
    variants: [
      {
        paths: [
          { path: '/var/www/app/data', kind: 'database', description: 'Kanboard data directory (SQLite database, attachments)', declaredVolume: true, applicationData: true },
          { path: '/var/www/app/plugins', kind: 'config-state', description: 'Kanboard installed plugins', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'appsmith',
    name: 'Appsmith',
    images: ['appsmith/appsmith-ce', 'appsmith/appsmith-ee'],
    source: 'https://github.com/appsmithorg/appsmith/blob/release/deploy/docker/base.dockerfile',
    notes: 'The all-in-one image runs its own MongoDB, PostgreSQL and Redis and declares VOLUME /appsmith-stacks, where they keep their data next to configuration/docker.env (the encryption password and salt) and git repositories; the documentation bind-mounts ./stacks.',
    variants: [{ paths: [{ path: '/appsmith-stacks', kind: 'database', description: 'Appsmith stacks (embedded databases, encryption keys, git repositories)', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'budibase',
    name: 'Budibase (single image)',
    images: ['budibase/budibase'],
    source: 'https://github.com/Budibase/budibase/blob/master/hosting/single/Dockerfile',
    notes: 'The single image declares VOLUME /data and keeps its CouchDB, MinIO objects, Redis and search indexes under `DATA_DIR` (/data).',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Budibase data (CouchDB databases, object store, Redis)', declaredVolume: true, applicationData: true, env: ['DATA_DIR'] }] }],
  },
  {
    id: 'chronograf',
    name: 'Chronograf',
    images: ['chronograf', 'influxdb/chronograf'],
    source: 'https://github.com/influxdata/influxdata-docker/blob/master/chronograf/1.10/Dockerfile',
    notes: 'The image declares VOLUME /var/lib/chronograf, where chronograf-v1.db (sources, dashboards, users) is; `BOLT_PATH` / `--bolt-path` name another file.',
    variants: [
      {
        paths: [
          { path: '/var/lib/chronograf', kind: 'database', description: 'Chronograf database (chronograf-v1.db: sources, dashboards, users)', declaredVolume: true, applicationData: true, env: ['BOLT_PATH'], flags: ['--bolt-path', '-b'], fileValue: true },
        ],
      },
    ],
  },
  {
    id: 'kapacitor',
    name: 'Kapacitor',
    images: ['kapacitor'],
    source: 'https://github.com/influxdata/influxdata-docker/blob/master/kapacitor/1.7/Dockerfile',
    notes: 'The image declares VOLUME /var/lib/kapacitor, where kapacitor.db (tasks, templates, topics, configuration overrides) is; `KAPACITOR_DATA_DIR` moves it.',
    variants: [{ paths: [{ path: '/var/lib/kapacitor', kind: 'database', description: 'Kapacitor data directory (tasks, templates, alert topics)', declaredVolume: true, applicationData: true, env: ['KAPACITOR_DATA_DIR'] }] }],
  },
  {
    id: 'homebridge',
    name: 'Homebridge',
    images: ['homebridge/homebridge', 'oznu/homebridge'],
    source: 'https://github.com/homebridge/docker-homebridge/blob/latest/Dockerfile',
    notes: 'The image works in and declares VOLUME /homebridge: config.json, the paired accessories (persist/, accessories/) and the installed plugins.',
    variants: [{ paths: [{ path: '/homebridge', kind: 'config-state', description: 'Homebridge configuration, pairings and plugins', declaredVolume: true }] }],
  },
  {
    id: 'zwave-js-ui',
    name: 'Z-Wave JS UI',
    images: ['zwavejs/zwave-js-ui', 'zwavejs/zwavejs2mqtt', 'robertslando/zwave2mqtt'],
    source: 'https://github.com/zwave-js/zwave-js-ui/blob/master/docker/docker-compose.yml',
    notes: 'The image declares no VOLUME; /usr/src/app/store holds settings.json with the S0/S2 network keys (losing them means including every secure device again), nodes.json and the configuration database. `STORE_DIR` moves it.',
    variants: [{ paths: [{ path: '/usr/src/app/store', kind: 'config-state', description: 'Z-Wave JS UI store (settings with the network security keys, node data)', declaredVolume: false, env: ['STORE_DIR'] }] }],
  },
  {
    id: 'openhab',
    name: 'openHAB',
    images: ['openhab/openhab'],
    source: 'https://github.com/openhab/openhab-docker/blob/main/debian/Dockerfile',
    notes: 'The image declares VOLUME for `OPENHAB_CONF` (/openhab/conf), `OPENHAB_USERDATA` (/openhab/userdata: the JSON database of things and items, persistence) and /openhab/addons.',
    variants: [
      {
        paths: [
          { path: '/openhab/userdata', kind: 'database', description: 'openHAB user data (things, items, persistence)', declaredVolume: true, applicationData: true, env: ['OPENHAB_USERDATA'] },
          { path: '/openhab/conf', kind: 'config-state', description: 'openHAB configuration', declaredVolume: true, env: ['OPENHAB_CONF'] },
          { path: '/openhab/addons', kind: 'config-state', description: 'openHAB add-ons', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'domoticz',
    name: 'Domoticz',
    images: ['domoticz/domoticz'],
    source: 'https://github.com/domoticz/domoticz-docker',
    notes: 'The documentation mounts /opt/domoticz/userdata, where domoticz.db, plugins and scripts are; whether the image declares a VOLUME there was not checked.',
    variants: [{ paths: [{ path: '/opt/domoticz/userdata', kind: 'database', description: 'Domoticz user data (domoticz.db, plugins, scripts)', declaredVolume: false, applicationData: true }] }],
  },
  {
    id: 'deconz',
    name: 'deCONZ',
    images: ['deconzcommunity/deconz', 'marthoc/deconz'],
    source: 'https://github.com/deconz-community/deconz-docker/blob/master/docker/Dockerfile',
    notes: 'The image declares VOLUME /opt/deCONZ (`DECONZ_APPDATA_DIR`): zll.db with the Zigbee network, its settings and OTA files.',
    variants: [{ paths: [{ path: '/opt/deCONZ', kind: 'database', description: 'deCONZ data (zll.db: the Zigbee network and devices)', declaredVolume: true, applicationData: true, env: ['DECONZ_APPDATA_DIR'] }] }],
  },
  {
    id: 'scrypted',
    name: 'Scrypted',
    images: ['koush/scrypted'],
    source: 'https://github.com/koush/scrypted/blob/main/install/docker/docker-compose.yml',
    notes: 'The image declares no VOLUME and sets `SCRYPTED_VOLUME=/server/volume`, where the database, plugins and certificates are.',
    variants: [{ paths: [{ path: '/server/volume', kind: 'database', description: 'Scrypted database, plugins and certificates', declaredVolume: false, applicationData: true, env: ['SCRYPTED_VOLUME'] }] }],
  },
  {
    id: 'kavita',
    name: 'Kavita',
    images: ['jvmilazz0/kavita', 'kizaing/kavita', 'kareadita/kavita'],
    source: 'https://github.com/Kareadita/Kavita/blob/develop/entrypoint.sh',
    notes: 'The image declares no VOLUME; its entrypoint writes /kavita/config/appsettings.json (with the token key) and keeps kavita.db, covers, backups and logs there.',
    variants: [{ paths: [{ path: '/kavita/config', kind: 'database', description: 'Kavita data (kavita.db, appsettings.json, covers, backups)', declaredVolume: false, applicationData: true }] }],
  },
  {
    id: 'bitwarden-self-host',
    name: 'Bitwarden (unified self-host image)',
    images: ['bitwarden/self-host', 'bitwarden/lite'],
    source: 'https://github.com/bitwarden/self-host/blob/main/docker-unified/Dockerfile',
    notes: 'The image declares VOLUME /etc/bitwarden, where the entrypoint keeps the SQLite vault (with `BW_DB_PROVIDER=sqlite`), attachments, the data-protection keys and the identity certificate it generates: state, never read-only configuration.',
    variants: [{ paths: [{ path: '/etc/bitwarden', kind: 'database', description: 'Bitwarden data (vault database, attachments, data-protection keys, identity certificate)', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'semaphore',
    name: 'Semaphore UI',
    images: ['semaphoreui/semaphore', 'ansiblesemaphore/semaphore'],
    source: 'https://github.com/semaphoreui/semaphore/blob/develop/deployment/docker/server/Dockerfile',
    notes:
      'The image declares no VOLUME. Its wrapper writes /etc/semaphore/config.json on first start (cookie keys and the access-key encryption key, generated unless set in the environment), and the BoltDB or SQLite database is in /var/lib/semaphore unless `SEMAPHORE_DB_DIALECT` names a database server.',
    writesConfig: ['/etc/semaphore'],
    variants: [
      {
        paths: [
          {
            path: '/var/lib/semaphore',
            kind: 'database',
            description: 'Semaphore database (BoltDB or SQLite)',
            declaredVolume: false,
            applicationData: true,
            env: ['SEMAPHORE_DB_PATH'],
            when: { notEnvValue: { SEMAPHORE_DB_DIALECT: '^(?:mysql|postgres)$' }, description: 'not with `SEMAPHORE_DB_DIALECT` mysql or postgres' },
          },
          { path: '/etc/semaphore', kind: 'config-state', description: 'Semaphore configuration (config.json with the access-key encryption key)', declaredVolume: false, env: ['SEMAPHORE_CONFIG_PATH'] },
        ],
      },
    ],
  },
  {
    id: 'netdata',
    name: 'Netdata',
    images: ['netdata/netdata'],
    source: 'https://github.com/netdata/netdata/blob/master/packaging/docker/README.md',
    notes:
      'The image declares no VOLUME; the documentation mounts /etc/netdata, /var/lib/netdata (node identity, Cloud claim) and /var/cache/netdata (the metrics database). Its entrypoint copies the stock configuration into /etc/netdata on every start, so that mount must stay writable.',
    writesConfig: ['/etc/netdata'],
    variants: [
      {
        paths: [
          { path: '/var/lib/netdata', kind: 'config-state', description: 'Netdata node identity and Cloud claim', declaredVolume: false },
          { path: '/var/cache/netdata', kind: 'database', description: 'Netdata metrics database (dbengine)', declaredVolume: false },
        ],
      },
    ],
  },
  {
    id: 'rundeck',
    name: 'Rundeck',
    images: ['rundeck/rundeck'],
    source: 'https://github.com/rundeck/rundeck/blob/main/docker/official/Dockerfile',
    notes: 'The image declares VOLUME /home/rundeck/server/data, where its embedded H2 database (jobs, executions, users) is unless `RUNDECK_DATABASE_URL` names a database server.',
    variants: [
      {
        paths: [
          { path: '/home/rundeck/server/data', kind: 'database', description: 'Rundeck H2 database (jobs, execution history)', declaredVolume: true, applicationData: true, when: { notEnv: ['RUNDECK_DATABASE_URL'], description: 'not with `RUNDECK_DATABASE_URL`' } },
        ],
      },
    ],
  },
  {
    id: 'caddy-docker-proxy',
    name: 'caddy-docker-proxy',
    images: ['lucaslorentz/caddy-docker-proxy'],
    source: 'https://github.com/lucaslorentz/caddy-docker-proxy/blob/master/Dockerfile-alpine',
    notes: 'Like Caddy, it keeps the ACME account and certificates in /data (`XDG_DATA_HOME`), with no VOLUME declared.',
    variants: [{ paths: [{ path: '/data', kind: 'config-state', description: 'Caddy data directory (TLS certificates, private keys, ACME accounts)', declaredVolume: false, env: ['XDG_DATA_HOME'] }] }],
  },
  {
    id: 'kopia',
    name: 'Kopia',
    images: ['kopia/kopia'],
    source: 'https://github.com/kopia/kopia/blob/master/tools/docker/Dockerfile',
    notes: 'The image declares no VOLUME and sets `KOPIA_CONFIG_PATH=/app/config/repository.config` (the repository connection and its password), with the cache and logs under /app too.',
    variants: [{ paths: [{ path: '/app/config', kind: 'config-state', description: 'Kopia repository connection (repository.config)', declaredVolume: false, env: ['KOPIA_CONFIG_PATH'], fileValue: true }] }],
  },
  {
    id: 'mc-backup',
    name: 'Minecraft backup (itzg)',
    images: ['itzg/mc-backup'],
    source: 'https://github.com/itzg/docker-mc-backup/blob/master/Dockerfile',
    notes:
      'The image declares VOLUME /data (the server it backs up) and /backups, where the tar backups (`DEST_DIR`) or a local restic repository go. A `RESTIC_REPOSITORY` that is not an absolute path (s3:, rest:, sftp:) or `BACKUP_METHOD=rclone` keeps nothing there.',
    variants: [
      {
        paths: [
          {
            path: '/backups',
            kind: 'uploads',
            description: 'Minecraft world backups',
            declaredVolume: true,
            env: ['DEST_DIR', 'RESTIC_REPOSITORY'],
            misplacedTargets: ['/backup'],
            when: { notEnvValue: { RESTIC_REPOSITORY: '^[^/]', BACKUP_METHOD: '^rclone$' }, description: 'not with a remote `RESTIC_REPOSITORY` or `BACKUP_METHOD=rclone`' },
          },
        ],
      },
    ],
  },
  {
    id: 'rest-server',
    name: 'restic REST server',
    images: ['restic/rest-server'],
    source: 'https://github.com/restic/rest-server/blob/master/docker/Dockerfile',
    notes: 'The image declares VOLUME /data: every restic repository it serves and the .htpasswd user list.',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'restic repositories (every backup stored)', declaredVolume: true, applicationData: true, env: ['DATA_DIRECTORY'] }] }],
  },
  {
    id: 'tautulli',
    name: 'Tautulli',
    images: ['tautulli/tautulli'],
    source: 'https://github.com/Tautulli/Tautulli/blob/master/Dockerfile',
    notes: 'The image starts with `--datadir /config` and declares VOLUME /config (tautulli.db, config.ini).',
    variants: [{ paths: [{ path: '/config', kind: 'database', description: 'Tautulli database and configuration', declaredVolume: true, applicationData: true, flags: ['--datadir'] }] }],
  },
  {
    id: 'minecraft-bedrock',
    name: 'Minecraft Bedrock server (itzg)',
    images: ['itzg/minecraft-bedrock-server'],
    source: 'https://github.com/itzg/docker-minecraft-bedrock-server/blob/master/Dockerfile',
    notes: 'The image works in and declares VOLUME /data: worlds, server.properties, allowlist and permissions.',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Minecraft Bedrock worlds and server configuration', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'valheim',
    name: 'Valheim server (lloesche)',
    images: ['lloesche/valheim-server'],
    source: 'https://github.com/lloesche/valheim-server-docker/blob/main/Dockerfile',
    notes: 'The image declares VOLUME /config (worlds in worlds_local, backups) and /opt/valheim (the server installation, downloaded again when lost).',
    variants: [{ paths: [{ path: '/config', kind: 'database', description: 'Valheim worlds and backups', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'factorio',
    name: 'Factorio server (factoriotools)',
    images: ['factoriotools/factorio'],
    source: 'https://github.com/factoriotools/factorio-docker/blob/master/docker/Dockerfile',
    notes: 'The image declares VOLUME /factorio: saves, configuration, mods and scenarios.',
    variants: [{ paths: [{ path: '/factorio', kind: 'database', description: 'Factorio saves, configuration and mods', declaredVolume: true, applicationData: true }] }],
  },
  {
    id: 'transmission-openvpn',
    name: 'Transmission with OpenVPN (haugene)',
    images: ['haugene/transmission-openvpn'],
    source: 'https://github.com/haugene/docker-transmission-openvpn/blob/master/Dockerfile',
    notes: 'From 5.0 the image sets `TRANSMISSION_HOME=/config/transmission-home` (settings, resume data of every torrent) and declares VOLUME /config and /data (the downloads); older releases kept the home under /data and are not covered.',
    variants: [
      {
        versions: { min: '5' },
        paths: [
          { path: '/config', kind: 'config-state', description: 'Transmission home (settings, resume data of every torrent)', declaredVolume: true, env: ['TRANSMISSION_HOME'] },
          { path: '/data', kind: 'uploads', description: 'Downloads', declaredVolume: true },
        ],
      },
      { paths: [] },
    ],
  },
  {
    id: 'label-studio',
    name: 'Label Studio',
    images: ['heartexlabs/label-studio', 'humansignal/label-studio'],
    source: 'https://github.com/HumanSignal/label-studio/blob/develop/Dockerfile',
    notes: 'The image declares VOLUME `LABEL_STUDIO_BASE_DATA_DIR` (/label-studio/data): the SQLite database unless PostgreSQL is configured, uploaded files and exports. The documentation bind-mounts it.',
    variants: [{ paths: [{ path: '/label-studio/data', kind: 'database', description: 'Label Studio data (SQLite database, uploads, exports)', declaredVolume: true, env: ['LABEL_STUDIO_BASE_DATA_DIR'], applicationData: true }] }],
  },
  {
    id: 'jupyter-notebook',
    name: 'Jupyter Docker Stacks',
    images: ['jupyter/base-notebook', 'jupyter/minimal-notebook', 'jupyter/scipy-notebook', 'jupyter/datascience-notebook', 'jupyter/tensorflow-notebook', 'jupyter/pytorch-notebook', 'jupyter/pyspark-notebook', 'jupyter/all-spark-notebook', 'jupyter/r-notebook', 'jupyter/julia-notebook'],
    source: 'https://jupyter-docker-stacks.readthedocs.io/en/latest/using/running.html',
    notes: 'The images declare no VOLUME; notebooks are saved under the home directory /home/jovyan. A mount at /home/jovyan/work, as the documentation shows, is taken as the place the user chose.',
    variants: [{ paths: [{ path: '/home/jovyan', kind: 'uploads', description: 'Jupyter home directory (notebooks and files)', declaredVolume: false, alternatives: ['/home/jovyan/work'] }] }],
  },
  {
    id: 'jupyterhub',
    name: 'JupyterHub',
    images: ['jupyterhub/jupyterhub'],
    source: 'https://github.com/jupyterhub/jupyterhub/blob/main/Dockerfile',
    notes:
      'The image works in /srv/jupyterhub and declares no VOLUME: jupyterhub.sqlite (users, servers, tokens) and jupyterhub_cookie_secret are written there by default. ' +
      'A configuration of its own (`-f`, `--config`, or jupyterhub_config.py mounted in /srv/jupyterhub, which JupyterHub loads from its working directory) may put them elsewhere (`db_url`, `cookie_secret_file`): then nothing is reported.',
    variants: [
      {
        paths: [
          {
            path: '/srv/jupyterhub',
            kind: 'database',
            description: 'JupyterHub database and cookie secret',
            declaredVolume: false,
            applicationData: true,
            alternatives: ['/srv/jupyterhub/jupyterhub_config.py'],
            when: { notArgs: ['^-f$', '^--config(?:=|$)'], description: 'not with a configuration of its own (`-f`, `--config`, or a mounted /srv/jupyterhub/jupyterhub_config.py)' },
          },
        ],
      },
    ],
  },
  {
    id: 'prefect-server',
    name: 'Prefect server',
    images: ['prefecthq/prefect'],
    source: 'https://docs.prefect.io/v3/how-to-guides/self-hosted/server-cli',
    notes: '`prefect server start` keeps its SQLite database in `PREFECT_HOME` (/root/.prefect) unless `PREFECT_API_DATABASE_CONNECTION_URL` names a database server; workers keep nothing.',
    variants: [
      {
        paths: [
          {
            path: '/root/.prefect',
            kind: 'database',
            description: 'Prefect SQLite database (flows, runs, deployments)',
            declaredVolume: false,
            applicationData: true,
            env: ['PREFECT_HOME'],
            when: { args: ['server', 'start'], notEnv: ['PREFECT_API_DATABASE_CONNECTION_URL'], description: 'only for `prefect server start` without `PREFECT_API_DATABASE_CONNECTION_URL`' },
          },
        ],
      },
    ],
  },
  {
    id: 'netbird-management',
    name: 'NetBird management',
    images: ['netbirdio/management'],
    source: 'https://github.com/netbirdio/netbird/blob/main/infrastructure_files/docker-compose.yml.tmpl',
    notes:
      'The management server keeps its store (store.db: peers, users, setup keys) and the GeoLite databases in `--datadir` (/var/lib/netbird). ' +
      'It writes management.json back when `DataStoreEncryptionKey` is empty (management/cmd/management.go, updateMgmtConfig) and exits when it cannot: that file is never made read-only.',
    writesConfig: ['/etc/netbird'],
    variants: [{ paths: [{ path: '/var/lib/netbird', kind: 'database', description: 'NetBird management store (peers, users, setup keys)', declaredVolume: false, flags: ['--datadir'] }] }],
  },
  {
    id: 'wiretrustee-management',
    name: 'Wiretrustee management (NetBird before the rename)',
    images: ['wiretrustee/management'],
    source: 'https://github.com/netbirdio/netbird/blob/08e7b58b153a694ad4c9f58a81a661c1ecdefb51/infrastructure_files/docker-compose.yml',
    notes: "The legacy image keeps its store in /var/lib/wiretrustee (the project's compose file mounts it there). It is assumed to write /etc/wiretrustee/config.json back as NetBird management does; that was not checked in the legacy code.",
    writesConfig: ['/etc/wiretrustee'],
    variants: [{ paths: [{ path: '/var/lib/wiretrustee', kind: 'database', description: 'Wiretrustee management store (peers, users, setup keys)', declaredVolume: false, flags: ['--datadir'] }] }],
  },
  {
    id: 'headscale',
    name: 'Headscale',
    images: ['headscale/headscale', 'juanfont/headscale'],
    source: 'https://github.com/juanfont/headscale/blob/main/config-example.yaml',
    notes: 'The image declares no VOLUME; the default configuration keeps db.sqlite, the Noise and DERP private keys and the ACME cache in /var/lib/headscale, next to the configuration in /etc/headscale.',
    variants: [{ paths: [{ path: '/var/lib/headscale', kind: 'database', description: 'Headscale database and private keys (db.sqlite, noise_private.key)', declaredVolume: false, applicationData: true }] }],
  },
  {
    id: 'technitium-dns',
    name: 'Technitium DNS Server',
    images: ['technitium/dns-server'],
    source: 'https://github.com/TechnitiumSoftware/DnsServer/blob/master/Dockerfile',
    notes: 'Current images start with /etc/dns as their configuration folder (`CMD ["/etc/dns"]`) and declare no VOLUME: zones, settings, logs and the DHCP leases are there. Older images declared VOLUME /etc/dns/config; a volume left there by the old compose file keeps only part of it.',
    variants: [{ paths: [{ path: '/etc/dns', kind: 'config-state', description: 'Technitium DNS configuration (zones, settings, DHCP leases)', declaredVolume: false }] }],
  },
  {
    id: 'kylemanna-openvpn',
    name: 'OpenVPN (kylemanna)',
    images: ['kylemanna/openvpn'],
    source: 'https://github.com/kylemanna/docker-openvpn/blob/master/Dockerfile',
    notes: 'The image declares VOLUME /etc/openvpn: the server configuration and the whole PKI, CA private key included.',
    variants: [{ paths: [{ path: '/etc/openvpn', kind: 'config-state', description: 'OpenVPN configuration and PKI (CA key, server and client certificates)', declaredVolume: true }] }],
  },
  {
    id: 'bind9',
    name: 'BIND 9 (ISC)',
    images: ['internetsystemsconsortium/bind9'],
    source: 'https://gitlab.isc.org/isc-projects/bind9-docker/-/blob/main/Dockerfile',
    notes: 'The image declares VOLUME /etc/bind, /var/cache/bind and /var/lib/bind: the working directory (managed keys, secondary zones, DNSSEC keys) and dynamic zones with their journals.',
    variants: [
      {
        paths: [
          { path: '/var/cache/bind', kind: 'config-state', description: 'BIND working directory (managed keys, secondary zones, DNSSEC keys)', declaredVolume: true },
          { path: '/var/lib/bind', kind: 'database', description: 'BIND dynamic zones and journals', declaredVolume: true, applicationData: true },
        ],
      },
    ],
  },
  {
    id: 'prestashop',
    name: 'PrestaShop',
    images: ['prestashop/prestashop'],
    source: 'https://devdocs.prestashop-project.org/9/basics/installation/environments/docker/',
    notes: 'The image declares no VOLUME; its start script copies the shop into /var/www/html on first start, and the product images, uploads, modules, themes and app/config/parameters.php stay there.',
    variants: [{ paths: [{ path: '/var/www/html', kind: 'uploads', description: 'PrestaShop files (product images, uploads, modules, configuration)', declaredVolume: false }] }],
  },
  {
    id: 'bookstack-solidnerd',
    name: 'BookStack (solidnerd)',
    images: ['solidnerd/bookstack'],
    source: 'https://github.com/solidnerd/docker-bookstack/blob/master/Dockerfile',
    notes: 'The image declares VOLUME /var/www/bookstack/public/uploads (images) and /var/www/bookstack/storage/uploads (attachments).',
    variants: [
      {
        paths: [
          { path: '/var/www/bookstack/public/uploads', kind: 'uploads', description: 'BookStack uploaded images', declaredVolume: true },
          { path: '/var/www/bookstack/storage/uploads', kind: 'uploads', description: 'BookStack attachments', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'xwiki',
    name: 'XWiki',
    images: ['xwiki'],
    source: 'https://github.com/xwiki/xwiki-docker/blob/master/17/postgres-tomcat/Dockerfile',
    notes: 'The image declares VOLUME /usr/local/xwiki, its permanent directory: attachments, installed extensions, the Solr index and logs.',
    variants: [{ paths: [{ path: '/usr/local/xwiki', kind: 'uploads', description: 'XWiki permanent directory (attachments, extensions, search index)', declaredVolume: true }] }],
  },
  {
    id: 'jitsi-prosody',
    name: 'Jitsi Meet Prosody',
    images: ['jitsi/prosody'],
    source: 'https://github.com/jitsi/docker-jitsi-meet/blob/master/docker-compose.yml',
    versionPattern: 'stable-(\\d+)',
    notes:
      'The entrypoint re-registers the service accounts (focus, jvb, jibri, jigasi) and regenerates certificates on every start; only the users created with `prosodyctl register` for internal authentication (`ENABLE_AUTH=1`, `AUTH_TYPE=internal`) are lost with the data directory. ' +
      "Current releases (from about stable-11146) keep Prosody's data in /var/lib/prosody, which the project's compose file mounts; older ones kept it in /config/data under the image's VOLUME /config, and releases in between in /run, which no volume keeps. " +
      'Authentication is off unless `ENABLE_AUTH` is 1 (env.example leaves it commented out): only then, and with internal authentication, is the path checked. The project mounts it from its CONFIG folder, as documented: not a database-on-bind-mount case.',
    variants: [
      {
        versions: { min: '11146' },
        paths: [{ path: '/var/lib/prosody', kind: 'database', description: 'Prosody data (internal-auth user accounts, rosters)', declaredVolume: false, applicationData: true, when: PROSODY_INTERNAL_AUTH, misplacedTargets: ['/config/data'] }],
      },
      { paths: [{ path: '/config', kind: 'database', description: 'Prosody configuration and data (/config/data: internal-auth user accounts)', declaredVolume: true, applicationData: true, when: PROSODY_INTERNAL_AUTH }] },
    ],
  },
  {
    id: 'vikunja-api',
    name: 'Vikunja API (legacy split image)',
    images: ['vikunja/api'],
    source: 'https://vikunja.io/docs/full-docker-example',
    notes:
      'The legacy API image runs from /app/vikunja (VIKUNJA_SERVICE_ROOTPATH=/app/vikunja/). Attachments and backgrounds go to /app/vikunja/files; releases up to about 0.20 declared VOLUME there, the last ones do not. ' +
      'The SQLite database defaults to ./vikunja.db, next to the binary in /app/vikunja, where no volume can go: it is not reported at that default. Set `VIKUNJA_DATABASE_PATH` to a file in a folder of its own (/db/vikunja.db) and mount that folder; that folder is checked.',
    variants: [
      {
        paths: [
          {
            path: '/app/vikunja/files',
            kind: 'uploads',
            description: 'Vikunja files (task attachments, project backgrounds, avatars)',
            declaredVolume: false,
            env: ['VIKUNJA_FILES_BASEPATH'],
            when: { notEnv: ['VIKUNJA_SERVICE_ROOTPATH', 'VIKUNJA_FILES_S3_ENDPOINT'], description: 'not when `VIKUNJA_SERVICE_ROOTPATH` moves it or S3 storage (`VIKUNJA_FILES_S3_ENDPOINT`) is configured' },
          },
          {
            path: '/db',
            kind: 'database',
            description: 'Vikunja SQLite database',
            declaredVolume: false,
            env: ['VIKUNJA_DATABASE_PATH'],
            fileValue: true,
            onlyWhenSet: true,
            when: { notEnv: ['VIKUNJA_DATABASE_HOST'], description: 'only with the SQLite database (no `VIKUNJA_DATABASE_HOST`)' },
          },
        ],
      },
    ],
  },
  {
    id: 'kestra',
    name: 'Kestra',
    images: ['kestra/kestra'],
    source: 'https://kestra.io/docs/installation/docker',
    notes:
      'The image declares no VOLUME and runs from /app. `kestra server local` keeps its H2 database and its internal storage in data/ under the working directory (/app/data, LocalCommand); the other server modes keep flows and executions in the configured database ' +
      "and files in the internal storage `KESTRA_CONFIGURATION` names (`kestra.storage.local.base-path`, /app/storage in the project's compose file). /tmp/kestra-wd is the tasks' scratch directory, not state.",
    variants: [
      {
        paths: [
          { path: '/app/data', kind: 'database', description: 'Kestra local server data (H2 database, internal storage)', declaredVolume: false, applicationData: true, when: { args: ['server', 'local'], description: 'only for `kestra server local`' } },
          {
            path: '/app/storage',
            kind: 'uploads',
            description: 'Kestra internal storage (execution inputs and outputs, namespace files)',
            declaredVolume: false,
            embeddedIn: { env: 'KESTRA_CONFIGURATION', patterns: ['base-path:\\s*["\']?(/[^"\'\\s]+)', 'basePath:\\s*["\']?(/[^"\'\\s]+)'] },
            when: {
              notEnvValue: { KESTRA_CONFIGURATION: 'storage:\\s+type:\\s*["\']?(?:s3|gcs|azure|minio)\\b' },
              mounted: ['/app/storage'],
              description: 'only with local storage named in `KESTRA_CONFIGURATION` (or a mount at /app/storage)',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'mlflow',
    name: 'MLflow tracking server',
    images: ['mlflow/mlflow'],
    source: 'https://github.com/mlflow/mlflow/blob/master/docker/Dockerfile',
    notes:
      'The image is python-slim with mlflow installed and no WORKDIR, VOLUME or command: `mlflow server` run in it keeps its stores relative to /. Since 3.7 the default backend store is sqlite:///mlflow.db, a file directly in /, which no volume can hold: ' +
      'it is not reported (set `--backend-store-uri sqlite:////mlflow/mlflow.db` and mount /mlflow); earlier releases use the ./mlruns file store (/mlruns). Served artifacts go to ./mlartifacts (/mlartifacts) unless `--artifacts-destination` names another place. ' +
      'A `--backend-store-uri` or `MLFLOW_BACKEND_STORE_URI` (a URI, which vsafe does not follow) means the user chose the store.',
    variants: [
      { versions: { min: '3.7' }, paths: [MLFLOW_ARTIFACTS] },
      {
        paths: [
          {
            path: '/mlruns',
            kind: 'database',
            description: 'MLflow file store (experiments, runs, metrics)',
            declaredVolume: false,
            when: {
              anyArgs: ['server', 'ui'],
              notArgs: ['^--backend-store-uri'],
              notEnv: ['MLFLOW_BACKEND_STORE_URI'],
              description: 'only for `mlflow server` without `--backend-store-uri` / `MLFLOW_BACKEND_STORE_URI`',
            },
          },
          MLFLOW_ARTIFACTS,
        ],
      },
    ],
  },
  {
    id: 'formbricks',
    name: 'Formbricks',
    images: ['formbricks/formbricks'],
    source: 'https://github.com/formbricks/formbricks/blob/main/apps/web/Dockerfile',
    notes:
      'Surveys and responses live in the PostgreSQL service. The image declares VOLUME /home/nextjs/apps/web/uploads/ for uploaded files (used unless S3 storage is configured; `S3_BUCKET_NAME`, from the documentation) ' +
      'and VOLUME /home/nextjs/apps/web/saml-connection for a preloaded SAML connection (read, not written).',
    variants: [
      {
        paths: [
          {
            path: '/home/nextjs/apps/web/uploads',
            kind: 'uploads',
            description: 'Formbricks uploads (files attached to responses, survey images, logos)',
            declaredVolume: true,
            when: { notEnv: ['S3_BUCKET_NAME'], description: 'not with S3 storage (`S3_BUCKET_NAME`)' },
          },
        ],
      },
    ],
  },
  {
    id: 'karakeep',
    name: 'Karakeep (Hoarder)',
    images: ['karakeep-app/karakeep', 'hoarder-app/hoarder', 'hoarder-app/hoarder-web', 'hoarder-app/hoarder-workers'],
    source: 'https://github.com/karakeep-app/karakeep/blob/main/docker/docker-compose.yml',
    notes:
      "The image declares no VOLUME. `DATA_DIR` (/data in the project's compose file) holds the SQLite database and the assets (screenshots, archives, uploaded images) under assets/; it has no default in the image, so it is reported only where set. " +
      '`ASSETS_DIR` moves the assets and S3 storage (`ASSET_STORE_S3_ENDPOINT`) replaces them; `DATABASE_DIALECT=postgresql` moves the database to PostgreSQL.',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Karakeep data directory (SQLite database, bookmark assets)', declaredVolume: false, applicationData: true, env: ['DATA_DIR'], onlyWhenSet: true }] }],
  },
  {
    id: 'invoiceninja',
    name: 'Invoice Ninja (Alpine image)',
    images: ['invoiceninja/invoiceninja'],
    source: 'https://github.com/invoiceninja/dockerfiles/blob/master/alpine/5/Dockerfile',
    notes:
      'Invoices, clients and payments live in the MySQL service. The image declares no VOLUME: its entrypoint moves the storage and public folders baked at /var/www/app/docker-backup-* into /var/www/app/storage and /var/www/app/public on first start (or copies missing parts into mounted ones). ' +
      'storage/ holds uploaded documents, generated PDFs, logos and logs; public/ is recreated from the image and is not reported.',
    variants: [{ paths: [{ path: '/var/www/app/storage', kind: 'uploads', description: 'Invoice Ninja storage (documents, logos, generated PDFs, logs)', declaredVolume: false }] }],
  },
  {
    id: 'invoiceninja-debian',
    name: 'Invoice Ninja (Debian image)',
    images: ['invoiceninja/invoiceninja-debian'],
    source: 'https://github.com/invoiceninja/dockerfiles/blob/master/debian/Dockerfile',
    notes:
      'Invoices, clients and payments live in the MySQL service. The image declares no VOLUME. Current images are built on FrankenPHP and run from /app (uploads and logos in /app/storage); earlier ones ran php-fpm from /var/www/html with storage on a named volume shared with nginx. ' +
      'Both eras are tagged 5.x, so a mount at /var/www/html/storage is accepted too.',
    variants: [{ paths: [{ path: '/app/storage', kind: 'uploads', description: 'Invoice Ninja storage (documents, logos, generated PDFs, logs)', declaredVolume: false, alternatives: ['/var/www/html/storage'] }] }],
  },
  {
    id: 'frankenphp',
    name: 'FrankenPHP',
    images: ['dunglas/frankenphp'],
    source: 'https://github.com/php/frankenphp/blob/main/Dockerfile',
    notes:
      'Like Caddy, the image sets XDG_DATA_HOME=/data and XDG_CONFIG_HOME=/config and declares no VOLUME: without a mount the certificates, ACME account keys and the local CA in /data are recreated, and rate limits apply. /config only holds the autosaved JSON config. ' +
      'Images built FROM dunglas/frankenphp inherit it.',
    variants: [{ paths: [{ path: '/data', kind: 'config-state', description: 'Caddy data directory (TLS certificates, private keys, ACME accounts, local CA)', declaredVolume: false, env: ['XDG_DATA_HOME'] }] }],
  },
  {
    id: 'netmaker',
    name: 'Netmaker server',
    images: ['gravitl/netmaker'],
    source: 'https://github.com/gravitl/netmaker/blob/master/database/sqlite.go',
    notes:
      "The image runs from /root with no VOLUME; with the default SQLite database it keeps networks, nodes, keys and users in data/netmaker.db under the working directory (/root/data, which the project's compose file mounts). " +
      '`DATABASE=postgres` or `rqlite` (a setting name not checked in the source) moves them to that database.',
    variants: [
      {
        paths: [
          {
            path: '/root/data',
            kind: 'database',
            description: 'Netmaker SQLite database (networks, nodes, access keys, users)',
            declaredVolume: false,
            when: { notEnvValue: { DATABASE: '^(?:postgres|rqlite)$' }, description: 'only with the SQLite database (`DATABASE` unset or sqlite)' },
          },
        ],
      },
    ],
  },
  {
    id: 'emby',
    name: 'Emby Server',
    images: ['emby/embyserver', 'emby/embyserver_arm64v8', 'emby/embyserver_arm32v7'],
    source: 'https://hub.docker.com/r/emby/embyserver',
    notes: 'Emby keeps its program data (library database, users, metadata, plugins, configuration) in /config, which the image documentation mounts; whether the image declares a VOLUME there is not known. lscr.io/linuxserver/emby is covered by the linuxserver.io entry.',
    variants: [{ paths: [{ path: '/config', kind: 'database', description: 'Emby program data (library database, users, metadata, plugins)', declaredVolume: false, applicationData: true }] }],
  },
  {
    id: 'hapi-fhir',
    name: 'HAPI FHIR JPA server',
    images: ['hapiproject/hapi'],
    source: 'https://github.com/hapifhir/hapi-fhir-jpaserver-starter/blob/master/src/main/resources/application.yaml',
    notes:
      "The bundled application.yaml uses an H2 file database at ./target/database/h2 (and Lucene files in target/lucenefiles); the distroless image works in /app and declares no VOLUME, so the whole FHIR store is in /app/target. " +
      '`SPRING_DATASOURCE_URL` (another database) or `SPRING_CONFIG_LOCATION` (a configuration of its own) is taken as the user choosing the store. The `*-tomcat` tags run from another folder and are not modelled.',
    variants: [
      { tags: 'tomcat', paths: [] },
      {
        paths: [
          {
            path: '/app/target',
            kind: 'database',
            description: 'HAPI FHIR H2 database and search index',
            declaredVolume: false,
            // A folder named target is usually build output (scratch), but here it is the database.
            scratch: true,
            when: { notEnv: ['SPRING_DATASOURCE_URL', 'SPRING_CONFIG_LOCATION'], description: 'only with the bundled H2 database (no `SPRING_DATASOURCE_URL` or `SPRING_CONFIG_LOCATION`)' },
          },
        ],
      },
    ],
  },
  {
    id: 'orthanc',
    name: 'Orthanc (DICOM server)',
    images: ['orthancteam/orthanc', 'osimis/orthanc', 'jodogne/orthanc', 'jodogne/orthanc-plugins', 'jodogne/orthanc-python'],
    source: 'https://github.com/orthanc-server/orthanc-builder/blob/master/docker/orthanc/orthanc-defaults.json',
    notes:
      'The images declare no VOLUME; StorageDirectory /var/lib/orthanc/db holds every received DICOM file and, unless a PostgreSQL, MySQL or ODBC index is configured, the SQLite index too. ' +
      '`ORTHANC__STORAGE_DIRECTORY` (orthancteam/osimis images map `ORTHANC__*` variables to configuration keys) moves it. A StorageDirectory in a JSON file under /etc/orthanc is not read: with a mount there, or an image built on Orthanc (which may copy one in, as the alt-storage-dir sample does), the path is not checked.',
    variants: [
      {
        paths: [
          {
            path: '/var/lib/orthanc/db',
            kind: 'database',
            description: 'Orthanc storage (DICOM files, SQLite index)',
            declaredVolume: false,
            env: ['ORTHANC__STORAGE_DIRECTORY'],
            when: { configuredIn: ['/etc/orthanc'], description: 'not with configuration files mounted in /etc/orthanc, nor for an image built on Orthanc' },
          },
        ],
      },
    ],
  },
  {
    id: 'maybe',
    name: 'Maybe / Sure (personal finance)',
    images: ['maybe-finance/maybe', 'we-promise/sure'],
    source: 'https://github.com/we-promise/sure/blob/main/compose.example.yml',
    notes:
      'The Rails image works in /rails and declares no VOLUME; Active Storage uses the local disk service under /rails/storage unless `ACTIVE_STORAGE_SERVICE` names another. ' +
      'The Sidekiq worker (same image, `bundle exec sidekiq`) writes exports and reads imports there too, so it needs the same volume as the web service.',
    variants: [
      {
        paths: [
          {
            path: '/rails/storage',
            kind: 'uploads',
            description: 'Active Storage files (uploads, imports, exports)',
            declaredVolume: false,
            when: { notEnvValue: { ACTIVE_STORAGE_SERVICE: '^(?!local$).+$' }, description: 'only with the local Active Storage service' },
          },
        ],
      },
    ],
  },
  {
    id: 'openemr',
    name: 'OpenEMR',
    images: ['openemr/openemr'],
    source: 'https://github.com/openemr/openemr-devops/blob/master/docker/openemr/7.0.3/Dockerfile',
    notes:
      'The image declares VOLUME /etc/letsencrypt/ and /etc/ssl (the certbot account and certificates, generated self-signed keys). sites/ holds sqlconf.php and the patient documents and has no VOLUME. ' +
      'Patient records themselves live in the MySQL service.',
    variants: [
      {
        paths: [
          { path: '/var/www/localhost/htdocs/openemr/sites', kind: 'uploads', description: 'OpenEMR sites directory (sqlconf.php, patient documents)', declaredVolume: false },
          { path: '/etc/letsencrypt', kind: 'config-state', description: "Let's Encrypt account and certificates", declaredVolume: true },
          { path: '/etc/ssl', kind: 'config-state', description: 'TLS certificates and keys', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'dolibarr',
    name: 'Dolibarr',
    images: ['dolibarr/dolibarr', 'tuxgasy/dolibarr'],
    source: 'https://github.com/Dolibarr/dolibarr-docker/blob/main/images/24.0.2-php8.2/Dockerfile',
    notes: 'The image declares VOLUME /var/www/documents (generated PDFs, attachments, backups) and /var/www/html/custom (installed modules). A cron service (`DOLI_CRON=1`) writes documents too and needs the same volumes as the web service.',
    variants: [
      {
        paths: [
          { path: '/var/www/documents', kind: 'uploads', description: 'Dolibarr documents (generated PDFs, attachments, backups)', declaredVolume: true },
          { path: '/var/www/html/custom', kind: 'config-state', description: 'Dolibarr custom modules', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'openstreetmap-tile-server',
    name: 'OpenStreetMap tile server (overv)',
    images: ['overv/openstreetmap-tile-server'],
    source: 'https://github.com/Overv/openstreetmap-tile-server/blob/master/README.md',
    notes:
      'From 2.x (PR #261) the image keeps the imported PostgreSQL database in /data/database (with /var/lib/postgresql/<major>/main a symlink into it) and rendered tiles in /data/tiles, and declares no VOLUME. ' +
      'A volume at /var/lib/postgresql/12/main (the 1.x layout, PostgreSQL 12) holds nothing on current tags. 1.x tags are not modelled.',
    variants: [
      {
        versions: { min: '2' },
        paths: [
          { path: '/data/database', kind: 'database', description: 'OSM PostgreSQL database (the imported extract, flat nodes)', declaredVolume: false, misplacedTargets: ['/var/lib/postgresql/12/main'] },
          { path: '/data/tiles', kind: 'cache', description: 'rendered tiles', declaredVolume: false, misplacedTargets: ['/var/lib/mod_tile'] },
        ],
      },
      { paths: [] },
    ],
  },
  {
    id: 'kartoza-geoserver',
    name: 'GeoServer (kartoza)',
    images: ['kartoza/geoserver'],
    source: 'https://github.com/kartoza/docker-geoserver/blob/develop/.env',
    notes: "The catalog (workspaces, stores, layers, styles, security) lives in `GEOSERVER_DATA_DIR`, /opt/geoserver/data_dir in the project's .env and compose file.",
    variants: [{ paths: [{ path: '/opt/geoserver/data_dir', kind: 'config-state', description: 'GeoServer data directory (catalog, styles, security)', declaredVolume: false, env: ['GEOSERVER_DATA_DIR'] }] }],
  },
  {
    id: 'lncm-bitcoind',
    name: 'Bitcoin Core (lncm)',
    images: ['lncm/bitcoind'],
    source: 'https://github.com/lncm/docker-bitcoind/blob/master/25.0/Dockerfile',
    notes: 'The image (ARG DIR=/data) declares VOLUME /data/.bitcoin/: the block chain (days to sync) and any wallet. `-datadir` moves it.',
    variants: [{ paths: [{ path: '/data/.bitcoin', kind: 'database', description: 'Bitcoin Core data directory (block chain, chainstate, wallets)', declaredVolume: true, flags: ['-datadir', '--datadir'] }] }],
  },
  {
    id: 'monerod',
    name: 'Monero daemon (simple-monerod)',
    images: ['sethsimmons/simple-monerod', 'sethforprivacy/simple-monerod', 'btcpayserver/monero'],
    source: 'https://github.com/sethforprivacy/simple-monerod-docker/blob/main/Dockerfile',
    notes:
      'The image creates /home/monero/.bitmonero and declares no VOLUME: the block chain (about 100 GB, days to sync) is in the container layer without a mount. ' +
      "A service that runs monero-wallet-rpc from the same image (BTCPay's monerod_wallet) keeps its wallet where `--wallet-file` / `--wallet-dir` says instead, and is not reported.",
    variants: [
      {
        paths: [
          {
            path: '/home/monero/.bitmonero',
            kind: 'database',
            description: 'monerod data directory (block chain)',
            declaredVolume: false,
            flags: ['--data-dir'],
            when: { notArgs: ['(?:^|/)monero-wallet-rpc$', '(?:^|/)monero-wallet-cli$'], description: 'only when monerod runs (not monero-wallet-rpc)' },
          },
        ],
      },
    ],
  },
  {
    id: 'geth',
    name: 'Go Ethereum (geth)',
    images: ['ethereum/client-go'],
    source: 'https://github.com/ethereum/go-ethereum/blob/master/Dockerfile',
    notes: 'The image declares no VOLUME and runs `geth` as root: the chain data, node key and keystore are in /root/.ethereum unless `--datadir` (in `command:` or `entrypoint:`) moves them. `--dev` without `--datadir` keeps everything in memory.',
    variants: [{ paths: [{ path: '/root/.ethereum', kind: 'database', description: 'geth data directory (chain data, node key, keystore)', declaredVolume: false, flags: ['--datadir', '-datadir'], when: { notArgs: ['^--dev$'], description: 'not with `--dev`' } }] }],
  },
  {
    id: 'lnd',
    name: 'Lightning Network Daemon (lnd)',
    images: ['lightninglabs/lnd'],
    source: 'https://github.com/lightningnetwork/lnd/blob/master/Dockerfile',
    notes:
      'The image declares VOLUME /root/.lnd: the wallet, channel.db and macaroons (losing them can lose funds). lnd keeps them in $HOME/.lnd, which vsafe does not follow: ' +
      "with `HOME` set (Umbrel's `HOME: /data` with a mount at /data/.lnd) the path is not reported. `--lnddir` moves it.",
    variants: [
      {
        paths: [
          {
            path: '/root/.lnd',
            kind: 'database',
            description: 'lnd data directory (wallet, channel database, macaroons, TLS keys)',
            declaredVolume: true,
            flags: ['--lnddir'],
            when: { notEnv: ['HOME'], description: 'not when `HOME` moves it' },
          },
        ],
      },
    ],
  },
  {
    id: 'btcpayserver-lnd',
    name: 'lnd (BTCPay Server build)',
    images: ['btcpayserver/lnd'],
    source: 'https://github.com/btcpayserver/lnd',
    notes: "BTCPay's build sets LND_DATA=/data, links /root/.lnd to it and declares VOLUME /data: the wallet, channel.db and macaroons (losing them can lose funds). A mount at /root/.lnd lands in /data through the link.",
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'lnd data directory (wallet, channel database, macaroons, TLS keys)', declaredVolume: true, alternatives: ['/root/.lnd'] }] }],
  },
  {
    id: 'ocis',
    name: 'ownCloud Infinite Scale',
    images: ['owncloud/ocis', 'owncloud/ocis-rolling'],
    source: 'https://github.com/owncloud/ocis/blob/master/ocis/docker/Dockerfile.linux.amd64',
    notes:
      'The image declares VOLUME /var/lib/ocis and /etc/ocis (WORKDIR /var/lib/ocis). /var/lib/ocis holds the user files with the embedded identity store, NATS and search data; `ocis init` writes /etc/ocis/ocis.yaml with the generated secrets, without which the data is unreadable. ' +
      'The project\'s ocis.yml mounts both. A single service run from the image (`ocis collaboration server`) keeps no files.',
    variants: [
      {
        paths: [
          { path: '/var/lib/ocis', kind: 'uploads', description: 'oCIS data (user files, identity store, search index)', declaredVolume: true, env: ['OCIS_BASE_DATA_PATH'], when: { notArgs: ['^collaboration$'] } },
          { path: '/etc/ocis', kind: 'config-state', description: 'oCIS configuration (ocis.yaml with the generated secrets)', declaredVolume: true, env: ['OCIS_CONFIG_DIR'] },
        ],
      },
    ],
  },
  {
    id: 'shlink',
    name: 'Shlink',
    images: ['shlinkio/shlink'],
    source: 'https://shlink.io/documentation/install-docker-image/',
    notes: 'The image declares no VOLUME (WORKDIR /etc/shlink). Without `DB_DRIVER` it uses an internal SQLite database in /etc/shlink/data (short URLs, visits), next to the GeoLite database and locks.',
    variants: [{ paths: [{ path: '/etc/shlink/data', kind: 'database', description: 'Shlink data (SQLite database of short URLs and visits)', declaredVolume: false, when: { notEnvValue: { DB_DRIVER: '^(?:mysql|maria|postgres|mssql)$' } } }] }],
  },
  {
    id: 'stirling-pdf',
    name: 'Stirling-PDF',
    images: ['stirlingtools/stirling-pdf', 'frooodle/s-pdf'],
    source: 'https://github.com/Stirling-Tools/Stirling-PDF/blob/main/Dockerfile',
    notes: 'The image declares no VOLUME. /configs holds settings.yml and, with login enabled (`DOCKER_ENABLE_SECURITY`, `SECURITY_ENABLELOGIN`), the H2 user database (`jdbc:h2:file:./configs/stirling-pdf-DB-…`).',
    variants: [{ paths: [{ path: '/configs', kind: 'config-state', description: 'Stirling-PDF settings and user database (settings.yml, H2 database with login)', declaredVolume: false }] }],
  },
  {
    id: 'apache-answer',
    name: 'Apache Answer',
    images: ['apache/answer', 'answerdev/answer'],
    source: 'https://github.com/apache/incubator-answer/blob/main/Dockerfile',
    notes: 'The image declares VOLUME /data: conf/config.yaml written by the installer, uploaded files (upfiles) and the SQLite database when the installer chose it. The project\'s compose file mounts it.',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Answer data (config.yaml, uploads, SQLite database)', declaredVolume: true }] }],
  },
  {
    id: 'ntfy',
    name: 'ntfy',
    images: ['binwiederhier/ntfy'],
    source: 'https://docs.ntfy.sh/install/#docker',
    notes: 'The image declares no VOLUME, and by default ntfy keeps messages in memory. The message cache (`--cache-file`, NTFY_CACHE_FILE) and the user database (`--auth-file`, NTFY_AUTH_FILE) are files wherever they are set: their folders are checked. A server.yml can set them too, which vsafe does not read.',
    variants: [
      {
        paths: [
          { path: '/var/cache/ntfy', kind: 'database', description: 'ntfy message cache (queued messages for delivery)', declaredVolume: false, env: ['NTFY_CACHE_FILE'], flags: ['--cache-file'], fileValue: true, onlyWhenSet: true },
          { path: '/var/lib/ntfy', kind: 'database', description: 'ntfy user database (accounts, access control, tokens)', declaredVolume: false, env: ['NTFY_AUTH_FILE'], flags: ['--auth-file'], fileValue: true, onlyWhenSet: true },
        ],
      },
    ],
  },
];
