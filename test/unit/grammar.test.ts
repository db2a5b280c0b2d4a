import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../..');
const INJECTION = path.join(ROOT, 'syntaxes/vsafe-comments.tmLanguage.json');
const FIXTURES = path.join(ROOT, 'test/fixtures/grammars');
/** VS Code's own grammars, present when test/editors/setup.sh installed code-server. */
const VSCODE_EXTENSIONS = path.join(ROOT, '.cache/code-server/node_modules/code-server/lib/vscode/extensions');

let onigReady: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  onigReady ??= oniguruma.loadWASM(readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  return onigReady;
}

function registry(hosts: Record<string, string>): Registry {
  const files: Record<string, string> = { ...hosts, 'comment.vsafe.injection': INJECTION };
  return new Registry({
    onigLib: loadOniguruma().then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    })),
    loadGrammar: async (scopeName) => {
      const file = files[scopeName];
      return file && existsSync(file) ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => (scopeName === 'source.yaml' || scopeName === 'source.dockerfile' ? ['comment.vsafe.injection'] : undefined),
  });
}

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(grammar: IGrammar, text: string): Token[][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The innermost vsafe scope of each token that has one. */
function vsafeTokens(line: Token[]): [string, string][] {
  return line.flatMap((t) => {
    const scope = [...t.scopes].reverse().find((s) => s.endsWith('.vsafe') && !s.startsWith('meta.'));
    return scope ? [[t.text, scope] as [string, string]] : [];
  });
}

const EXPECTED_IGNORE: [string, string][] = [
  ['vsafe-ignore', 'keyword.control.directive.vsafe'],
  ['unmounted-state-path', 'entity.name.type.rule.vsafe'],
  [',', 'punctuation.separator.rule.vsafe'],
  ['undocumented-mount', 'entity.name.type.rule.vsafe'],
  ['--', 'punctuation.separator.reason.vsafe'],
  [' test database, thrown away', 'string.unquoted.reason.vsafe'],
];

function checkHost(name: string, hosts: Record<string, string>, scope: string, dockerfileScope: string): void {
  describe(name, () => {
    it('YAML: line, trailing and file directives, the production header; other comments untouched', async () => {
      const grammar = (await registry(hosts).loadGrammarWithConfiguration(scope, 1, {}))!;
      const lines = tokenize(
        grammar,
        '# vsafe: production\nservices:\n  db:\n    # vsafe-ignore unmounted-state-path,undocumented-mount -- test database, thrown away\n    image: postgres # vsafe-ignore-file secret-bind-mount\n    # a vsafe-ignore mentioned in prose\n    command: "# vsafe-ignore not-a-comment"\n',
      );
      assert.deepEqual(vsafeTokens(lines[0]!), [
        ['vsafe', 'keyword.control.directive.vsafe'],
        [':', 'punctuation.separator.key-value.vsafe'],
        ['production', 'constant.language.production.vsafe'],
      ]);
      assert.deepEqual(vsafeTokens(lines[3]!), EXPECTED_IGNORE);
      for (const t of lines[3]!.filter((t) => t.text.includes('vsafe'))) assert.ok(t.scopes.some((s) => s.startsWith('comment.line.number-sign')), 'still inside the comment');
      assert.deepEqual(vsafeTokens(lines[4]!), [
        ['vsafe-ignore-file', 'keyword.control.directive.vsafe'],
        ['secret-bind-mount', 'entity.name.type.rule.vsafe'],
      ]);
      assert.deepEqual(vsafeTokens(lines[5]!), [], 'only a directive at the start of a comment');
      assert.deepEqual(vsafeTokens(lines[6]!), [], 'not inside strings');
    });

    it('Dockerfile: a whole-line directive is a comment with highlighted parts; instructions are untouched', async () => {
      const grammar = (await registry(hosts).loadGrammarWithConfiguration('source.dockerfile', 2, {}))!;
      const lines = tokenize(grammar, 'FROM postgres:16\n# vsafe-ignore unmounted-state-path,undocumented-mount -- test database, thrown away\n  # vsafe-ignore-file write-after-volume\n# plain comment\nRUN echo vsafe-ignore x\n');
      assert.deepEqual(vsafeTokens(lines[1]!), EXPECTED_IGNORE);
      assert.ok(lines[1]!.every((t) => t.scopes.includes(dockerfileScope)), 'the directive line is still a comment');
      assert.deepEqual(vsafeTokens(lines[2]!), [
        ['vsafe-ignore-file', 'keyword.control.directive.vsafe'],
        ['write-after-volume', 'entity.name.type.rule.vsafe'],
      ]);
      assert.deepEqual(vsafeTokens(lines[3]!), []);
      assert.ok(lines[3]!.some((t) => t.scopes.includes(dockerfileScope)), 'the host grammar still colours plain comments');
      assert.deepEqual(vsafeTokens(lines[4]!), []);
    });
  });
}

checkHost('vsafe comment grammar on minimal host grammars', { 'source.yaml': path.join(FIXTURES, 'mini-yaml.tmLanguage.json'), 'source.dockerfile': path.join(FIXTURES, 'mini-dockerfile.tmLanguage.json') }, 'source.yaml', 'comment.line.number-sign.dockerfile');

if (existsSync(path.join(VSCODE_EXTENSIONS, 'yaml/syntaxes/yaml.tmLanguage.json'))) {
  const yaml = path.join(VSCODE_EXTENSIONS, 'yaml/syntaxes');
  checkHost(
    "vsafe comment grammar on VS Code's own YAML and Dockerfile grammars",
    {
      'source.yaml': path.join(yaml, 'yaml.tmLanguage.json'),
      'source.yaml.1.3': path.join(yaml, 'yaml-1.3.tmLanguage.json'),
      'source.yaml.1.2': path.join(yaml, 'yaml-1.2.tmLanguage.json'),
      'source.yaml.1.1': path.join(yaml, 'yaml-1.1.tmLanguage.json'),
      'source.yaml.1.0': path.join(yaml, 'yaml-1.0.tmLanguage.json'),
      'source.yaml.embedded': path.join(yaml, 'yaml-embedded.tmLanguage.json'),
      'source.dockerfile': path.join(VSCODE_EXTENSIONS, 'docker/syntaxes/docker.tmLanguage.json'),
    },
    'source.yaml',
    'comment.line.number-sign.dockerfile',
  );
}

it('package.json contributes the injection grammar', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const grammar = (pkg.contributes.grammars as { scopeName: string; path: string; injectTo: string[] }[]).find((g) => g.scopeName === 'comment.vsafe.injection');
  assert.ok(grammar, 'contributes.grammars has comment.vsafe.injection');
  assert.equal(path.resolve(ROOT, grammar.path), INJECTION);
  assert.deepEqual([...grammar.injectTo].sort(), ['source.dockercompose', 'source.dockerfile', 'source.yaml']);
});
