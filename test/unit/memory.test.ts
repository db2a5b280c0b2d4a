/**
 * What an analysis leaves behind must die young. V8's minor collections treat the entries
 * of a long-lived WeakMap as live, and an accessor made of fresh closures gives each object
 * a hidden class of its own that they also treat as live: either kept every parse tree
 * alive until a major collection. These tests pin the two replacements down.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint, ParseCache } from '../../server/src/core';
import { ObjectSlot } from '../../server/src/core/collections';
import { dropLazyFixes } from '../../server/src/core/lint';
import { NodeFileHost } from '../../server/src/node/host';

const CORE = path.resolve(__dirname, '../../server/src/core');

/** Module-level WeakMaps whose keys live as long as the process or the caller's cache, with why. */
const LONG_LIVED_KEYS: Record<string, string> = {
  'knowledge/lookup.ts': 'keyed by the image list of a configuration',
};

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

describe('memory: per-analysis memos die with the analysis', () => {
  it('the core keeps per-object memos in ObjectSlots, not in module-level WeakMaps', () => {
    const offenders: string[] = [];
    for (const file of sources(CORE)) {
      const relative = path.relative(CORE, file).split(path.sep).join('/');
      if (/new WeakMap\b/.test(readFileSync(file, 'utf8')) && !(relative in LONG_LIVED_KEYS)) offenders.push(relative);
    }
    assert.deepEqual(offenders, []);
  });

  it('an ObjectSlot stores on the object, out of sight of spreads, JSON and key listings', () => {
    const slot = new ObjectSlot<object, number>('test');
    const owner = { a: 1 };
    assert.equal(slot.get(owner), undefined);
    slot.set(owner, 42);
    assert.equal(slot.get(owner), 42);
    slot.set(owner, 43);
    assert.equal(slot.get(owner), 43);
    assert.deepEqual({ ...owner }, { a: 1 });
    assert.equal(JSON.stringify(owner), '{"a":1}');
    assert.deepEqual(Object.keys(owner), ['a']);
    assert.equal(new ObjectSlot<object, number>('test').get(owner), undefined, 'two slots never share a value');
    slot.delete(owner);
    assert.equal(slot.get(owner), undefined);
  });

  const TEXT = 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n';
  const findingsOf = () => {
    const host = new NodeFileHost();
    host.setOverlay('/w/compose.yaml', TEXT);
    return lint({ files: ['/w/compose.yaml'], host, cache: new ParseCache() }).findings;
  };

  it('lazily computed fixes share one getter and setter, whatever the finding', () => {
    const lazy = [...findingsOf(), ...findingsOf()].map((f) => Object.getOwnPropertyDescriptor(f, 'fixes')!).filter((d) => d.get);
    assert.ok(lazy.length >= 4, `findings with lazy fixes: ${lazy.length}`);
    assert.equal(new Set(lazy.map((d) => d.get)).size, 1);
    assert.equal(new Set(lazy.map((d) => d.set)).size, 1);
  });

  it('lazy fixes are own, enumerable, computed once and settable; dropping them leaves none', () => {
    const [finding] = findingsOf().filter((f) => Object.getOwnPropertyDescriptor(f, 'fixes')?.get);
    assert.ok(finding);
    const fixes = finding.fixes;
    assert.ok(fixes.length > 0);
    assert.equal(finding.fixes, fixes, 'computed once');
    assert.deepEqual(({ ...finding }).fixes, fixes, 'spreads copy the computed fixes');
    assert.ok(JSON.stringify(finding).includes('"fixes":[{'));
    finding.fixes = [];
    assert.deepEqual(finding.fixes, []);
    assert.equal(dropLazyFixes(finding), true);
    assert.deepEqual(finding.fixes, []);
    assert.equal(Object.getOwnPropertyDescriptor(finding, 'fixes')?.get, undefined, 'a plain property again');
    assert.equal(dropLazyFixes(finding), false);
  });
});
