import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemoScenario } from '../../scripts/browser/demo-scenario';
import { TOUR_SCREENSHOTS, WELCOME_SCREENSHOT } from '../../scripts/browser/demo-tour';
import { launchExtensionBrowser } from '../../scripts/browser/launch';
import { DEMO_PAGES } from '../../demo/pages';
import { DEMO_X_SEARCH_POSTS } from '../../demo/x/search-posts';

const key = (handle: string) => `x:${DEMO_X_SEARCH_POSTS.find((post) => post.handle === handle)?.id ?? 'missing'}`;

describe('npm start demo', () => {
  it('runs end to end headless: sidebar, a case per site, popup, case panel, dashboard, options, screenshots', async () => {
    const browser = await launchExtensionBrowser({ headless: true });
    const outputDir = mkdtempSync(join(tmpdir(), 'careside-demo-'));
    const lines: string[] = [];
    try {
      const result = await runDemoScenario(browser, { outputDir, report: (line) => lines.push(line) });

      const xKeys = result.mentionsByPage['x.com/search'] ?? [];
      for (const handle of ['dana_travels', 'marcus_oyelaran', 'priyakapoor_', 'jordan_flies', 'lina_chen_', 'benwrites']) {
        expect(xKeys, `mention by @${handle}`).toContain(key(handle));
      }
      expect(xKeys, 'post without the brand').not.toContain(key('hikewithsam'));
      expect(xKeys, 'excluded phrase "Acme Anvils"').not.toContain(key('theo_makes'));
      const complaintPages = DEMO_PAGES.filter((page) => page.firstComplaintPostKey).length;
      expect(result.loggedRefs).toHaveLength(complaintPages);
      for (const ref of result.loggedRefs) expect(ref).toMatch(/^CS-/);
      expect(new Set(result.loggedRefs).size).toBe(complaintPages);
      expect(result.openTotal).toBe(complaintPages);
      expect(result.badge).toBe(String(complaintPages));
      // The welcome page, a shot per page, the popup, then the case panel, dashboard and options.
      expect(result.screenshots.map((shot) => basename(shot))).toEqual([
        WELCOME_SCREENSHOT,
        ...DEMO_PAGES.map((page) => `${page.platform}-page.png`),
        'popup.png',
        ...Object.values(TOUR_SCREENSHOTS),
      ]);
      for (const shot of result.screenshots) expect(existsSync(shot), shot).toBe(true);
      for (const ref of result.loggedRefs) expect(lines.some((line) => line.startsWith(`✓ Logged ${ref}`))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
