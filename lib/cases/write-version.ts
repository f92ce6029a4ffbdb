/**
 * A counter bumped by every case write in this worker. Read-side caches remember the value they
 * were computed at and are thrown away once it moves (the background is the only writer).
 */
let version = 0;

export function writeVersion(): number {
  return version;
}

export function bumpWriteVersion(): void {
  version += 1;
}
