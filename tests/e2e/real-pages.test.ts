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
import { waitForText } from '../../scripts/browser/careside-ui';
import { useExtensionBrowser } from './support/extension';

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');

const GROUP_URL = 'https://www.facebook.com/groups/acmeflyers/';
const STATUS_URL = 'https://x.com/rileypark/status/1996000000000000003';

describe('real-page structures in the browser', () => {
  const harness = useExtensionBrowser({
    pages: { [GROUP_URL]: fixture('facebook/group-feed.html'), [STATUS_URL]: fixture('x/status-replies.html') },
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
});
