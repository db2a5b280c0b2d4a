import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpolate, parseDotEnv } from '../../server/src/core/compose/interpolate';

const env = new Map([
  ['TAG', '16'],
  ['EMPTY', ''],
  ['DIR', '/srv/data'],
]);

describe('interpolate', () => {
  const cases: [string, string, boolean][] = [
    ['postgres:${TAG}', 'postgres:16', false],
    ['postgres:$TAG', 'postgres:16', false],
    ['postgres:${MISSING}', 'postgres:${MISSING}', true],
    ['postgres:$MISSING', 'postgres:${MISSING}', true],
    ['${MISSING:-15}', '15', false],
    ['${EMPTY:-15}', '15', false],
    ['${EMPTY-15}', '', false],
    ['${MISSING-15}', '15', false],
    ['${TAG:-15}', '16', false],
    ['${MISSING:?set it}', '${MISSING}', true],
    ['${EMPTY:?set it}', '${EMPTY}', true],
    ['${EMPTY?set it}', '', false],
    ['${TAG:?set it}', '16', false],
    ['${TAG:+alt}', 'alt', false],
    ['${MISSING:+alt}', '', false],
    ['$$HOME and $${TAG}', '$HOME and ${TAG}', false],
    ['${MISSING:-${DIR}/pg}', '/srv/data/pg', false],
    ['${MISSING:-${ALSO_MISSING}}', '${ALSO_MISSING}', true],
    ['price: 5$', 'price: 5$', false],
    ['${unclosed', '${unclosed', false],
  ];
  for (const [raw, value, unknown] of cases) {
    it(`${raw} → ${value}${unknown ? ' (unknown)' : ''}`, () => {
      const result = interpolate(raw, env);
      assert.equal(result.value, value);
      assert.equal(result.unknown, unknown);
    });
  }

  it('a .env value that references an undefined variable is unknown', () => {
    const fromDotEnv = parseDotEnv('TAG=${CI_TAG}\nOK=${CI_TAG:-16}\n');
    assert.deepEqual(interpolate('postgres:${TAG}', fromDotEnv), { value: 'postgres:${CI_TAG}', unknown: true, missing: ['TAG'] });
    assert.deepEqual(interpolate('postgres:${TAG:-15}', fromDotEnv).unknown, true);
    assert.deepEqual(interpolate('postgres:${OK}', fromDotEnv), { value: 'postgres:16', unknown: false, missing: [] });
  });

  it('names the missing variables', () => {
    assert.deepEqual(interpolate('${A}/${B:-x}/${C:?e}', env).missing, ['A', 'C']);
  });

  it('stays bounded on deeply nested defaults', () => {
    const raw = '${A:-'.repeat(200) + 'x' + '}'.repeat(200);
    const result = interpolate(raw, env);
    assert.equal(typeof result.value, 'string');
  });
});

describe('parseDotEnv', () => {
  it('reads the forms Compose accepts', () => {
    const parsed = parseDotEnv(
      [
        '# comment',
        'PLAIN=value',
        'export EXPORTED=yes',
        'SPACED = padded ',
        'COMMENTED=value # trailing comment',
        'HASH=a#b',
        "SINGLE='literal ${PLAIN} # not a comment'",
        'DOUBLE="line\\nnext ${PLAIN}" # comment',
        'ESCAPED="cost \\$5"',
        'REF=${PLAIN}-suffix',
        'UNKNOWN_REF=${NOPE}',
        'MULTI="first',
        'second"',
        'EMPTY=',
        'COLON: yaml-style',
        'not a line',
      ].join('\n'),
    );
    assert.deepEqual(Object.fromEntries(parsed), {
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'padded',
      COMMENTED: 'value',
      HASH: 'a#b',
      SINGLE: 'literal ${PLAIN} # not a comment',
      DOUBLE: 'line\nnext value',
      ESCAPED: 'cost $5',
      REF: 'value-suffix',
      UNKNOWN_REF: '${NOPE}',
      MULTI: 'first\nsecond',
      EMPTY: '',
      COLON: 'yaml-style',
    });
  });

  it('handles CRLF and a BOM', () => {
    assert.deepEqual(Object.fromEntries(parseDotEnv('\uFEFFA=1\r\nB=2\r\n')), { A: '1', B: '2' });
  });
});
