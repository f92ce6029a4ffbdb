import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../domain/post';
import { SITES } from './registry';

/**
 * Each content script bundles only its own site's code, and what the background and
 * lib/handoff import (the registry) holds no DOM code: checked on the source import graph, which
 * is what the bundler follows.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PLATFORMS = Object.keys(SITES) as Platform[];
const RELATIVE_IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|(?:^|\n)\s*import\s+'(\.[^']+)'/g;

/** Stylesheets and other assets: no code to follow. */
const ASSET = /\.(?:css|json|svg|png|html)(?:\?.*)?$/;

function resolveImport(fromFile: string, specifier: string): string {
  const base = resolve(dirname(fromFile), specifier);
  // `.d.ts`: generated declarations (WXT's typed i18n keys) are imported as types.
  const found = [base, `${base}.ts`, `${base}.tsx`, `${base}.d.ts`, join(base, 'index.ts')].find(
    (path) => /\.tsx?$/.test(path) && existsSync(path),
  );
  if (!found) throw new Error(`Cannot resolve ${specifier} from ${relative(ROOT, fromFile)}`);
  return found;
}

/** Every source file reachable from `entry` through relative imports (type-only imports included). */
function importGraph(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [resolve(ROOT, entry)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const specifier = (match[1] ?? match[2]) as string;
      if (!ASSET.test(specifier)) pending.push(resolveImport(file, specifier));
    }
  }
  return [...seen].map((file) => relative(ROOT, file));
}

/** Files of other sites' folders in `files`, except their data-only site.ts. */
function otherSitesCode(files: string[], platform: Platform): string[] {
  return files.filter((file) => {
    const site = /^lib\/sites\/([^/]+)\//.exec(file)?.[1];
    return site !== undefined && site !== platform && PLATFORMS.includes(site as Platform) && !file.endsWith('/site.ts');
  });
}

describe('site boundaries', () => {
  it.each(PLATFORMS)("the %s content script reaches no other site's adapter, composer or selectors", (platform) => {
    const files = importGraph(`entrypoints/${platform}.content/index.ts`);
    expect(files).toContain(`lib/sites/${platform}/adapter.ts`);
    expect(otherSitesCode(files, platform)).toEqual([]);
  });

  it('the site registry (imported by the background and lib/handoff) reaches only site definitions', () => {
    const files = importGraph('lib/sites/registry.ts').filter((file) => file.startsWith('lib/sites/'));
    expect(files.sort()).toEqual([
      'lib/sites/facebook/site.ts',
      'lib/sites/registry.ts',
      'lib/sites/site.ts',
      'lib/sites/x/site.ts',
      'lib/sites/yelp/site.ts',
    ]);
  });
});
