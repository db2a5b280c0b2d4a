/**
 * The parse floor as a process, for the end-to-end comparison: reads the compose files
 * named on the command line and parses each with the `yaml` package (vsafe's options),
 * nothing else. The benchmark bundles it like the CLI (minified) and runs it on the same
 * files, so it shows what Node's start plus a cold `yaml` parse alone cost end to end.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { YAML_PARSE_OPTIONS } from '../server/src/core/compose/yaml';

let parsed = 0;
for (const file of process.argv.slice(2)) if (parseDocument(readFileSync(file, 'utf8'), YAML_PARSE_OPTIONS).contents) parsed++;
process.stdout.write(`${parsed} documents\n`);
