import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileCache } from '../../server/src/core/dockerfile/cache';
import { expandVariables, UNKNOWN } from '../../server/src/core/dockerfile/expand';
import { parseDockerfile, stageChain, targetStage, writeIsUnder, type DockerfileModel } from '../../server/src/core/dockerfile/model';
import { shellWrites, tokenizeShell, wordValue } from '../../server/src/core/dockerfile/shell';

const parse = (text: string, args: Record<string, string> = {}): DockerfileModel => parseDockerfile('/p/Dockerfile', text, new Map(Object.entries(args)));

/** The text a range covers (single-line ranges). */
function slice(model: DockerfileModel, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
}

function writesOf(script: string, cwd: string | null = '/w', scope: Record<string, string | undefined> = {}): string[] {
  const tokens = tokenizeShell(script, 0, script.length, { instruction: true });
  return shellWrites(tokens, { scope: new Map(Object.entries(scope)), cwd: cwd ?? undefined }).map((w) => w.path.split(UNKNOWN).join('…'));
}

describe('Dockerfile variable expansion', () => {
  const scope = new Map<string, string | undefined>([
    ['A', '/srv'],
    ['EMPTY', ''],
    ['UNSET', undefined],
  ]);
  it('expands $VAR, ${VAR} and the :- / - / :+ / + forms', () => {
    assert.deepEqual(expandVariables('$A/x ${A}/y', scope), { value: '/srv/x /srv/y', unknown: false });
    assert.deepEqual(expandVariables('${EMPTY:-/d} ${EMPTY-/d} ${NOPE:-/n}', scope), { value: '/d  /n', unknown: false });
    assert.deepEqual(expandVariables('${A:+set} ${EMPTY:+set} ${EMPTY+set} ${NOPE+set}', scope), { value: 'set  set ', unknown: false });
  });
  it('keeps unknown values unknown, never guessed', () => {
    const result = expandVariables('/data/${UNSET}/x', scope);
    assert.equal(result.unknown, true);
    assert.equal(result.value, `/data/${UNKNOWN}/x`);
    assert.equal(expandVariables('$HOME', scope).unknown, true);
    assert.equal(expandVariables('$(date)', scope).unknown, true);
  });
  it('an escaped $ is literal', () => {
    assert.deepEqual(expandVariables('\\$A', scope), { value: '$A', unknown: false });
    assert.deepEqual(expandVariables('`$A', scope, '`'), { value: '$A', unknown: false });
    // An escape pairs only with the `$` right after it (the one before it stays); a `$` that starts no reference stays.
    assert.deepEqual(expandVariables('\\\\$A', scope), { value: '\\$A', unknown: false });
    assert.deepEqual(expandVariables('$\\$A x\\y $ $1 ${A}$', scope), { value: '$$A x\\y $ $1 /srv$', unknown: false });
    assert.deepEqual(expandVariables('a\\$A$A', scope, '`'), { value: 'a\\/srv/srv', unknown: false });
  });
});

describe('shell words and writes', () => {
  it('removes quotes and expands variables in words', () => {
    assert.deepEqual(wordValue(`"/a b"/'$X'/"$A"`, new Map([['A', 'v']])), { value: '/a b/$X/v', unknown: false });
    assert.equal(wordValue('/x/*.log', new Map()).value, `/x/${UNKNOWN}.log`);
  });
  it('finds mkdir, redirects, cp/mv/ln destinations, chown/chmod targets, touch, tee, rm', () => {
    assert.deepEqual(writesOf('mkdir -p -m 755 /a /b && echo hi > /c 2>>/d && cat x | tee -a /e'), ['/a', '/b', '/c', '/d', '/e']);
    assert.deepEqual(writesOf('cp -r src /f; mv -t /g x y; ln -sf /etc/x /h; install -d -m 0755 /i /j'), ['/f', '/g', '/h', '/i', '/j']);
    assert.deepEqual(writesOf('chown -R app:app /k /l && chmod 0700 /m && chgrp --reference=/ref /n && touch -d now /o && rm -rf /p'), ['/k', '/l', '/m', '/n', '/o', '/p']);
  });
  it('finds tar -C, unzip -d, git clone, curl -o, wget -O/-P, sed -i, dd of=', () => {
    assert.deepEqual(writesOf('tar -xzf a.tgz -C /q && tar czf /backup.tgz /r && unzip -q b.zip -d /s'), ['/q', '/s']);
    assert.deepEqual(writesOf('git clone --depth 1 https://x/repo.git /t && curl -fsSL -o /u https://x && wget -q -P /v https://x'), ['/t', '/u', '/v']);
    assert.deepEqual(writesOf("sed -i 's/a/b/' /w1 && sed -e s/a/b/ /not-in-place && dd if=/dev/zero of=/x1 bs=1"), ['/w1', '/x1']);
  });
  it('resolves relative paths against the working directory and cd, and restores it after a subshell', () => {
    assert.deepEqual(writesOf('touch a && cd sub && touch b && (cd /elsewhere && touch c) ; touch d'), ['/w/a', '/w/sub/b', '/elsewhere/c', '/w/sub/d']);
    assert.deepEqual(writesOf('touch a', null), []);
    assert.deepEqual(writesOf('tar -xf a.tar'), ['/w']);
  });
  it('skips wrappers and assignments, and ignores /dev, ~, fd duplication and unknown prefixes', () => {
    assert.deepEqual(writesOf('sudo -u app mkdir /a && DEBIAN_FRONTEND=noninteractive env X=1 touch /b && gosu app touch /c'), ['/a', '/b', '/c']);
    assert.deepEqual(writesOf('echo > /dev/null 2>&1 && touch ~/x $HOME/y && cp a "$DEST"'), []);
    assert.deepEqual(writesOf('mkdir -p /data/$(date +%s)', '/w'), ['/data/…']);
  });
  it('drops comment lines inside a continued instruction, and a trailing comment ends it', () => {
    assert.deepEqual(writesOf('apt-get update \\\n  # touch /not\n  && touch /yes # touch /no'), ['/yes']);
  });
  it('skips the body of a nested heredoc in a script', () => {
    const script = 'cat <<EOT > /conf\ntouch /inside\nEOT\ntouch /after\n';
    const tokens = tokenizeShell(script, 0, script.length, { instruction: false });
    assert.deepEqual(shellWrites(tokens, { scope: new Map(), cwd: '/' }).map((w) => w.path), ['/conf', '/after']);
  });
  it('keeps document offsets for every word', () => {
    const script = 'RUN mkdir -p \\\n    /data/x';
    const tokens = tokenizeShell(script, 4, script.length, { instruction: true });
    const write = shellWrites(tokens, { scope: new Map(), cwd: '/' })[0]!;
    assert.equal(script.slice(write.word.start, write.word.end), '/data/x');
  });
});

describe('Dockerfile model', () => {
  it('reads stages, names, the FROM chain and the target stage', () => {
    const model = parse('ARG BASE=postgres\nARG TAG\nFROM ${BASE}:${TAG:-16} AS db\nENV PGDATA=/srv/pg\n\nFROM db AS tuned\nRUN echo\n\nFROM node:20 AS tools\n');
    assert.deepEqual(model.stages.map((s) => [s.name, s.image?.value, s.parent]), [
      ['db', 'postgres:16', undefined],
      ['tuned', 'db', 0],
      ['tools', 'node:20', undefined],
    ]);
    assert.equal(targetStage(model)?.name, 'tools');
    assert.equal(targetStage(model, 'TUNED')?.name, 'tuned');
    assert.deepEqual(stageChain(model, targetStage(model, 'tuned')!).map((s) => s.name), ['db', 'tuned']);
    // ENV is inherited through FROM <stage>.
    assert.equal(model.stages[1]!.environment.get('PGDATA'), '/srv/pg');
    assert.equal(slice(model, model.stages[0]!.image!.range), '${BASE}:${TAG:-16}');
  });
  it('build arguments override ARG defaults; an ARG without a value stays unknown', () => {
    assert.equal(parse('ARG V=15\nFROM postgres:${V}\n', { V: '17' }).stages[0]!.image!.value, 'postgres:17');
    const unknown = parse('ARG V\nFROM postgres:${V}\n').stages[0]!.image!;
    assert.equal(unknown.unknown, true);
    const inStage = parse('ARG DIR=/g\nFROM alpine\nARG DIR\nARG OTHER\nVOLUME $DIR ${OTHER}\n').stages[0]!.volumes;
    assert.deepEqual(inStage.map((v) => [v.path, v.unknown]), [['/g', false], [UNKNOWN, true]]);
  });
  it('reads VOLUME in JSON and shell forms, several paths, continuation lines, exact ranges', () => {
    const model = parse('FROM alpine\nVOLUME ["/data", "/with space"]\nVOLUME /a /b/ \\\n  /c\nVOLUME "/quoted"\n');
    const volumes = model.stages[0]!.volumes;
    assert.deepEqual(volumes.map((v) => v.path), ['/data', '/with space', '/a', '/b', '/c', '/quoted']);
    assert.deepEqual(volumes.map((v) => slice(model, v.range)), ['"/data"', '"/with space"', '/a', '/b/', '/c', '"/quoted"']);
  });
  it('tracks WORKDIR (relative to the previous one) and COPY/ADD destinations', () => {
    const model = parse('FROM scratch\nWORKDIR /app\nWORKDIR sub\nCOPY --chown=1:1 --from=build a b ./out/\nADD ["x y", "rel"]\n');
    const stage = model.stages[0]!;
    assert.equal(stage.workdir, '/app/sub');
    assert.deepEqual(stage.writes.map((w) => [w.command, w.path, slice(model, w.range)]), [
      ['COPY', '/app/sub/out', './out/'],
      ['ADD', '/app/sub/rel', '"rel"'],
    ]);
  });
  it('an external base image leaves the working directory unknown until WORKDIR', () => {
    const stage = parse('FROM node:20\nCOPY a b\nWORKDIR /srv\nCOPY c d\n').stages[0]!;
    assert.deepEqual(stage.writes.map((w) => w.path), ['/srv/d']);
  });
  it('reads RUN shell form, exec form, sh -c strings and heredocs; skips --mount targets', () => {
    const model = parse(
      'FROM debian\nRUN mkdir /a && \\\n    echo x > /b\nRUN ["touch", "/c"]\nRUN ["sh", "-c", "touch /d"]\nRUN --mount=type=cache,target=/cache touch /cache/x /e\nRUN <<EOF\ntouch /f\nEOF\nRUN cat <<EOF > /g\ntouch /not-run\nEOF\n',
    );
    assert.deepEqual(model.stages[0]!.writes.map((w) => w.path), ['/a', '/b', '/c', '/d', '/e', '/f', '/g']);
    assert.deepEqual(model.stages[0]!.writes.map((w) => slice(model, w.range)), ['/a', '/b', '"/c"', '/d', '/e', '/f', '/g']);
  });
  it('does not read RUN as POSIX shell after SHELL switches to PowerShell or with escape=`', () => {
    assert.deepEqual(parse('FROM x\nSHELL ["powershell", "-Command"]\nRUN echo x > /a\n').stages[0]!.writes, []);
    assert.deepEqual(parse('# escape=`\nFROM x\nRUN echo x > /a\n').stages[0]!.writes, []);
  });
  it('records ENV assignments with their ranges, CMD and ENTRYPOINT', () => {
    const model = parse('FROM mongo:7\nENV A=1 DATA=/srv/db\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["mongod", "--dbpath", "/srv/db"]\n');
    const stage = model.stages[0]!;
    assert.deepEqual(stage.env.map((e) => [e.name, e.value, slice(model, e.range)]), [
      ['A', '1', 'A=1'],
      ['DATA', '/srv/db', 'DATA=/srv/db'],
    ]);
    assert.deepEqual(stage.entrypoint, ['docker-entrypoint.sh']);
    assert.deepEqual(stage.cmd, ['mongod', '--dbpath', '/srv/db']);
  });
  it('tolerates broken and empty Dockerfiles', () => {
    assert.deepEqual(parse('').stages, []);
    assert.deepEqual(parse('VOLUME /x\nRUN\nFROM\nCOPY\n').stages.map((s) => s.image), [undefined]);
    assert.doesNotThrow(() => parse('FROM a\nRUN echo "unterminated \\\n'));
  });
  it('hostile input: an oversized Dockerfile is not analysed; unclosed references and braces do not stall', () => {
    assert.deepEqual(parse('FROM debian\nVOLUME /x\n' + 'RUN touch /x/y\n'.repeat(80_000)).stages, []);
    assert.deepEqual(parse('FROM debian\nRUN echo ' + 'x'.repeat(100_001) + '\n').stages, []);
    const stage = parse('FROM debian\nVOLUME /x\nRUN echo ' + '${'.repeat(5000) + '$('.repeat(5000) + '{'.repeat(5000) + ' > /x/out\n').stages[0]!;
    assert.equal(stage.volumes.length, 1);
  });
  it('writeIsUnder compares whole path segments; an unknown tail counts by its directory', () => {
    assert.equal(writeIsUnder('/data', { path: '/data/x', unknown: false }), true);
    assert.equal(writeIsUnder('/data', { path: '/database', unknown: false }), false);
    assert.equal(writeIsUnder('/data', { path: `/data/${UNKNOWN}`, unknown: true }), true);
    assert.equal(writeIsUnder('/data/x', { path: `/data/${UNKNOWN}`, unknown: true }), false);
  });
  it('the cache parses a text once and keeps one model per set of build arguments', () => {
    const cache = new DockerfileCache();
    const a = cache.get('/p/Dockerfile', 'FROM postgres:${V}\n');
    assert.equal(cache.get('/p/Dockerfile', 'FROM postgres:${V}\n'), a);
    assert.notEqual(cache.get('/p/Dockerfile', 'FROM postgres:${V}\n', new Map([['V', '16']])), a);
    assert.equal(a.scan, cache.get('/p/Dockerfile', 'FROM postgres:${V}\n', new Map([['V', '16']])).scan);
    assert.notEqual(cache.get('/p/Dockerfile', 'FROM mysql\n'), a);
  });
});
