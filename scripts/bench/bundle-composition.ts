/**
 * Bytes of a built script per package and per source folder, read from its source map: which code a
 * waking worker parses. Build with maps first, then run:
 *
 *   CARESIDE_SOURCEMAP=1 npx wxt build && npx tsx scripts/bench/bundle-composition.ts .output/chrome-mv3/background.js
 *
 * (add CARESIDE_NO_MINIFY=1 to the build to see unminified sizes).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface SourceMap {
  sources: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source map segment's fields (base64 VLQ). */
export function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`not a source map segment: ${segment}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/** Characters of `code` per source path; what no mapping covers is under "(unmapped)". */
export function bytesPerSource(code: string, map: SourceMap): Map<string, number> {
  const bytes = new Map<string, number>();
  const add = (source: number, count: number) => {
    const name = source >= 0 ? (map.sources[source] ?? '(unknown)') : '(unmapped)';
    bytes.set(name, (bytes.get(name) ?? 0) + count);
  };
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((line, index) => {
    const length = (lines[index] ?? '').length + 1;
    let column = 0;
    let from = 0;
    let current = -1;
    for (const segment of line ? line.split(',') : []) {
      const fields = decodeSegment(segment);
      column += fields[0] ?? 0;
      add(current, column - from);
      if (fields.length > 1) source += fields[1] ?? 0;
      current = fields.length > 1 ? source : -1;
      from = column;
    }
    add(current, length - from);
  });
  return bytes;
}

/** A source path's group: its npm package, or its top folder (lib/<folder>). */
export function groupOf(path: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inPackage) return `npm:${inPackage[1]}`;
  const parts = path.replace(/^(\.\.\/)+/, '').split('/');
  return parts.slice(0, parts[0] === 'lib' ? 2 : 1).join('/');
}

function main(file: string | undefined): void {
  if (!file) throw new Error('usage: tsx scripts/bench/bundle-composition.ts <built script with a .map beside it>');
  const code = readFileSync(file, 'utf8');
  const perSource = bytesPerSource(code, JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMap);
  const perGroup = new Map<string, number>();
  for (const [path, count] of perSource) perGroup.set(groupOf(path), (perGroup.get(groupOf(path)) ?? 0) + count);
  const kib = (count: number) => `${(count / 1024).toFixed(1).padStart(8)} KiB`;
  console.log(`${file}: ${kib(code.length)}`);
  for (const [group, count] of [...perGroup].sort((a, b) => b[1] - a[1])) console.log(`${kib(count)}  ${group}`);
  console.log('largest sources:');
  for (const [path, count] of [...perSource].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${kib(count)}  ${path}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv[2]);
