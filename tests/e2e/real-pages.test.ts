/**
 * What real pages showed the adapters get wrong, checked in real Chromium through the built
 * content scripts, with the demo brand (Acme Air: X handles AcmeAir/AcmeAirHelp, Facebook Page
 * AcmeAir): a Facebook group feed whose units have no role="article" and carry a sponsored post
 * (tests/fixtures/facebook/group-feed.html), and an X status page where @AcmeAir answered in the
 * thread (tests/fixtures/x/status-replies.html). Pages are served at their real addresses.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CasePanelUi, waitForText } from '../../scripts/browser/careside-ui';
import { useExtensionBrowser } from './support/extension';

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');

const GROUP_URL = 'https://www.facebook.com/groups/acmeflyers/';
const STATUS_URL = 'https://x.com/rileypark/status/1996000000000000003';

/** The status page's cell holding @AcmeAir's answer in the thread (its second cell, after a marker comment). */
const STATUS_HTML = fixture('x/status-replies.html');
const BRAND_REPLY_CELL = /<!-- 2\. The brand's answer[^\n]*-->\n\s*(<div[^\n]*)\n/.exec(STATUS_HTML)?.[1] ?? '';
/** The same status page before @AcmeAir answered (its answer arrives while the page is open). */
const BROKEN_URL = 'https://x.com/search?q=acme&src=typed_query&f=live';
const TIMELINE_URL = 'https://x.com/search?q=acme&src=typed_query&f=top';
const UNANSWERED_STATUS_URL = 'https://x.com/rileypark/status/1996000000000000003?unanswered';

describe('real-page structures in the browser', () => {
  const harness = useExtensionBrowser({
    pages: {
      [GROUP_URL]: fixture('facebook/group-feed.html'),
      [STATUS_URL]: STATUS_HTML,
      [UNANSWERED_STATUS_URL]: STATUS_HTML.replace(BRAND_REPLY_CELL, ''),
      [BROKEN_URL]: fixture('x/search-broken.html'),
      [TIMELINE_URL]: fixture('x/search-timeline.html'),
    },
  });

  it('Facebook: reads group units without role="article", and marks the sponsored post, never as an urgent complaint', async () => {
    const { ui } = await harness().open(GROUP_URL);
    await ui.waitForSidebar();
    await waitForText(ui.status, /^Facebook: read 3 posts, 3 mention a brand/, 'Sidebar status line');
    const keys = await ui.settledMentionKeys();
    expect(keys).toContain('facebook:7234567890123456');
    expect(keys).toContain('facebook:7234567890129999');
    const sponsored = ui.mentions.filter({ has: ui.page.getByTestId('careside-mention-sponsored') });
    expect(await sponsored.count()).toBe(1);
    expect(await sponsored.textContent()).toContain('Globex Travel');
    const explanation = await waitForText(sponsored.getByTestId('careside-mention-explanation'), /^P4/, 'Sponsored row triage');
    expect(explanation).toBe('P4: sponsored post (an ad), not a complaint');
    expect(await sponsored.getByTestId('careside-mention-triage').getAttribute('data-complaint')).toBe('false');
  });

  it("X: says a post is answered when the brand's reply is in the thread, and lowers it", async () => {
    const { ui } = await harness().open(STATUS_URL);
    await ui.waitForSidebar();
    await ui.settledMentionKeys();
    const answered = ui.mention('x:1996000000000000001');
    expect(await waitForText(answered.getByTestId('careside-mention-answered'), /Answered by/, 'Answered line')).toBe(
      'Answered by @AcmeAir',
    );
    await waitForText(answered.getByTestId('careside-mention-explanation'), /answered by @AcmeAir$/, 'Answered row triage');
    expect(await ui.mention('x:1996000000000000003').getByTestId('careside-mention-answered').count()).toBe(0);
  });

  it('X: the brand\'s reply arriving after the case was logged puts "Brand reply seen" on the case timeline, once', async () => {
    expect(BRAND_REPLY_CELL).toContain('/AcmeAir/status/1996000000000000002');
    const { page, ui } = await harness().open(UNANSWERED_STATUS_URL);
    await ui.waitForSidebar();
    const postKey = 'x:1996000000000000001';
    await ui.waitForMention(postKey);
    expect(await ui.mention(postKey).getByTestId('careside-mention-answered').count()).toBe(0);
    const ref = await ui.logFromSidebar(postKey);
    expect(ref).toMatch(/^CS-/);

    // X renders @AcmeAir's answer into the thread, right after the post it answers.
    await page.evaluate((cell) => {
      const first = document.querySelector('[data-testid="cellInnerDiv"]');
      first?.insertAdjacentHTML('afterend', cell);
    }, BRAND_REPLY_CELL);
    await waitForText(ui.mention(postKey).getByTestId('careside-mention-answered'), /^Answered by @AcmeAir$/, 'Answered line');
    await waitForText(ui.mention(postKey).getByTestId('careside-mention-explanation'), /answered by @AcmeAir$/, 'Lowered triage');

    const panel = new CasePanelUi(page);
    await panel.open(postKey);
    const entry = panel.panel.locator('[data-testid="careside-timeline-entry"][data-type="brand_reply_seen"]');
    expect(await waitForText(entry, /Brand reply seen/, 'Brand reply seen on the timeline')).toContain('by @AcmeAir');
    const types = (await panel.timeline()).map((item) => item.type);
    expect(types.filter((type) => type === 'brand_reply_seen')).toHaveLength(1);
  });

  it('X: the health warning offers "Copy diagnostics", copies a local report and says "Copied"', async () => {
    const { browser } = harness();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://x.com' });
    const { page, ui } = await harness().open(BROKEN_URL);
    await ui.waitForSidebar();
    await waitForText(ui.status, /read 0 posts on a page that should show posts/, 'Health warning', 15_000);
    const button = page.getByTestId('careside-copy-diagnostics');
    expect(await button.textContent()).toBe('Copy diagnostics');
    await button.click();
    await waitForText(button, /Copied/, 'Copied state');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('CareSide diagnostics')).toBe(true);
    const report = JSON.parse(copied.slice(copied.indexOf('\n') + 1)) as Record<string, unknown>;
    expect(report).toMatchObject({ url: 'https://x.com/search?q=…&src=…&f=…', site: { platform: 'x' }, expectsPosts: true });
    expect((report.selectors as Record<string, number>).tweet).toBe(0);
    expect(report.extensionVersion).toMatch(/^\d+\.\d+/);
  });

  it('X: warns when new cells stop being read after a healthy start (a redesign rolling out as the page scrolls)', async () => {
    const { page, ui } = await harness().open(TIMELINE_URL);
    await ui.waitForSidebar();
    await waitForText(ui.status, /^X \/ Twitter: read 9 posts/, 'Sidebar status line');
    // The check has looked at the page and seen every article read: the healthy start.
    await page.locator('[data-testid="careside-sidebar-status"][data-healthy-start="true"]').waitFor();
    expect(await ui.status.getAttribute('data-read-share')).toBe('9/9');
    expect(await page.locator('[data-health="warning"]').count()).toBe(0);
    // Nine more cells arrive whose article X no longer names "tweet".
    await page.evaluate(() => {
      const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].filter((cell) => cell.querySelector('article'));
      for (let index = 0; index < 9; index++) {
        const copy = cells[index % cells.length]?.cloneNode(true) as Element;
        copy.querySelector('article')?.setAttribute('data-testid', 'post');
        cells[0]?.parentElement?.append(copy);
      }
    });
    const status = await waitForText(ui.status, /Read only/, 'Falling-share warning', 20_000);
    expect(status).toContain('Read only 9 of the 18 posts on the page (100% earlier on this page).');
    expect(await ui.status.getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('careside-copy-diagnostics').isVisible()).toBe(true);
  });
});
