/**
 * `npm run docs`: regenerates everything derived from the rule registry — the
 * README rule table, docs/rules/README.md, the `vsafe.rules` settings schema and
 * the `.vsaferc.json` schema. The parity test fails when they are stale.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/core/rules';
import { BUILT_IN_GROUPS, DOCS_INTRO, imagesMarkdown } from '../server/src/core/knowledge/format';

const ROOT = path.resolve(__dirname, '..');
const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];

function ruleRows(linkPrefix: string): string {
  const header = '| rule | default | fixable | what it reports |\n|---|---|---|---|\n';
  return header + RULES.map((r) => `| [\`${r.meta.id}\`](${linkPrefix}${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.fixable ? 'yes' : 'no'} | ${r.meta.description} |`).join('\n') + '\n';
}

function replaceBetween(text: string, start: string, end: string, body: string): string {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`markers ${start} … ${end} not found`);
  return text.slice(0, a + start.length) + '\n' + body + text.slice(b);
}

const readmePath = path.join(ROOT, 'README.md');
writeFileSync(readmePath, replaceBetween(readFileSync(readmePath, 'utf8'), '<!-- rules:start -->', '<!-- rules:end -->', ruleRows('docs/rules/')));

writeFileSync(
  path.join(ROOT, 'docs/rules/README.md'),
  `# Rules\n\nGenerated from the rule registry by \`npm run docs\`.\n\n${ruleRows('')}`,
);

const pkgPath = path.join(ROOT, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const ruleProps = Object.fromEntries(
  RULES.map((r) => [r.meta.id, { type: 'string', enum: SEVERITIES, default: r.meta.defaultSeverity, markdownDescription: `${r.meta.description} [Docs](https://github.com/vsafe/vsafe/blob/main/docs/rules/${r.meta.id}.md)` }]),
);
pkg.contributes.configuration.properties['vsafe.rules'].properties = ruleProps;
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');

mkdirSync(path.join(ROOT, 'schemas'), { recursive: true });
const schemaPath = path.join(ROOT, 'schemas/vsaferc.schema.json');
let schema: Record<string, unknown>;
try {
  schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
} catch {
  schema = { $schema: 'http://json-schema.org/draft-07/schema#', title: 'vsafe configuration', type: 'object', additionalProperties: false, properties: {} };
}
const props = schema.properties as Record<string, unknown>;
props.$schema = { type: 'string' };
props.rules = { type: 'object', description: 'Rule severities.', additionalProperties: false, properties: Object.fromEntries(RULES.map((r) => [r.meta.id, { enum: SEVERITIES, description: r.meta.description }])) };
props.production ??= { type: 'array', items: { type: 'string' }, description: 'Globs of compose files that are production configurations.' };
props.composeFiles ??= { type: 'array', items: { type: 'string' }, description: 'Extra globs of files to analyse as compose files.' };
props.ignore ??= { type: 'array', items: { type: 'string' }, description: 'Globs of files to skip.' };
props.images ??= {
  type: 'array',
  description: 'Extra knowledge: where your images keep their state.',
  items: {
    type: 'object',
    required: ['paths'],
    properties: {
      image: { type: 'string', description: 'Repository name, e.g. acme/ledger' },
      images: { type: 'array', items: { type: 'string' } },
      name: { type: 'string' },
      source: { type: 'string' },
      paths: {
        type: 'array',
        items: {
          anyOf: [
            { type: 'string', pattern: '^/' },
            {
              type: 'object',
              required: ['path'],
              properties: {
                path: { type: 'string', pattern: '^/' },
                kind: { enum: ['database', 'uploads', 'config-state', 'logs', 'cache'] },
                description: { type: 'string' },
                volume: { type: 'boolean', description: 'The image declares VOLUME for this path.' },
                env: { type: 'array', items: { type: 'string' } },
                flags: { type: 'array', items: { type: 'string' } },
              },
            },
          ],
        },
      },
    },
  },
};
writeFileSync(schemaPath, JSON.stringify(schema, null, 2) + '\n');

// docs/images.md: the knowledge base, generated from server/src/core/knowledge/ (knowledge.test.ts fails when stale).
writeFileSync(path.join(ROOT, 'docs/images.md'), imagesMarkdown(BUILT_IN_GROUPS, DOCS_INTRO));
console.log(`generated docs and schemas for ${RULES.length} rule(s)`);
