// `npm start`: build, then lint the bundled examples. A demo, not a gate: findings exit 0.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status;
if (run(['esbuild.mjs']) !== 0) process.exit(1);
const status = run(['dist/cli.js', 'check', 'examples/']);
// 0 = clean, 1 = findings (expected in the examples); anything else is a real failure.
process.exit(status === 0 || status === 1 ? 0 : status ?? 1);
