import { runRuleTests } from '../helpers/rule-tester';

runRuleTests('secret-bind-mount', {
  valid: [
    { name: "lists of words are public data: oCIS's banned-password-list.txt", code: 'services:\n  ocis:\n    image: owncloud/ocis:7\n    volumes:\n      - ./config/ocis/banned-password-list.txt:/etc/ocis/banned-password-list.txt # passwords users may not choose\n' },
    { name: 'host system files hold no secret of the project: /dev/null as a placeholder, /etc/passwd and /etc/group', code: 'services:\n  netdata:\n    image: netdata/netdata:v2\n    volumes:\n      - /etc/passwd:/host/etc/passwd:ro\n      - /etc/group:/host/etc/group:ro\n  rundeck:\n    image: rundeck/rundeck:5.0.0\n    volumes:\n      - ${RUNDECK_LICENSE_FILE:-/dev/null}:/home/rundeck/etc/rundeckpro-license.key\n' },
    { name: 'Diffie-Hellman parameters are public', code: 'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./dhparams4096.pem:/etc/nginx/dhparams4096.pem:ro\n      - ./ssl/dhparam.pem:/etc/ssl/dhparam.pem:ro\n' },
    { name: 'a compose secret', code: 'services:\n  app:\n    image: acme/app\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./db_password.txt\n' },
    { name: 'example files and public keys', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./.env.example:/app/.env.example\n      - ./id_rsa.pub:/root/.ssh/id_rsa.pub:ro\n' },
    {
      name: 'a folder of secrets, or a public certificate named as such, wherever it lands (Zabbix mounts .ZBX_DB_CA_FILE at /run/secrets/root-ca.pem)',
      code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./secrets:/run/secrets/app:ro\n      - ./server.crt:/run/secrets/server.pem:ro\n      - ./env_vars/.ZBX_DB_CA_FILE:/run/secrets/root-ca.pem:ro\n      - ./env_vars/.ZBX_DB_CERT_FILE:/run/secrets/server-cert.pem:ro\n      - ./.TLS:/run/secrets/tls.crt:ro\n',
    },
    { name: 'a folder of secrets at /run/secrets', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./secrets:/run/secrets:ro\n' },
    { name: 'code about tokens and folders named like secrets', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./token_refresher.py:/app/token_refresher.py:ro\n      - ./secret-service:/srv/app\n' },
    {
      name: 'certificates in .pem files are public',
      code: 'services:\n  proxy:\n    image: nginx\n    volumes:\n      - ./certs/fullchain.pem:/etc/nginx/fullchain.pem:ro\n      - ./ca.pem:/etc/ssl/ca.pem:ro\n      - ./tls/server-cert.pem:/etc/ssl/server-cert.pem:ro\n      - ./tls/ca-bundle.pem:/etc/ssl/ca-bundle.pem:ro\n',
    },
    { name: 'ordinary config', code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./app.conf:/etc/app.conf:ro\n' },
  ],
  invalid: [
    {
      name: 'a key in a volume list another service aliases (`volumes: *appvolumes`): reported once, and every service sharing the list gets the secret',
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes: &appvolumes\n      # deploy key\n      - ./id_rsa:/var/www/.ssh/id_rsa\n      # code\n      - appdata:/var/www/html\n  php:\n    image: php:8.3-fpm\n    volumes: *appvolumes\nvolumes:\n  # code\n  appdata:\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 38, containerPath: '/var/www/.ssh/id_rsa', message: /^Services "web" and "php" bind-mount \.\/id_rsa \(an SSH private key\)/ }],
      output:
        'services:\n  web:\n    image: nginx:1.27\n    volumes: &appvolumes\n      # code\n      - appdata:/var/www/html\n    secrets:\n      # deploy key\n      - source: id_rsa\n        target: /var/www/.ssh/id_rsa\n  php:\n    image: php:8.3-fpm\n    volumes: *appvolumes\n    secrets:\n      # deploy key\n      - source: id_rsa\n        target: /var/www/.ssh/id_rsa\nvolumes:\n  # code\n  appdata:\n\nsecrets:\n  id_rsa:\n    file: ./id_rsa\n',
    },
    {
      name: 'a source with a `${VAR:-default}`: the secret keeps the whole source as written',
      code: 'services:\n  app:\n    image: acme/app:1\n    volumes:\n      - ${KEY_FILE:-./tls/server.key}:/etc/app/server.key\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 58, containerPath: '/etc/app/server.key' }],
      output: 'services:\n  app:\n    image: acme/app:1\n    secrets:\n      - source: server_key\n        target: /etc/app/server.key\n\nsecrets:\n  server_key:\n    file: "${KEY_FILE:-./tls/server.key}"\n',
    },
    {
      name: 'a key file whose own name says nothing, mounted as an SSH key (`id_rsa`): judged by where it lands',
      code: 'services:\n  companion:\n    image: docker:cli\n    volumes:\n      - ./ha-ssh-key:/root/.ssh/id_rsa:ro\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 42, containerPath: '/root/.ssh/id_rsa', message: /bind-mounts \.\/ha-ssh-key \(an SSH private key\) at \/root\/\.ssh\/id_rsa/ }],
      output: 'services:\n  companion:\n    image: docker:cli\n    secrets:\n      - source: ha-ssh-key\n        target: /root/.ssh/id_rsa\n\nsecrets:\n  ha-ssh-key:\n    file: ./ha-ssh-key\n',
    },
    {
      name: 'a key mounted in a file the service extends: reported, but no fix (Compose does not import that file\'s top-level secrets:)',
      files: {
        'compose.yaml': 'services:\n  db:\n    extends:\n      file: databases.yaml\n      service: postgres\n',
        'databases.yaml': 'services:\n  postgres:\n    image: postgres:16\n    volumes:\n      # the database\n      - pg:/var/lib/postgresql/data\n      # TLS key\n      - ./tls/server.key:/run/secrets/server.key:ro\n',
      },
      lint: ['compose.yaml'],
      errors: [{ file: 'databases.yaml', line: 8, column: 9, endLine: 8, endColumn: 52, containerPath: '/run/secrets/server.key' }],
    },
    {
      name: "a file whose name says nothing is judged by where it lands: Zabbix's .ZBX_DB_KEY_FILE at /run/secrets/server-key.pem",
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      # the database\n      - db:/var/lib/postgresql/data\n      # TLS\n      - ./.ZBX_DB_KEY_FILE:/run/secrets/server-key.pem:ro\n      - ./.DB_PASS:/run/secrets/db_pass:ro\nvolumes:\n  db:\n',
      errors: [
        { line: 8, column: 9, endLine: 8, endColumn: 58, containerPath: '/run/secrets/server-key.pem', message: /a private key/ },
        { line: 9, column: 9, endLine: 9, endColumn: 43, containerPath: '/run/secrets/db_pass', message: /a secret file/ },
      ],
      output:
        'services:\n  db:\n    image: postgres:16\n    volumes:\n      # the database\n      - db:/var/lib/postgresql/data\n    secrets:\n      # TLS\n      - source: ZBX_DB_KEY_FILE\n        target: /run/secrets/server-key.pem\n      - source: DB_PASS\n        target: /run/secrets/db_pass\nvolumes:\n  db:\n\nsecrets:\n  ZBX_DB_KEY_FILE:\n    file: ./.ZBX_DB_KEY_FILE\n  DB_PASS:\n    file: ./.DB_PASS\n',
    },
    {
      name: 'a key in an anchor two services merge: reported once naming both; the anchor loses the mount, both services get the secret, its comment goes along',
      code: 'x-tls: &tls\n  image: nginx\n  volumes:\n    # the TLS key\n    - ./certs/privkey.pem:/etc/nginx/privkey.pem:ro\n    - logs:/var/log/nginx\nservices:\n  a:\n    <<: *tls\n  b:\n    <<: *tls\nvolumes:\n  logs:\n',
      errors: [{ line: 5, column: 7, endLine: 5, endColumn: 52, service: 'a', containerPath: '/etc/nginx/privkey.pem', message: /^Services "a" and "b" bind-mount \.\/certs\/privkey\.pem/ }],
      output:
        'x-tls: &tls\n  image: nginx\n  volumes:\n    - logs:/var/log/nginx\nservices:\n  a:\n    <<: *tls\n    secrets:\n      # the TLS key\n      - source: privkey_pem\n        target: /etc/nginx/privkey.pem\n  b:\n    <<: *tls\n    secrets:\n      # the TLS key\n      - source: privkey_pem\n        target: /etc/nginx/privkey.pem\nvolumes:\n  logs:\n\nsecrets:\n  privkey_pem:\n    file: ./certs/privkey.pem\n',
    },
    {
      name: 'a key in .pem next to its certificate: only the key is reported',
      code: 'services:\n  proxy:\n    image: nginx\n    volumes:\n      - ./certs/fullchain.pem:/etc/nginx/fullchain.pem:ro\n      - ./certs/privkey.pem:/etc/nginx/privkey.pem:ro\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 54, service: 'proxy', containerPath: '/etc/nginx/privkey.pem', message: /\(a private key or certificate bundle\)/ }],
      output: 'services:\n  proxy:\n    image: nginx\n    volumes:\n      - ./certs/fullchain.pem:/etc/nginx/fullchain.pem:ro\n    secrets:\n      - source: privkey_pem\n        target: /etc/nginx/privkey.pem\n\nsecrets:\n  privkey_pem:\n    file: ./certs/privkey.pem\n',
    },
    {
      name: '.env becomes a secret kept at its path; read-write, it may be the application\'s to write (Laravel key:generate, setup wizards): offered by hand only',
      code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./.env:/app/.env\n      - data:/data\nvolumes:\n  data:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 25, severity: 'info', service: 'app', containerPath: '/app/.env', message: /bind-mounts \.\/\.env \(an environment file\) at \/app\/\.env read-write\. .*keeps the file at \/app\/\.env .* \/run\/secrets\/env\./, fixes: ['Convert .env to a Compose secret "env" (kept at /app/.env, read-only from then on)'] }],
      output: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - data:/data\n    secrets:\n      - source: env\n        target: /app/.env\nvolumes:\n  data:\n\nsecrets:\n  env:\n    file: ./.env\n',
    },
    {
      name: 'the only mount: the volumes key is replaced by secrets; existing secrets section extended',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./secrets/db_password.txt:/run/pw/db_password:ro\nsecrets:\n  other:\n    file: ./other.txt\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 57, message: /\(a password file\)/ }],
      output: 'services:\n  db:\n    image: postgres:16\n    secrets:\n      - source: db_password\n        target: /run/pw/db_password\nsecrets:\n  other:\n    file: ./other.txt\n  db_password:\n    file: ./secrets/db_password.txt\n',
    },
    {
      name: 'a TLS key with long syntax, added to an existing secrets list',
      code: 'services:\n  proxy:\n    image: nginx\n    secrets:\n      - other\n    volumes:\n      - type: bind\n        source: ./tls/server.key\n        target: /etc/nginx/server.key\n        read_only: true\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\nsecrets:\n  other:\n    file: ./other.txt\n',
      errors: [{ line: 7, column: 9, endLine: 10, endColumn: 24, message: /private key/, fixes: ['preferred: Convert server.key to a Compose secret "server_key" (kept at /etc/nginx/server.key)'] }],
      output: 'services:\n  proxy:\n    image: nginx\n    secrets:\n      - other\n      - source: server_key\n        target: /etc/nginx/server.key\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\nsecrets:\n  other:\n    file: ./other.txt\n  server_key:\n    file: ./tls/server.key\n',
    },
    {
      name: 'the file path keeps its variables',
      files: { 'compose.yaml': 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ${KEYS_DIR}/jwt.pem:/app/jwt.pem:ro\n', '.env': 'KEYS_DIR=./keys\n' },
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 44 }],
      output: { 'compose.yaml': 'services:\n  app:\n    image: acme/app\n    secrets:\n      - source: jwt_pem\n        target: /app/jwt.pem\n\nsecrets:\n  jwt_pem:\n    file: "${KEYS_DIR}/jwt.pem"\n' },
    },
    {
      name: 'already at /run/secrets/<name> keeps the short form',
      code: 'services:\n  app:\n    image: acme/app\n    volumes:\n      - ./api_token:/run/secrets/api_token\n    environment:\n      TOKEN_FILE: /run/secrets/api_token\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 43, message: /Compose mounts it read-only at the same path, \/run\/secrets\/api_token/, fixes: ['Convert api_token to a Compose secret "api_token" (kept at /run/secrets/api_token, read-only from then on)'] }],
      output: 'services:\n  app:\n    image: acme/app\n    environment:\n      TOKEN_FILE: /run/secrets/api_token\n    secrets:\n      - api_token\n\nsecrets:\n  api_token:\n    file: ./api_token\n',
    },
  ],
});
