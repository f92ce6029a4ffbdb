/**
 * Edits a served X page the way x.com's own scripts do (timeline cells replaced or appended,
 * history.pushState for in-app navigation). Runs in the page; markup comes from demo/x/markup.ts.
 */
import type { Page } from 'playwright-core';

export async function appendCells(page: Page, cellsHtml: string): Promise<void> {
  await page.evaluate((html) => {
    const container = document.getElementById('timeline-cells');
    if (!container) throw new Error('test page has no #timeline-cells');
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    container.append(...Array.from(parsed.body.children).map((node) => document.adoptNode(node)));
  }, cellsHtml);
}

/** In-app navigation: new URL without a load, old cells removed, new ones rendered. */
export async function navigateInApp(page: Page, path: string, cellsHtml: string): Promise<void> {
  await page.evaluate((nextPath) => {
    history.pushState({}, '', nextPath);
    document.getElementById('timeline-cells')?.replaceChildren();
  }, path);
  await appendCells(page, cellsHtml);
}
