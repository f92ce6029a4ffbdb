import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemoScenario } from '../../scripts/browser/demo-scenario';
import { launchExtensionBrowser } from '../../scripts/browser/launch';
import { DEMO_PAGES } from '../../demo/pages';
import { DEMO_X_SEARCH_POSTS } from '../../demo/x/search-posts';

const key = (handle: string) => `x:${DEMO_X_SEARCH_POSTS.find((post) => post.handle === handle)?.id ?? 'missing'}`;

describe('npm start demo', () => {
  it('runs end to end headless: sidebar, log, popup, screenshots', async () => {
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
      expect(result.loggedRef).toMatch(/^CS-/);
      expect(result.openTotal).toBe(1);
      expect(result.badge).toBe('1');
      expect(result.screenshots).toHaveLength(DEMO_PAGES.length + 1);
      for (const shot of result.screenshots) expect(existsSync(shot), shot).toBe(true);
      expect(lines.some((line) => line.startsWith(`✓ Logged ${result.loggedRef}`))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
