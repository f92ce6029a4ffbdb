// Runs before `npm start` and `npm test` (npm's pre-scripts) so that the two README commands work
// straight after a clone: installs the pinned dependencies when they are missing or out of date.
// Plain Node, no dependencies: it runs before any are installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs;

if (stale) {
  console.log('CareSide: installing the pinned dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('CareSide: `npm ci` failed; fix the error above and run the command again.');
    process.exit(result.status ?? 1);
  }
}
