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
// The whole schema is regenerated each time so it cannot drift from config-validate.ts.
const globs = (description: string, example: string) => ({ type: 'array', description, items: { type: 'string', minLength: 1 }, examples: [[example]] });
const pathSpec = {
  anyOf: [
    { type: 'string', pattern: '^/', description: 'An absolute container path (kind: database).' },
    {
      type: 'object',
      required: ['path'],
      additionalProperties: false,
      properties: {
        path: { type: 'string', pattern: '^/', description: 'Absolute container path where the image keeps state.' },
        kind: { enum: ['database', 'uploads', 'config-state', 'logs', 'cache'], default: 'database', description: 'What the path holds; decides severity and wording.' },
        description: { type: 'string', description: 'Shown in messages and comment stubs, e.g. "Ledger data directory".' },
        volume: { type: 'boolean', description: 'The image declares VOLUME for this path (Docker creates an anonymous volume).' },
        declaredVolume: { type: 'boolean', description: 'Same as "volume".' },
        env: { type: 'array', items: { type: 'string' }, description: 'Environment variables whose value moves the path.' },
        flags: { type: 'array', items: { type: 'string' }, description: 'Command flags whose argument moves the path.' },
        unlessEnv: {
          type: 'array',
          items: { type: 'string' },
          description: 'Environment variables that, when set, mean the image keeps nothing here (an external database or object store), e.g. ["S3_BUCKET"].',
        },
        applicationData: {
          type: 'boolean',
          description: 'Application files with an embedded database among them, documented as a bind mount: database-on-bind-mount does not apply.',
        },
      },
    },
  ],
};
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/vsafe/vsafe/blob/main/schemas/vsaferc.schema.json',
  title: 'vsafe configuration (.vsaferc.json, or "vsafe" in package.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: {
      type: 'object',
      description: 'Rule severities: "off", "hint", "info", "warning" or "error".',
      additionalProperties: false,
      properties: Object.fromEntries(RULES.map((r) => [r.meta.id, { enum: SEVERITIES, default: r.meta.defaultSeverity, description: r.meta.description, markdownDescription: `${r.meta.description} [Docs](https://github.com/vsafe/vsafe/blob/main/docs/rules/${r.meta.id}.md)` }])),
    },
    production: globs('Globs (relative to this file\'s folder; without "/" they match the file name anywhere) of compose files that are production configurations.', 'deploy/*.yml'),
    composeFiles: globs('Extra globs of files to analyse as compose files.', 'deploy/**/*.yml'),
    ignore: globs('Globs of files and folders to skip.', 'vendor/**'),
    images: {
      type: 'array',
      description: 'Extra knowledge: where your own images keep their state.',
      items: {
        type: 'object',
        required: ['paths'],
        anyOf: [{ required: ['image'] }, { required: ['images'] }],
        properties: {
          id: { type: 'string' },
          image: { type: 'string', description: 'Repository name, e.g. acme/ledger' },
          images: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Several repository names for one entry.' },
          name: { type: 'string', description: 'Display name, e.g. Ledger.' },
          source: { type: 'string', description: 'Where the state path is documented.' },
          paths: { type: 'array', minItems: 1, items: pathSpec },
        },
      },
    },
  },
};
writeFileSync(schemaPath, JSON.stringify(schema, null, 2) + '\n');
// package.json's "vsafe" key uses the same schema (contributed for package.json via jsonValidation).
writeFileSync(
  path.join(ROOT, 'schemas/package-vsafe.schema.json'),
  JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'vsafe configuration in package.json', type: 'object', properties: { vsafe: { $ref: './vsaferc.schema.json' } } }, null, 2) + '\n',
);

// docs/images.md: the knowledge base, generated from server/src/core/knowledge/ (knowledge.test.ts fails when stale).
writeFileSync(path.join(ROOT, 'docs/images.md'), imagesMarkdown(BUILT_IN_GROUPS, DOCS_INTRO));
console.log(`generated docs and schemas for ${RULES.length} rule(s)`);
