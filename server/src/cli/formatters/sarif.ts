import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { PARSE_ERROR_RULE } from '../../core/lint';
import { RULES } from '../../core/rules';
import { docsUrl } from '../../core/rules/types';
import type { Finding, Fix, Range, Severity } from '../../core/types';
import { relativeDisplayPath } from '../../node/paths';
import { INFORMATION_URI, VERSION } from '../version';
import type { FormatInput } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties?: Record<string, unknown>;
}

/** Rule metadata for every registered rule, plus ids only findings know (parse errors, suppressions). */
function sarifRules(findings: readonly Finding[]): SarifRule[] {
  const rules: SarifRule[] = RULES.map((rule) => ({
    id: rule.meta.id,
    name: camel(rule.meta.id),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.description },
    helpUri: docsUrl(rule.meta.id),
    help: { text: `${rule.meta.description} Documentation: ${docsUrl(rule.meta.id)}`, markdown: `${rule.meta.description}\n\n[Documentation of \`${rule.meta.id}\`](${docsUrl(rule.meta.id)})` },
    defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
    properties: { fixable: rule.meta.fixable },
  }));
  const known = new Set(rules.map((r) => r.id));
  for (const finding of findings) {
    if (known.has(finding.rule)) continue;
    known.add(finding.rule);
    rules.push({
      id: finding.rule,
      name: camel(finding.rule),
      shortDescription: { text: finding.rule === PARSE_ERROR_RULE ? 'The file could not be parsed.' : finding.rule },
      helpUri: finding.rule === PARSE_ERROR_RULE ? `${INFORMATION_URI}#readme` : docsUrl(finding.rule),
      defaultConfiguration: { level: LEVEL[finding.severity] },
    });
  }
  return rules;
}

function camel(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** SARIF 2.1.0: one run, rule metadata with help URIs, results with related locations and fixes. */
export function formatSarif(input: FormatInput): string {
  const rules = sarifRules(input.findings);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const artifact = (file: string): { uri: string; uriBaseId?: string } => {
    const relative = relativeDisplayPath(file, input.cwd);
    if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
    return { uri: encodeURI(relative), uriBaseId: SRCROOT };
  };
  const results = input.findings.map((finding) => {
    const result: Record<string, unknown> = {
      ruleId: finding.rule,
      ruleIndex: index.get(finding.rule),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(finding.location.file), region: region(finding.location.range) } }],
    };
    if (finding.related.length > 0) {
      result.relatedLocations = finding.related.map((related, i) => ({
        id: i + 1,
        physicalLocation: { artifactLocation: artifact(related.location.file), region: region(related.location.range) },
        message: { text: related.message },
      }));
    }
    if (finding.fixes.length > 0) result.fixes = finding.fixes.map((fix) => sarifFix(fix, artifact));
    const properties: Record<string, unknown> = { severity: finding.severity };
    if (finding.service !== undefined) properties.service = finding.service;
    if (finding.containerPath !== undefined) properties.containerPath = finding.containerPath;
    result.properties = properties;
    return result;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'vsafe', version: VERSION, semanticVersion: VERSION, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(input.cwd.endsWith(path.sep) ? input.cwd : input.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: (input.errors ?? []).length === 0,
            toolExecutionNotifications: (input.errors ?? []).map((error) => ({ level: 'error', message: { text: `${error.where}: ${error.message}` } })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** 1-based SARIF region; an empty range (an insertion point) keeps start = end. */
function region(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function sarifFix(fix: Fix, artifact: (file: string) => { uri: string; uriBaseId?: string }): Record<string, unknown> {
  const byFile = new Map<string, Record<string, unknown>[]>();
  for (const created of fix.createFiles ?? []) {
    // A created file: insert its whole text at the start of an empty artifact.
    byFile.set(created.file, [{ deletedRegion: { charOffset: 0, charLength: 0 }, insertedContent: { text: created.text } }]);
  }
  for (const edit of fix.edits) {
    const replacement: Record<string, unknown> = { deletedRegion: region(edit.range) };
    if (edit.newText !== '') replacement.insertedContent = { text: edit.newText };
    byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), replacement]);
  }
  return {
    description: { text: fix.title },
    artifactChanges: [...byFile].map(([file, replacements]) => ({ artifactLocation: artifact(file), replacements })),
  };
}
