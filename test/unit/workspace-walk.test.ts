import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParseCache } from '../../server/src/core';
import { WorkspaceAnalysis } from '../../server/src/lsp/workspace';

/** An analysis whose folders never lint (no config): only the scanned file sets are under test. */
function analysis(): WorkspaceAnalysis {
  return new WorkspaceAnalysis({
    host: { readFile: () => undefined },
    cache: new ParseCache(),
    configFor: () => undefined,
    enabled: () => true,
    publish: () => undefined,
    idle: () => undefined,
    error: (message) => assert.fail(message),
  });
}

test('a file created or deleted while a walk runs survives the walk listing its folder earlier', () => {
  const a = analysis();
  a.setScanned(['/w/old/compose.yaml'], []);
  a.startWalk();
  // The walk has listed /w/new and /w/old already when these are reported.
  a.created('/w/new/compose.yaml', 'compose');
  a.created('/w/new/Dockerfile', 'dockerfile');
  a.deleted('/w/old/compose.yaml');
  a.setScanned(['/w/old/compose.yaml'], []);
  assert.equal(a.isScanned('/w/new/compose.yaml'), true);
  assert.equal(a.isScanned('/w/new/Dockerfile'), true);
  assert.equal(a.isScanned('/w/old/compose.yaml'), false);
});

test('changes reported between walks do not outlive the next walk', () => {
  const a = analysis();
  a.created('/w/x/compose.yaml', 'compose');
  a.startWalk();
  // The walk lists the folder after the file was deleted on disk (and no event came).
  a.setScanned([], []);
  assert.equal(a.isScanned('/w/x/compose.yaml'), false);
});
