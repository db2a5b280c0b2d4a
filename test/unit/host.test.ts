/**
 * NodeFileHost answers probes for absent files from folder listings when it has them
 * (a workspace walk's, or one read per folder for the CLI) and from the file system
 * otherwise; a change reported for a file voids its folder's listing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { discover } from '../../server/src/node/discover';
import { NodeFileHost } from '../../server/src/node/host';
import { toCorePath } from '../../server/src/node/paths';

describe('NodeFileHost folder listings', () => {
  let root: string;
  let core: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'vsafe-host-'));
    core = toCorePath(root);
    mkdirSync(path.join(root, 'app'));
    writeFileSync(path.join(root, 'app/compose.yaml'), 'services: {}\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const create = (name: string, text: string): void => writeFileSync(path.join(root, name), text);

  it('without listings, every probe asks the file system', () => {
    const host = new NodeFileHost();
    assert.equal(host.readFile(`${core}/app/compose.yaml`), 'services: {}\n');
    assert.equal(host.readFile(`${core}/app/.env`), undefined);
    assert.equal(host.exists(`${core}/app`), true);
    assert.equal(host.exists(`${core}/nothing`), false);
  });

  it("a walk's listing answers probes, so a file created after the walk stays unseen until the listing is dropped", () => {
    const host = new NodeFileHost();
    host.startListing();
    host.rememberListings(discover([root]).listings);
    create('app/late.yaml', 'late\n');
    try {
      assert.equal(host.readFile(`${core}/app/late.yaml`), undefined, 'answered from the listing');
      assert.equal(host.exists(`${core}/app/late.yaml`), false);
      assert.equal(host.readFile(`${core}/app/compose.yaml`), 'services: {}\n', 'listed files are read');
      host.forgetListings();
      host.invalidate(`${core}/app/late.yaml`);
      assert.equal(host.readFile(`${core}/app/late.yaml`), 'late\n');
    } finally {
      rmSync(path.join(root, 'app/late.yaml'));
    }
  });

  it('a change reported for a file drops its folder listing, also when reported during the walk', () => {
    const host = new NodeFileHost();
    host.startListing();
    const { listings } = discover([root]);
    create('app/.env', 'A=1\n');
    try {
      // Reported while the walk was still running: its listing of app/ predates the file.
      host.invalidate(`${core}/app/.env`);
      host.rememberListings(listings);
      assert.equal(host.readFile(`${core}/app/.env`), 'A=1\n');

      const later = new NodeFileHost();
      later.startListing();
      later.rememberListings(discover([root]).listings);
      create('app/.vsaferc.json', '{}\n');
      assert.equal(later.exists(`${core}/app/.vsaferc.json`), false);
      later.invalidate(`${core}/app/.vsaferc.json`);
      assert.equal(later.exists(`${core}/app/.vsaferc.json`), true);
    } finally {
      rmSync(path.join(root, 'app/.env'));
      rmSync(path.join(root, 'app/.vsaferc.json'), { force: true });
    }
  });

  it('a folder missing from a listed ancestor holds nothing, until a change is reported inside it', () => {
    const host = new NodeFileHost();
    host.startListing();
    host.rememberListings(discover([root]).listings);
    mkdirSync(path.join(root, 'app/build/deep'), { recursive: true });
    create('app/build/deep/Dockerfile', 'FROM alpine\n');
    try {
      assert.equal(host.readFile(`${core}/app/build/deep/Dockerfile`), undefined, 'app/ was listed without build/');
      host.invalidate(`${core}/app/build/deep/Dockerfile`);
      assert.equal(host.readFile(`${core}/app/build/deep/Dockerfile`), 'FROM alpine\n');
      assert.equal(host.exists(`${core}/app/build`), true);
    } finally {
      rmSync(path.join(root, 'app/build'), { recursive: true });
    }
  });

  it('listFolders reads each folder once and answers from it; missing folders hold nothing', () => {
    const host = new NodeFileHost({ listFolders: true });
    assert.equal(host.readFile(`${core}/app/compose.override.yaml`), undefined);
    create('app/compose.override.yaml', 'services: {}\n');
    try {
      // The run took the folder as it was at its first probe.
      assert.equal(host.readFile(`${core}/app/compose.override.yaml`), undefined);
      assert.equal(new NodeFileHost({ listFolders: true }).readFile(`${core}/app/compose.override.yaml`), 'services: {}\n');
      assert.equal(host.readFile(`${core}/absent/compose.yaml`), undefined);
      assert.equal(host.exists(`${core}/absent`), false);
    } finally {
      rmSync(path.join(root, 'app/compose.override.yaml'));
    }
  });

  it('unsaved editor buffers come before any listing', () => {
    const host = new NodeFileHost({ listFolders: true });
    host.setOverlay(`${core}/app/new.yaml`, 'unsaved\n');
    assert.equal(host.readFile(`${core}/app/new.yaml`), 'unsaved\n');
    assert.equal(host.exists(`${core}/app/new.yaml`), true);
  });
});
