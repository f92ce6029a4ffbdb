import { describe, expect, it } from 'vitest';
import { loadDemoSettings } from '../../demo/pages';
import { xSearchPageHtml, type XPostSpec } from '../../demo/x/markup';
import { popupSpiralItems, SPIRAL_TRIAGE_HOOKS, waitForSpiralAlert } from '../../scripts/browser/careside-ui';
import { openPopup, seedSettings } from '../../scripts/browser/launch';
import { useExtensionBrowser } from './support/extension';

const MINUTE = 60_000;
const SEARCH_URL = 'https://x.com/search?q=%22Acme%20Air%22%20bag&src=typed_query&f=live';
const HOME_URL = 'https://x.com/home';

const LOST_BAG = [
  '@AcmeAir lost my bag again, baggage claim has no idea where it is',
  'Second time this month @AcmeAir lost my bag. Baggage claim at DEN is useless',
  'Acme Air baggage claim says my bag is lost, nobody answers the phone',
  '@AcmeAir you lost my bag and the baggage claim desk closed at 10pm',
  'lost bag, 3 hours at Acme Air baggage claim, no updates',
];
const OTHER = [
  '@AcmeAir refund still not processed after 6 weeks of emails',
  'Acme Air app logs me out every time and the password reset link is broken',
  'Thanks @AcmeAir, smooth flight and friendly crew today!',
];

/** Posts dated relative to now, so they fall inside the 60-minute window. */
function posts(texts: readonly string[], firstId: number, minutesApart = 8): XPostSpec[] {
  const now = Date.now();
  return texts.map((text, index) => ({
    id: String(1995000000000000000n + BigInt(firstId + index)),
    displayName: `Traveller ${firstId + index}`,
    handle: `traveller${firstId + index}`,
    text,
    postedAt: new Date(now - (texts.length - index) * minutesApart * MINUTE).toISOString(),
    views: 400 + index * 37,
    likes: 3,
  }));
}

const page = (specs: readonly XPostSpec[]) => xSearchPageHtml({ query: 'Acme Air bag', posts: specs, note: 'CareSide e2e spiral page' });

describe('spirals', () => {
  const harness = useExtensionBrowser({ pages: {}, seedBrand: false });

  async function start() {
    const { browser, server } = harness();
    await seedSettings(browser.serviceWorker, { ...loadDemoSettings(), spirals: { minSimilar: 5, windowMinutes: 60 } });
    return { browser, server };
  }

  it('alerts in the sidebar and lists the spiral in the popup when 5 similar complaints arrive within 60 minutes', async () => {
    const { browser, server } = await start();
    server.set(SEARCH_URL, page([...posts(LOST_BAG, 1), ...posts(OTHER, 100)]));
    const { ui } = await harness().open(SEARCH_URL);
    await ui.waitForSidebar();

    const alerts = await waitForSpiralAlert(ui.page, /Spiral: 5 similar complaints in \d+ min — /, 15_000);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/baggage claim|lost bag/);

    const popup = await openPopup(browser.context, browser.extensionId);
    const items = await popupSpiralItems(popup);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/5 similar complaints in \d+ min — .*(baggage claim|lost bag)/);
    expect(items[0]).toContain('X');
  });

  it('does not alert for 4 similar complaints', async () => {
    const { server } = await start();
    server.set(SEARCH_URL, page([...posts(LOST_BAG.slice(0, 4), 1), ...posts(OTHER, 100)]));
    const { ui } = await harness().open(SEARCH_URL);
    await ui.waitForSidebar();
    await ui.settledMentionKeys();
    // Reports leave the tab within a second and come back as a broadcast: give it ample time.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await ui.page.locator(SPIRAL_TRIAGE_HOOKS.spiralAlert).count()).toBe(0);
  });

  it('counts complaints seen in different tabs together and alerts every tab', async () => {
    const { server } = await start();
    server.set(SEARCH_URL, page(posts(LOST_BAG.slice(0, 3), 1)));
    server.set(HOME_URL, page(posts(LOST_BAG.slice(3), 50)));
    const first = await harness().open(SEARCH_URL);
    await first.ui.waitForSidebar();
    await first.ui.settledMentionKeys();
    const second = await harness().open(HOME_URL);
    await second.ui.waitForSidebar();

    await waitForSpiralAlert(second.page, /Spiral: 5 similar complaints/, 15_000);
    // The first tab hears the background's broadcast.
    await waitForSpiralAlert(first.page, /Spiral: 5 similar complaints/, 15_000);
  });
});
