import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml, parseYamlDocuments } from '../../server/src/core/compose/yaml';
import { lint } from '../../server/src/core/lint';

/*
 * Compose reads YAML with go-yaml, a port of libyaml, which (like PyYAML) lets a quoted
 * scalar run over lines indented less than its key. `yaml` ends the scalar there and
 * reports errors: vsafe reads such a file as Compose does, and reports real errors as before.
 */
const UNINDENTED = "services:\n  samba:\n    image: dperson/samba\n    command: '-u \"joe;joe\" -s \"Media;/media\"\n\n'\n  db:\n    image: postgres:16\n";

describe('quoted scalars over unindented lines (as libyaml reads them)', () => {
  it('parse without errors, the scalar running to its closing quote', () => {
    const doc = parseYaml(UNINDENTED);
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(doc.toJS(), { services: { samba: { image: 'dperson/samba', command: '-u "joe;joe" -s "Media;/media"\n' }, db: { image: 'postgres:16' } } });
  });

  it('the same in a multi-document stream, and double quotes too', () => {
    const text = 'services:\n  a:\n    image: alpine:3\n---\nservices:\n  a:\n    command: "sh -c \'echo\n  one\ntwo\'"\n';
    const docs = parseYamlDocuments(text);
    assert.deepEqual(docs.map((d) => d.errors), [[], []]);
    assert.equal((docs[1]!.toJS() as { services: { a: { command: string } } }).services.a.command, "sh -c 'echo one two'");
  });

  it('the rest of the file is analysed: the database below such a command is reported', () => {
    const files: Record<string, string> = { '/p/compose.yaml': UNINDENTED };
    const result = lint({ files: ['/p/compose.yaml'], host: { readFile: (f: string) => files[f] } });
    assert.deepEqual(result.findings.filter((f) => f.rule !== 'undocumented-mount').map((f) => `${f.rule} ${f.service} ${f.containerPath}`), ['unmounted-state-path db /var/lib/postgresql/data']);
  });

  it('a quote that is never closed stays an error', () => {
    assert.notDeepEqual(parseYaml("services:\n  a:\n    command: 'echo\n").errors, []);
    assert.notDeepEqual(parseYaml("services:\n  a:\n    command: 'echo\n  b:\n    image: x\n").errors, []);
  });

  it('a document marker inside the quotes ends the scalar, as in libyaml', () => {
    assert.notDeepEqual(parseYaml("a: 'x\n---\ny'\n").errors, []);
  });
});
