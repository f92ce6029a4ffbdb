/**
 * Training is seeded: retraining must write the shipped model files byte for byte. This retrains both models
 * (a few minutes) and compares; the shipped files are put back either way, so nothing is lost.
 *
 *   npx tsx scripts/triage/check-reproducible.ts        (exit 1 when a file differs)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMain } from '../is-main';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Each generated model file and the command that writes it. */
export const MODEL_GENERATORS: readonly { file: string; command: readonly string[] }[] = [
  { file: 'lib/triage/model/complaint-model.ts', command: ['tsx', 'scripts/triage/train-complaint-model.ts'] },
  { file: 'lib/triage/model/category-model.ts', command: ['tsx', 'scripts/triage/train-category-model.ts'] },
];

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

function main(): void {
  let differ = 0;
  for (const { file, command } of MODEL_GENERATORS) {
    const path = `${ROOT}${file}`;
    const shipped = readFileSync(path);
    const run = spawnSync('npx', command, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const retrained = readFileSync(path);
    writeFileSync(path, shipped);
    if (run.status !== 0) throw new Error(`npx ${command.join(' ')} failed (exit ${run.status ?? 'signal'})`);
    const same = shipped.equals(retrained);
    if (!same) differ++;
    console.log(`${same ? 'same' : 'DIFFERS'}  ${file}  shipped ${digest(shipped)}  retrained ${digest(retrained)}`);
  }
  if (differ > 0) {
    console.error(`${differ} model file(s) differ after retraining: training is not reproducible (or the files are stale).`);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) main();
