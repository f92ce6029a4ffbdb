import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ElementContext, Result } from 'axe-core';

const require = createRequire(import.meta.url);
/** axe-core's browser build as text (evaluated in the page: extension pages' CSP forbids injected script tags). */
const AXE_SOURCE = (require('axe-core') as { source: string }).source;

/** Only what a person would be blocked by counts as a failure. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Run axe-core over `context` (default: the whole document; axe walks open shadow roots) and
 * return the serious and critical violations, each with where it is, readably.
 */
export async function blockingViolations(page: Page, context?: ElementContext): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    (scope: unknown): Promise<unknown> =>
      (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(scope ?? document, {
        resultTypes: ['violations'],
      }),
    (context ?? null) as unknown,
  )) as AxeResults;
  return results.violations.filter((violation) => BLOCKING.has(violation.impact ?? '')).map(describe);
}

function describe(violation: Result): string {
  const where = violation.nodes
    .slice(0, 5)
    .map((node) => `    at ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
    .join('\n');
  return `${violation.impact}: ${violation.id} (${violation.help}) on ${violation.nodes.length} element(s)\n${where}`;
}
