/**
 * `npm start`: build CareSide, open Chromium with it on local copies of real site pages,
 * log a case on each, and show the popup, case panel, dashboard and options, printing each step.
 *
 *   npm start                 headed when a display is available, else headless
 *   npm start -- --headless   never open a window (also when CI is set)
 *   npm start -- --no-build   reuse .output/chrome-mv3
 *   npm start -- --readme-screenshots   also copy the screenshots the README shows to docs/screenshots/
 *
 * Headless: exits 0 when every step passed, 1 with the failing step otherwise.
 * Headed: leaves the browser open until you close it.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumProblem, launchExtensionBrowser, type ExtensionBrowser } from './browser/launch';
import { DemoStepError, runDemoScenario } from './browser/demo-scenario';
import { copyReadmeScreenshots } from './browser/demo-tour';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT_DIR = resolve(ROOT, 'demo-output');
const README_SCREENSHOTS_DIR = resolve(ROOT, 'docs/screenshots');
const args = new Set(process.argv.slice(2));
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.has('--headless') || ci || (!hasDisplay && !args.has('--headed'));

function fail(message: string): never {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

function build(): void {
  console.log('→ Building the extension (npx wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: ROOT });
  if (result.error) fail(`Could not run "npx wxt build": ${result.error.message}`);
  if (result.status !== 0) fail(`"npx wxt build" failed (exit ${result.status ?? 'signal'}); see its output above.`);
  console.log('✓ Built .output/chrome-mv3');
}

async function main(): Promise<void> {
  const noChromium = chromiumProblem();
  if (noChromium) fail(noChromium);
  if (args.has('--headed') && !hasDisplay) fail('--headed needs a display (DISPLAY is not set). Run without --headed, or under xvfb-run.');
  if (!args.has('--no-build')) build();

  console.log(`→ Starting Chromium (${headless ? 'headless' : 'with a window'}) with CareSide loaded…`);
  let browser: ExtensionBrowser;
  try {
    browser = await launchExtensionBrowser({ headless });
  } catch (error) {
    fail(`Could not start Chromium with the extension: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`✓ Extension loaded (id ${browser.extensionId})`);

  try {
    const result = await runDemoScenario(browser, { outputDir: OUTPUT_DIR, report: (line) => console.log(line) });
    if (result.loggedRefs.length === 0) throw new Error('No demo page names a complaint to log (demo/pages.ts firstComplaintPostKey).');
    if (args.has('--readme-screenshots'))
      console.log(`✓ README screenshots updated: ${copyReadmeScreenshots(OUTPUT_DIR, README_SCREENSHOTS_DIR).join(', ')}`);
  } catch (error) {
    const message = error instanceof DemoStepError || error instanceof Error ? error.message : String(error);
    await saveFailureScreenshot(browser);
    if (headless) {
      await browser.close();
      fail(message);
    }
    console.error(`\n✗ ${message}\n  The browser stays open so you can look; close it to exit.`);
    process.exitCode = 1;
  }

  if (headless) {
    await browser.close();
    console.log('\nDemo finished. Run `npm start` on a machine with a display to explore it in a window.');
    return;
  }
  console.log('\nThe browser stays open: try the sidebar, "Log case" buttons and the toolbar popup. Close the window to exit.');
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.once('SIGINT', () => void browser.close().then(done));
  });
  console.log('Browser closed.');
}

async function saveFailureScreenshot(browser: ExtensionBrowser): Promise<void> {
  const page = browser.context.pages().at(-1);
  if (!page) return;
  const path = resolve(OUTPUT_DIR, 'failure.png');
  try {
    await page.screenshot({ path });
    console.error(`  Screenshot of the failing page: ${path}`);
  } catch {
    // A screenshot is a courtesy; the error message above is what matters.
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
