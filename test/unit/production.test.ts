import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseComposeFile } from '../../server/src/core/compose/parse';
import { emptyConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core';
import { analyseProduction, hasProductionHeader, isDevelopmentFileName, matchingProductionGlob, productionReason } from '../../server/src/core/production';
import { MemoryHost } from '../helpers/memory-host';

const P = '/work/project';

describe('production detection', () => {
  it('file-name words', () => {
    const production = ['compose.prod.yaml', 'docker-compose.production.yml', 'stack.yml', 'prod-stack.yml', 'compose.prd.yml', 'docker-compose.live.yaml', 'compose.release.yaml', 'docker-stack.yml', 'compose.prod.eu.yaml', 'docker-compose.prodEU.yml'];
    for (const name of production) assert.ok(productionReason(`${P}/${name}`, undefined), name);
    const not = ['compose.yaml', 'docker-compose.yml', 'compose.override.yaml', 'compose.staging.yaml', 'compose.products.yaml', 'compose.livestream.yaml', 'compose.preprod.yaml'];
    for (const name of not) assert.equal(productionReason(`${P}/${name}`, undefined), undefined, name);
  });

  it('development words win over production words', () => {
    for (const name of ['compose.prod.override.yaml', 'compose.dev.yaml', 'docker-compose.development.yml', 'compose.local.yaml', 'compose.test.yaml', 'compose.ci.yaml', 'stack.dev.yml', 'compose.prod-local.yaml']) {
      assert.ok(isDevelopmentFileName(`${P}/${name}`), name);
      assert.equal(productionReason(`${P}/${name}`, undefined, { config: { production: ['*'], root: P } }), undefined, name);
    }
  });

  it('the # vsafe: production header', () => {
    const marked = parseComposeFile(`${P}/compose.yaml`, '# vsafe: production\nservices: {}\n');
    assert.deepEqual(productionReason(marked.file, marked), { kind: 'header' });
    const spaced = parseComposeFile(`${P}/compose.yaml`, '# deployed on the VPS\n#   vsafe:  production\n\nservices:\n  a:\n    image: x\n');
    assert.ok(hasProductionHeader(spaced.doc, spaced.text));
    const later = parseComposeFile(`${P}/compose.yaml`, 'services:\n  # vsafe: production\n  a:\n    image: x\n');
    assert.equal(hasProductionHeader(later.doc, later.text), false);
    assert.ok(hasProductionHeader(undefined, '\uFEFF---\n# vsafe: production\nservices: [\n'));
  });

  it('config globs are relative to the config root; a glob without / matches the name', () => {
    assert.equal(matchingProductionGlob(`${P}/deploy/app.yml`, ['deploy/*.yml'], P), 'deploy/*.yml');
    assert.equal(matchingProductionGlob(`${P}/deploy/app.yml`, ['./deploy/**'], P), './deploy/**');
    assert.equal(matchingProductionGlob(`${P}/other/deploy/app.yml`, ['deploy/*.yml'], P), undefined);
    assert.equal(matchingProductionGlob(`${P}/a/b/server.yml`, ['server.yml'], P), 'server.yml');
    assert.equal(matchingProductionGlob('/elsewhere/x.yml', ['/elsewhere/*.yml'], P), '/elsewhere/*.yml');
  });

  it('--production (assumeProduction) makes the deployed files production, never the override', () => {
    const base = parseComposeFile(`${P}/compose.yaml`, 'services: {}\n');
    const override = parseComposeFile(`${P}/compose.override.yaml`, 'services: {}\n');
    const info = analyseProduction({ dir: P, files: [base, override] }, { config: { production: [], assumeProduction: true } });
    assert.equal(info.production, true);
    assert.deepEqual(info.productionFiles.map((f) => f.file), [base.file]);
    assert.deepEqual(info.developmentFiles, [override.file]);
    assert.equal(info.override?.file, `${P}/compose.override.yaml`);
  });

  it('lint marks configurations', () => {
    const host = new MemoryHost({ 'compose.yaml': 'services:\n  a:\n    image: x\n', 'compose.override.yaml': 'services:\n  a:\n    image: y\n', 'compose.prod.yaml': 'services:\n  a:\n    image: z\n' });
    const result = lint({ files: [...host.files.keys()], host, config: emptyConfig() });
    const marks = result.configurations.map((c) => [c.files.map((f) => f.file.slice(P.length + 1)).join('+'), c.production]);
    assert.deepEqual(marks.sort(), [['compose.yaml+compose.override.yaml', false], ['compose.yaml+compose.prod.yaml', true]]);
  });

  it('a base mount deployed by two production files: one finding naming both, related locations at their service keys', () => {
    const host = new MemoryHost({
      'compose.yaml': 'services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n',
      'compose.prod.yaml': 'services:\n  web:\n    restart: always\n',
      'compose.release.yaml': 'services:\n  web:\n    image: acme/web:1\n',
      'compose.dev.yaml': 'services:\n  web:\n    volumes:\n      - ./src:/app/src\n',
    });
    const findings = lint({ files: [...host.files.keys()], host, config: emptyConfig() }).findings.filter((f) => f.rule === 'source-bind-mount-in-production');
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /also deployed with compose\.prod\.yaml, compose\.release\.yaml\./);
    assert.deepEqual(
      findings[0]!.related.map((r) => [r.location.file.slice(P.length + 1), r.location.range.start.line, r.message]),
      [
        ['compose.prod.yaml', 1, 'compose.prod.yaml is a production file (its name says "prod"); it is merged on compose.yaml'],
        ['compose.release.yaml', 1, 'compose.release.yaml is a production file (its name says "release"); it is merged on compose.yaml'],
      ],
    );
  });
});
