/**
 * The rest of the demo after a case is logged: the case panel it opens, the dashboard and the
 * options page, each screenshotted at the 1280 px laptop size. `npm start -- --readme-screenshots`
 * copies these (and the sidebar and popup shots) to docs/screenshots/, which the README shows.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './launch';
import { CasePanelUi, DashboardUi } from './careside-ui';

/** What the tour screenshots, in order. */
export const TOUR_SCREENSHOTS = { casePanel: 'case-panel.png', dashboard: 'dashboard.png', options: 'options.png' } as const;

/** The demo's first shot: the welcome page a first install opens. */
export const WELCOME_SCREENSHOT = 'welcome.png';

/** demo-output file → the README's name for it. */
export const README_SCREENSHOTS: Record<string, string> = {
  [WELCOME_SCREENSHOT]: 'welcome.png',
  'x-page.png': 'sidebar.png',
  [TOUR_SCREENSHOTS.casePanel]: 'case-panel.png',
  'popup.png': 'popup.png',
  [TOUR_SCREENSHOTS.dashboard]: 'dashboard.png',
  [TOUR_SCREENSHOTS.options]: 'options.png',
};

export interface TourInput {
  browser: ExtensionBrowser;
  /** The site page the case was logged on, and its post. */
  page: Page;
  postKey: string;
  outputDir: string;
  /** Runs one named step (throws with the step's name on failure). */
  step: <T>(name: string, run: () => Promise<T>) => Promise<T>;
}

/** Screenshots of the case panel, the dashboard and the options page; returns their paths. */
export async function captureTour({ browser, page, postKey, outputDir, step }: TourInput): Promise<string[]> {
  const shots: string[] = [];
  const shoot = async (target: Page, name: string) => {
    const path = resolve(outputDir, name);
    await step(`Screenshot ${name}`, () => target.screenshot({ path }));
    shots.push(path);
  };

  await page.bringToFront();
  await step(`Open the case panel for ${postKey}`, () => new CasePanelUi(page).open(postKey));
  await shoot(page, TOUR_SCREENSHOTS.casePanel);

  const dashboardPage = await browser.context.newPage();
  const dashboard = await step('Open the dashboard', () => DashboardUi.open(dashboardPage, browser.extensionId));
  await step('Read the dashboard total', () => dashboard.total());
  await shoot(dashboardPage, TOUR_SCREENSHOTS.dashboard);

  const optionsPage = await browser.context.newPage();
  await step('Open the options page', async () => {
    await optionsPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await optionsPage.getByTestId('options-brand').first().waitFor();
  });
  await shoot(optionsPage, TOUR_SCREENSHOTS.options);
  return shots;
}

/** Copy the demo's screenshots to the README's folder under the README's names. */
export function copyReadmeScreenshots(outputDir: string, readmeDir: string): string[] {
  mkdirSync(readmeDir, { recursive: true });
  return Object.entries(README_SCREENSHOTS).map(([from, to]) => {
    const target = resolve(readmeDir, to);
    copyFileSync(resolve(outputDir, from), target);
    return target;
  });
}
