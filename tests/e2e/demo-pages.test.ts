import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PAGES, loadDemoSettings } from '../../demo/pages';
import { DEMO_X_SEARCH_FILE, demoXSearchHtml } from '../../demo/x/generate';
import { DEMO_X_SEARCH_POSTS } from '../../demo/x/search-posts';
import { escapeHtml, xTweetCellHtml } from '../../demo/x/markup';

// No browser: checks the demo's data files before the browser tests rely on them.
describe('demo pages and settings', () => {
  it('demo/settings.json matches the settings schema', () => {
    const settings = loadDemoSettings();
    expect(settings.brands.map((brand) => brand.name)).toEqual(['Acme Air']);
    expect(settings.brands[0]?.handles.x).toEqual(['AcmeAir', 'AcmeAirHelp']);
  });

  it('demo/x/search.html is the output of demo/x/generate.ts (run it after editing the posts)', () => {
    expect(readFileSync(DEMO_X_SEARCH_FILE, 'utf8')).toBe(demoXSearchHtml());
  });

  it('every demo page names a complaint that is on it', () => {
    for (const page of DEMO_PAGES) {
      const html = readFileSync(page.file, 'utf8');
      if (page.firstComplaintPostKey) expect(html).toContain(page.firstComplaintPostKey.split(':')[1]);
    }
    expect(DEMO_X_SEARCH_POSTS.length).toBeGreaterThanOrEqual(8);
  });

  it('escapes post text so markup in it stays text', () => {
    const cell = xTweetCellHtml({ ...DEMO_X_SEARCH_POSTS[0]!, text: '<img src=x onerror=alert(1)> @AcmeAir' });
    expect(cell).not.toContain('<img');
    expect(cell).toContain(escapeHtml('<img src=x onerror=alert(1)>'));
    expect(cell).toContain('<a dir="ltr" href="/AcmeAir" role="link">@AcmeAir</a>');
  });
});
