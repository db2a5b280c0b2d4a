import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Lexer } from 'yaml';
import { runFixes } from '../../server/src/cli/fix';
import { applyEdits, isComposeFileName, isDockerfileName, lint, LineIndex, type Finding, type Fix, type LintRequest } from '../../server/src/core';
import { emptyConfig } from '../../server/src/core/config';
import { NodeFileHost } from '../../server/src/node/host';

/**
 * Every quick fix on every fixture project: the fixed files parse, keep every
 * comment outside what the fix deletes, validate with Compose v1 where v1 understood
 * the original, re-lint without that finding and without new ones; fixing
 * everything twice changes nothing the second time.
 */
const ROOT = path.resolve(__dirname, '../..');
const PROJECT_ROOTS = ['examples', 'test/fixtures'];
const COMPOSE_V1 = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;

interface Project {
  name: string;
  files: Map<string, string>;
}

function collectProjects(): Project[] {
  const projects: Project[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir);
    if (entries.some((e) => isComposeFileName(e))) {
      const files = new Map<string, string>();
      const add = (d: string): void => {
        for (const e of readdirSync(d)) {
          const full = path.join(d, e);
          if (statSync(full).isDirectory()) {
            if (!e.startsWith('_') && !readdirSync(full).some((x) => isComposeFileName(x))) add(full);
          } else if (statSync(full).size < 1_000_000) files.set(`/fx/${path.relative(ROOT, full)}`, readFileSync(full, 'utf8'));
        }
      };
      add(dir);
      projects.push({ name: path.relative(ROOT, dir), files });
    }
    for (const e of entries) {
      const full = path.join(dir, e);
      if (statSync(full).isDirectory() && !e.startsWith('_') && e !== 'node_modules') visit(full);
    }
  };
  for (const root of PROJECT_ROOTS) visit(path.join(ROOT, root));
  return projects;
}

function hostFor(files: Map<string, string>): NodeFileHost {
  const host = new NodeFileHost();
  // Paths under /fx do not exist on disk: the overlay is the whole file system.
  for (const [file, text] of files) host.setOverlay(file, text);
  return host;
}

function lintAll(host: NodeFileHost, files: Map<string, string>): Finding[] {
  const names = [...files.keys()];
  const request: LintRequest & { dockerfiles?: string[] } = { files: names.filter((f) => isComposeFileName(f)), host, config: emptyConfig() };
  request.dockerfiles = names.filter((f) => isDockerfileName(f));
  return lint(request).findings;
}

function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((t) => t.startsWith('#')).map((t) => t.trim());
}

/**
 * What a finding is about; a fix may move or retarget a mount, so neither file nor path is
 * part of it. A Dockerfile line reported for the services that build it is one finding
 * whatever services it names (fixing one of them narrows it): there it is the rule and
 * the container path (lines move when a VOLUME does).
 */
function identity(f: Finding): string {
  if (isDockerfileName(f.location.file)) return `${f.rule}|${f.location.file}|${f.containerPath ?? ''}`;
  return f.service !== undefined ? `${f.rule}|service:${f.service}` : `${f.rule}|${f.location.file}`;
}

/** A finding about several services (a mount in a shared anchor) counts for each: a fix that splits it up adds nothing. */
function counts(findings: Finding[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const f of findings) {
    for (const service of f.services ?? [f.service]) {
      const key = identity({ ...f, service });
      map.set(key, (map.get(key) ?? 0) + 1);
    }
  }
  return map;
}

function applyFix(files: Map<string, string>, fix: Fix): Map<string, string> {
  const next = new Map(files);
  for (const created of fix.createFiles ?? []) if (!next.has(created.file)) next.set(created.file, created.text);
  const byFile = new Map<string, Fix['edits']>();
  for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, edits] of byFile) {
    const text = next.get(file) ?? '';
    next.set(file, applyEdits(text, edits, new LineIndex(text)));
  }
  return next;
}

/** Text the fix deletes or replaces, so comments inside it are not expected to survive. */
function deletedText(files: Map<string, string>, fix: Fix): string {
  return fix.edits
    .map((edit) => {
      const text = files.get(edit.file) ?? '';
      const lines = new LineIndex(text);
      return text.slice(lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end));
    })
    .join('\n');
}

/** `docker-compose config -q` over the configuration's files, in a temp copy. */
function composeV1Valid(files: Map<string, string>, composeFiles: string[]): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'vsafe-v1-'));
  try {
    for (const [file, text] of files) {
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    const args = composeFiles.flatMap((f) => ['-f', path.join(dir, f)]);
    return spawnSync('docker-compose', [...args, 'config', '-q'], { encoding: 'utf8', env: { ...process.env, PATH: process.env.PATH } }).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const projects = collectProjects();

describe('every fix on every fixture', () => {
  it('finds fixture projects', () => assert.ok(projects.length >= 5, `${projects.length} projects`));
  for (const project of projects) {
    it(project.name, () => {
      const host = hostFor(project.files);
      const before = lintAll(host, project.files);
      const beforeCounts = counts(before);
      const baseCompose = [...project.files.keys()].filter((f) => /\/(docker-)?compose\.ya?ml$/.test(f));
      const v1Before = COMPOSE_V1 && baseCompose.length === 1 && composeV1Valid(project.files, baseCompose);
      for (const finding of before) {
        for (const fix of finding.fixes) {
          const label = `${finding.rule} "${fix.title}" (${path.basename(finding.location.file)}:${finding.location.range.start.line + 1})`;
          const after = applyFix(project.files, fix);
          const deleted = deletedText(project.files, fix);
          for (const [file, text] of after) {
            if (project.files.get(file) === text || !isComposeFileName(file)) continue;
            const kept = comments(text);
            for (const comment of comments(project.files.get(file) ?? '')) {
              if (!deleted.includes(comment)) assert.ok(kept.includes(comment), `${label}: comment "${comment}" survives in ${file}`);
            }
          }
          const relinted = lintAll(hostFor(after), after);
          assert.deepEqual(relinted.filter((f) => f.rule === 'parse-error').map((f) => f.message), [], `${label}: fixed files parse`);
          const afterCounts = counts(relinted);
          assert.ok((afterCounts.get(identity(finding)) ?? 0) < beforeCounts.get(identity(finding))!, `${label}: the finding is gone`);
          const fresh = relinted.filter((f) => (afterCounts.get(identity(f)) ?? 0) > (beforeCounts.get(identity(f)) ?? 0));
          assert.deepEqual([...new Set(fresh.map((f) => `${f.rule}: ${f.message}`))], [], `${label}: no new findings`);
          if (v1Before) assert.ok(composeV1Valid(after, baseCompose), `${label}: docker-compose config -q accepts the fixed files`);
        }
      }
      // Fix everything (as --fix does), then once more: the second run changes nothing.
      const fixHost = hostFor(project.files);
      const names = [...project.files.keys()];
      const lintFiles = (files: string[]) => {
        const request: LintRequest & { dockerfiles?: string[] } = { files: files.filter(isComposeFileName), host: fixHost, config: emptyConfig() };
        request.dockerfiles = names.filter(isDockerfileName);
        return lint(request);
      };
      runFixes(names.filter(isComposeFileName), fixHost, emptyConfig(), lintFiles);
      const second = runFixes(names.filter(isComposeFileName), fixHost, emptyConfig(), lintFiles);
      assert.equal(second.changed.size, 0, `fixing twice changes nothing: ${[...second.changed.keys()].join(', ')}`);
    });
  }
});
