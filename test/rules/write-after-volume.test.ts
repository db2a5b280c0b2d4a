import { runRuleTests } from '../helpers/rule-tester';

const df = (text: string): Record<string, string> => ({ Dockerfile: text });

runRuleTests('write-after-volume', {
  valid: [
    { name: 'writes before the VOLUME', files: df('FROM debian:12\nRUN mkdir -p /data/app && chown -R 1000 /data\nCOPY seed/ /data/\nVOLUME /data\n') },
    { name: 'writes elsewhere after the VOLUME', files: df('FROM debian:12\nVOLUME /data\nRUN mkdir -p /srv/app && echo ok > /srv/app/ready\nCOPY . /srv/app\n') },
    { name: 'mkdir -p of the volume itself changes nothing', files: df('FROM debian:12\nVOLUME /data\nRUN mkdir -p /data\n') },
    { name: 'a path that only shares a prefix', files: df('FROM debian:12\nVOLUME /data\nRUN touch /database.db /data2/x\n') },
    { name: 'the VOLUME is in another stage', files: df('FROM debian:12 AS base\nVOLUME /data\n\nFROM debian:12\nRUN touch /data/x\n') },
    { name: 'writes into a RUN --mount target go to the mount', files: df('FROM node:20\nVOLUME /root/.npm\nRUN --mount=type=cache,target=/root/.npm npm ci\n') },
    { name: 'unknown variables are not guessed', files: df('FROM postgres:16\nVOLUME /var/lib/postgresql/data\nRUN mkdir -p "$PGDATA/conf.d" && cp x $HOME/y\n') },
    { name: 'relative writes with an unknown working directory', files: df('FROM node:20\nVOLUME /data\nRUN touch ready\n') },
    { name: 'redirects to /dev/null and reads are not writes', files: df('FROM debian:12\nVOLUME /data\nRUN cat /data/x > /dev/null 2>&1 && ls /data < /data/input\n') },
    { name: 'comments in a continued RUN are dropped, not parsed', files: df('FROM debian:12\nVOLUME /data\nRUN apt-get update \\\n    # then write /data/x? no\n    && apt-get install -y curl\n') },
    { name: 'a python heredoc is not shell', files: df('FROM python:3.12\nVOLUME /data\nRUN python3 <<EOF\nopen("/data/x", "w").write("hi")\nEOF\n') },
    { name: 'init scripts go where the base image reads them, not under its VOLUME', files: df('FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\nRUN mkdir -p /var/lib/postgresql/data\n') },
    { name: 'a base image the knowledge base does not know', files: df('FROM acme/base:1\nCOPY x /data/x\n') },
    { name: 'the rule can be turned off', files: df('FROM debian:12\nVOLUME /data\nRUN touch /data/x\n'), config: { rules: { 'write-after-volume': 'off' } } },
    { name: 'git -C clones elsewhere, not into the working directory', files: df('FROM alpine/git\nWORKDIR /data\nVOLUME /data\nRUN git -C /srv clone https://example.com/app.git\n') },
    { name: 'a chown of a parent without -R changes only the parent, not the volume', files: df('FROM debian:12\nVOLUME /srv/data\nRUN chown app /srv && chmod 755 /srv\n') },
    { name: 'a chmod -R elsewhere', files: df('FROM debian:12\nVOLUME /srv/data\nRUN chmod -R g+w /srv/app /srv/database\n') },
    { name: 'a Windows Dockerfile (escape=`) is not read as POSIX shell', files: df('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nVOLUME C:/data\nRUN echo x > C:/data/x\n') },
  ],
  invalid: [
    {
      name: 'COPY and ADD after VOLUME: kept in the image by every builder, an info without a fix',
      files: df('FROM alpine:3.20\nVOLUME /srv/app\nCOPY default.conf /srv/app/default.conf\nADD seed.tar.gz /srv/app/\n'),
      errors: [
        { file: 'Dockerfile', line: 3, column: 19, endLine: 3, endColumn: 40, severity: 'info', fixes: [], message: /^COPY writes \/srv\/app\/default\.conf after VOLUME \/srv\/app \(line 2\) declared it\. Every builder keeps/ },
        { file: 'Dockerfile', line: 4, column: 17, endLine: 4, endColumn: 26, severity: 'info', fixes: [], message: /^ADD writes \/srv\/app/ },
      ],
    },
    {
      name: 'a RUN that needs the directory the VOLUME creates (chown): the move is offered by hand only',
      files: df('FROM debian:12\nRUN useradd app\nVOLUME ["/data"]\nRUN chown -R app /data\nUSER app\n'),
      errors: [{ file: 'Dockerfile', line: 4, column: 18, endLine: 4, endColumn: 23, severity: 'warning', fixes: ['Move VOLUME /data below line 4 (create the directory before the writes first)'] }],
      output: { Dockerfile: 'FROM debian:12\nRUN useradd app\nRUN chown -R app /data\nVOLUME ["/data"]\nUSER app\n' },
    },
    {
      name: 'mkdir without -p below the volume needs the directory the VOLUME creates: offered by hand only',
      files: df('FROM debian:12\nVOLUME /data\nRUN mkdir /data/uploads && chown -R app /data\n'),
      errors: [
        { file: 'Dockerfile', line: 3, column: 11, endLine: 3, endColumn: 24, fixes: ['Move VOLUME /data below line 3 (create the directory before the writes first)'] },
        { file: 'Dockerfile', line: 3, column: 41, endLine: 3, endColumn: 46, fixes: ['Move VOLUME /data below line 3 (create the directory before the writes first)'] },
      ],
      output: { Dockerfile: 'FROM debian:12\nRUN mkdir /data/uploads && chown -R app /data\nVOLUME /data\n' },
    },
    {
      name: 'VOLUME $DATA with an ENV setting DATA again before the write: no move (it would declare another path)',
      files: df('FROM debian:12\nENV DATA=/srv/data\nVOLUME $DATA\nENV DATA=/srv/other\nRUN chown -R www-data /srv/data\n'),
      errors: [{ file: 'Dockerfile', line: 5, column: 23, endLine: 5, endColumn: 32, containerPath: '/srv/data', fixes: [] }],
    },
    {
      name: 'a WORKDIR before the VOLUME creates the directory: the move is preferred',
      files: df('FROM debian:12\nWORKDIR /data/app\nVOLUME ["/data"]\nRUN chown -R 1000 /data\n'),
      errors: [{ file: 'Dockerfile', line: 4, column: 19, endLine: 4, endColumn: 24, fixes: ['preferred: Move VOLUME /data below line 4'] }],
      output: { Dockerfile: 'FROM debian:12\nWORKDIR /data/app\nRUN chown -R 1000 /data\nVOLUME ["/data"]\n' },
    },
    {
      name: 'the directory exists before the VOLUME (or the first RUN creates it): the move is preferred',
      files: df('FROM debian:12\nRUN mkdir /data\nVOLUME /data\nRUN chown -R 1000 /data\n'),
      errors: [{ file: 'Dockerfile', line: 4, column: 19, endLine: 4, endColumn: 24, fixes: ['preferred: Move VOLUME /data below line 4'] }],
      output: { Dockerfile: 'FROM debian:12\nRUN mkdir /data\nRUN chown -R 1000 /data\nVOLUME /data\n' },
    },
    {
      name: 'chown -R (or chmod -hR) of a parent reaches the volume: the VOLUME moves below it',
      files: df('FROM debian:12\nRUN mkdir -p /srv/data\nVOLUME /srv/data\nRUN chown -R app:app /srv && chmod 755 /srv\nRUN chmod -hR g+w /\n'),
      errors: [
        { file: 'Dockerfile', line: 4, column: 22, endLine: 4, endColumn: 26, containerPath: '/srv/data', severity: 'warning', message: /^RUN \(chown\) writes \/srv and everything below it after VOLUME \/srv\/data \(line 3\) declared it\. The legacy builder/ },
        { file: 'Dockerfile', line: 5, column: 19, endLine: 5, endColumn: 20, containerPath: '/srv/data', severity: 'warning', message: /^RUN \(chmod\) writes \/ and everything below it after VOLUME/ },
      ],
      output: { Dockerfile: 'FROM debian:12\nRUN mkdir -p /srv/data\nRUN chown -R app:app /srv && chmod 755 /srv\nRUN chmod -hR g+w /\nVOLUME /srv/data\n' },
    },
    {
      name: 'chown after VOLUME: the VOLUME moves below it, with its comment',
      files: df('FROM debian:12\nRUN useradd app\n# uploads live here\nVOLUME /data\nRUN chown -R app:app /data\nUSER app\n'),
      errors: [{ file: 'Dockerfile', line: 5, column: 22, endLine: 5, endColumn: 27, containerPath: '/data', severity: 'warning', message: /^RUN \(chown\) writes \/data after VOLUME \/data \(line 4\) declared it\. The legacy builder/ }],
      output: { Dockerfile: 'FROM debian:12\nRUN useradd app\nRUN chown -R app:app /data\n# uploads live here\nVOLUME /data\nUSER app\n' },
    },
    {
      name: 'several writes in several instructions: one move below the last',
      files: df('FROM debian:12\nVOLUME ["/srv/data", "/srv/logs"]\nRUN mkdir -p /srv/data/cache \\\n && echo "ready" > /srv/data/state\nCOPY --chown=1000:1000 seed.db /srv/data/seed.db\n\nEXPOSE 80\nCMD ["serve"]\n'),
      errors: [
        { file: 'Dockerfile', line: 3, column: 14, endLine: 3, endColumn: 29, message: /^RUN \(mkdir\) writes \/srv\/data\/cache/ },
        { file: 'Dockerfile', line: 4, column: 20, endLine: 4, endColumn: 35, message: /^RUN \(>\) writes \/srv\/data\/state/ },
        { file: 'Dockerfile', line: 5, column: 32, endLine: 5, endColumn: 49, severity: 'info', message: /^COPY writes \/srv\/data\/seed\.db after VOLUME \/srv\/data \(line 2\) declared it\. Every builder keeps what COPY writes in the image, but a volume takes those files only when it is created empty/ },
      ],
      // Only RUN writes are lost: the VOLUME goes below the last RUN, and the COPY may stay after it.
      output: { Dockerfile: 'FROM debian:12\nRUN mkdir -p /srv/data/cache \\\n && echo "ready" > /srv/data/state\nVOLUME ["/srv/data", "/srv/logs"]\nCOPY --chown=1000:1000 seed.db /srv/data/seed.db\n\nEXPOSE 80\nCMD ["serve"]\n' },
      remaining: [/^Dockerfile 5:32-5:49 info COPY writes \/srv\/data\/seed\.db after VOLUME \/srv\/data \(line 4\)/],
    },
    {
      name: 'relative paths resolve against WORKDIR and cd; ENV and ARG expand',
      files: df('FROM node:20-alpine\nARG APP_HOME=/app\nENV DATA_DIR=${APP_HOME}/data\nWORKDIR $APP_HOME\nVOLUME $DATA_DIR\nRUN cd data && touch .keep\nCOPY fixtures ./data/fixtures\n'),
      errors: [
        { file: 'Dockerfile', line: 6, column: 22, endLine: 6, endColumn: 27, containerPath: '/app/data', message: /^RUN \(touch\) writes \/app\/data\/\.keep/ },
        { file: 'Dockerfile', line: 7, column: 15, endLine: 7, endColumn: 30, severity: 'info', message: /^COPY writes \/app\/data\/fixtures/ },
      ],
      output: { Dockerfile: 'FROM node:20-alpine\nARG APP_HOME=/app\nENV DATA_DIR=${APP_HOME}/data\nWORKDIR $APP_HOME\nRUN cd data && touch .keep\nVOLUME $DATA_DIR\nCOPY fixtures ./data/fixtures\n' },
      remaining: [/^Dockerfile 7:15-7:30 info COPY writes \/app\/data\/fixtures/],
    },
    {
      name: 'a shell heredoc body is read; the file has no final line break',
      files: df('FROM alpine:3.20\nVOLUME /var/lib/app\nRUN <<EOF\nset -e\ntar -xzf /tmp/seed.tgz -C /var/lib/app\nEOF'),
      errors: [{ file: 'Dockerfile', line: 5, column: 27, endLine: 5, endColumn: 39, message: /^RUN \(tar\) writes \/var\/lib\/app after VOLUME/ }],
      output: { Dockerfile: 'FROM alpine:3.20\nRUN <<EOF\nset -e\ntar -xzf /tmp/seed.tgz -C /var/lib/app\nEOF\nVOLUME /var/lib/app' },
    },
    {
      name: 'exec-form RUN, ADD, git clone, ln, and a glob under the volume',
      files: df('FROM debian:12\nVOLUME /opt/site\nRUN ["mkdir", "-p", "/opt/site/www"]\nADD https://example.com/a.tgz /opt/site/\nRUN git clone --depth 1 https://example.com/repo.git /opt/site/repo && ln -s /etc/x /opt/site/x && rm -rf /opt/site/*.tmp\n'),
      errors: [
        { file: 'Dockerfile', line: 3, column: 21, endLine: 3, endColumn: 36 },
        { file: 'Dockerfile', line: 4, column: 31, endLine: 4, endColumn: 41 },
        { file: 'Dockerfile', line: 5, column: 54, endLine: 5, endColumn: 68 },
        { file: 'Dockerfile', line: 5, column: 85, endLine: 5, endColumn: 96 },
        { file: 'Dockerfile', line: 5, column: 107, endLine: 5, endColumn: 122, message: /writes \/opt\/site\/… after/ },
      ],
      output: { Dockerfile: 'FROM debian:12\nRUN ["mkdir", "-p", "/opt/site/www"]\nADD https://example.com/a.tgz /opt/site/\nRUN git clone --depth 1 https://example.com/repo.git /opt/site/repo && ln -s /etc/x /opt/site/x && rm -rf /opt/site/*.tmp\nVOLUME /opt/site\n' },
    },
    {
      name: 'CRLF line endings and a multi-stage build: only the stage with the VOLUME',
      files: df('FROM golang:1.22 AS build\r\nRUN go build -o /out/app .\r\n\r\nFROM debian:12\r\nVOLUME /var/lib/app\r\nCOPY --from=build /out/app /usr/local/bin/app\r\nRUN sed -i "s/a/b/" /var/lib/app/config.ini\r\n'),
      errors: [{ file: 'Dockerfile', line: 7, column: 21, endLine: 7, endColumn: 44, message: /^RUN \(sed\) writes \/var\/lib\/app\/config\.ini/ }],
      output: { Dockerfile: 'FROM golang:1.22 AS build\r\nRUN go build -o /out/app .\r\n\r\nFROM debian:12\r\nCOPY --from=build /out/app /usr/local/bin/app\r\nRUN sed -i "s/a/b/" /var/lib/app/config.ini\r\nVOLUME /var/lib/app\r\n' },
    },
    {
      name: 'a VOLUME the base image declares (knowledge base): reported, no fix',
      files: df('FROM postgres:16-alpine\nCOPY seed.sql /var/lib/postgresql/data/seed.sql\n'),
      errors: [
        {
          file: 'Dockerfile',
          line: 2,
          column: 15,
          endLine: 2,
          endColumn: 48,
          containerPath: '/var/lib/postgresql/data',
          message:
            "COPY writes /var/lib/postgresql/data/seed.sql under /var/lib/postgresql/data, which the base image PostgreSQL declares as a VOLUME. Every builder keeps what COPY writes in the image, but a volume takes those files only when it is created empty: a volume that already holds data keeps its old copy after a rebuild, and a bind mount hides them. If they must be current in every container, copy them in at container start or use the image's init mechanism.",
        },
      ],
    },
    {
      name: 'a VOLUME inherited from an earlier stage of the FROM chain: reported, no fix',
      files: df('FROM debian:12 AS base\nVOLUME /srv/data\n\nFROM base\nRUN touch /srv/data/ready\n'),
      errors: [{ file: 'Dockerfile', line: 5, column: 11, endLine: 5, endColumn: 26, message: /^RUN \(touch\) writes \/srv\/data\/ready under \/srv\/data, which stage "base" declares as a VOLUME\./ }],
    },
    {
      name: 'a Dockerfile a compose service builds is checked too',
      files: {
        'compose.yaml': 'services:\n  app:\n    build: ./app\n    volumes:\n      - app-data:/data\nvolumes:\n  app-data:\n',
        'app/Dockerfile': 'FROM debian:12\nVOLUME /data\nRUN echo 1 > /data/version\n',
      },
      lint: ['compose.yaml'],
      errors: [{ file: 'app/Dockerfile', line: 3, column: 14, endLine: 3, endColumn: 27 }],
      output: { 'app/Dockerfile': 'FROM debian:12\nRUN echo 1 > /data/version\nVOLUME /data\n' },
    },
  ],
});
