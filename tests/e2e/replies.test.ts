import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { X_REPLY_COMPOSER_PATH, withXReplyComposer, xReplyComposerHtml } from '../../demo/x/reply-composer';
import { loadDemoSettings } from '../../demo/pages';
import { CasePanelUi, PopupUi } from '../../scripts/browser/careside-ui';
import { openPopup, seedSettings } from '../../scripts/browser/launch';
import type { SettingsInput } from '../../lib/settings/schema';
import { useExtensionBrowser } from './support/extension';
import { postOf, sendRawMessage } from './support/extension-page';
import { COMPLAINT_BY_MENTION, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

const CONTACT_FORM = 'https://help.acmeair.example/contact';
const SUPPORT_EMAIL = 'care@acmeair.example';

/** The demo brand with every private channel X can use. */
function settingsWithHandoff(): SettingsInput {
  const demo = loadDemoSettings();
  return {
    ...demo,
    brands: demo.brands.map((brand) => ({
      ...brand,
      handoff: {
        x: { dm: true },
        facebook: {},
        email: { address: SUPPORT_EMAIL, subjectPrefix: '[Acme Air]' },
        contactForm: { url: CONTACT_FORM, param: 'case' },
      },
    })),
  };
}

const PROFILE_HTML = '<!doctype html><title>Riley Park (@rileypark) / X</title><h1>Riley Park</h1>';
const FORM_HTML = '<!doctype html><title>Contact Acme Air</title><form><input name="case"></form>';

/** The text the Draft.js-like composer holds in its own model (what X would post). */
function composerModel(page: Page): Promise<{ model: string; inputTypes: string[]; opened: number }> {
  return page.evaluate(() => (window as unknown as { __xComposer: { model: string; inputTypes: string[]; opened: number } }).__xComposer);
}

describe('replies and private handoff on x.com', () => {
  const harness = useExtensionBrowser({
    pages: {
      [X_SEARCH_URL]: withXReplyComposer(xTestPage()),
      [`https://x.com${X_REPLY_COMPOSER_PATH}`]: xReplyComposerHtml(),
      'https://x.com/rileypark': PROFILE_HTML,
      'https://x.com/messages/compose': '<!doctype html><title>Messages / X</title><h1>New message</h1>',
    },
  });

  /** The test page with the complaint logged from the sidebar and its case panel open. */
  const openLoggedComplaint = async () => {
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const postKey = keyOf(COMPLAINT_BY_MENTION);
    const ref = await ui.logFromSidebar(postKey);
    const panel = new CasePanelUi(page);
    await panel.open(postKey);
    return { page, ui, postKey, ref, panel };
  };

  it('keeps an unsent reply draft across a reload', async () => {
    const { page, ui, postKey, panel } = await openLoggedComplaint();
    const text = panel.panel.locator('[data-testid="careside-reply-text"]');
    await text.fill('Hi Riley, checking your booking now');
    // The panel says when the draft is stored.
    await panel.panel.locator('[data-testid="careside-draft-kept"]').waitFor();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await ui.waitForSidebar();
    await panel.open(postKey);
    await expect.poll(() => text.inputValue()).toBe('Hi Riley, checking your booking now');
    await panel.panel.locator('[data-testid="careside-draft-restored"]').waitFor();
  });

  it('inserts a picked suggestion into X’s reply composer, hands off, and shows the timeline and status', async () => {
    const { browser } = harness();
    await seedSettings(browser.serviceWorker, settingsWithHandoff());
    // The contact form lives off the site origins: serve it too, so the new tab loads.
    await browser.context.route(`${CONTACT_FORM}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: FORM_HTML }));

    const { page, ui, postKey, ref, panel } = await openLoggedComplaint();

    // Three ranked suggestions, each naming the case.
    expect(await panel.panel.locator('[data-testid="careside-suggestion"]').count()).toBe(3);
    const picked = await panel.pick(1);
    expect(picked).toContain(ref);
    expect(picked).toContain('@rileypark');

    // Insert: the composer's own model (not just its DOM) holds exactly the suggestion.
    const result = await panel.insert();
    expect(result.kind, result.text).toBe('inserted');
    const composer = await composerModel(page);
    expect(composer.opened).toBe(1);
    expect(composer.model, JSON.stringify(composer.inputTypes)).toBe(picked);
    const shown = await page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]').innerText();
    expect(shown.replace(/\s+/g, ' ').trim()).toBe(picked.replace(/\s+/g, ' ').trim());
    // Inserting never sends and never moves the case on its own.
    expect(await page.locator('[data-testid="tweetButton"]').isEnabled()).toBe(true);
    await panel.waitForStatus('New');

    // Handoffs open in new tabs at the expected URLs.
    const profile = await panel.openHandoff('x_profile');
    expect(profile.url()).toBe('https://x.com/rileypark');
    await profile.close();
    const form = await panel.openHandoff('contact_form');
    expect(form.url()).toBe(`${CONTACT_FORM}?case=${ref}`);
    expect(await form.title()).toBe('Contact Acme Air');
    await form.close();

    // The user confirms: the case moves to Handed off.
    await page.bringToFront();
    await panel.panel.locator('[data-testid="careside-confirm-handoff"]').click();
    await panel.waitForStatus('Handed off');

    // Reminders may add their own entries (an old post is past its response target): keep ours.
    const ours = new Set(['logged', 'reply_suggested', 'reply_inserted', 'handed_off', 'status_changed']);
    const timeline = (await panel.timeline()).filter((entry) => ours.has(entry.type ?? ''));
    expect(timeline.map((entry) => entry.type)).toEqual(['logged', 'reply_suggested', 'reply_inserted', 'handed_off', 'status_changed']);
    for (const entry of timeline) {
      expect(Number.isNaN(Date.parse(entry.dateTime ?? ''))).toBe(false);
      expect(entry.text).toMatch(/\d{2}:\d{2}/);
    }
    expect(timeline[2]?.text).toContain("into X's reply box");
    expect(timeline[3]?.text).toContain('via contact form');
    expect(timeline[4]?.text).toContain('New → Handed off');

    // The sidebar row and the popup show the new status.
    await panel.panel.locator('[data-testid="careside-case-panel-close"]').click();
    // The row follows the case cache, which the same write refreshes: wait for it to say so.
    const rowCase = ui.mention(postKey).locator('[data-testid="careside-mention-case"]');
    await expect.poll(() => rowCase.textContent()).toBe(`${ref} · Handed off`);
    const popup = new PopupUi(await openPopup(browser.context, browser.extensionId));
    expect(await popup.count('popup-status-handed_off')).toBe(1);
    expect(await popup.count('popup-status-new')).toBe(0);
    expect(await popup.page.locator('[data-testid="popup-newest"] li').first().textContent()).toContain('Handed off');
  });

  it('gives the customer our email address in the reply, and opens nothing (their own address is unknown)', async () => {
    const { browser } = harness();
    await seedSettings(browser.serviceWorker, settingsWithHandoff());
    const { page, ref, panel } = await openLoggedComplaint();

    const mailto = await panel.handoff('email').getAttribute('title');
    expect(mailto).toBe(
      `mailto:care@acmeair.example?subject=${encodeURIComponent(`[Acme Air] Case ${ref}`)}&body=${encodeURIComponent(
        `Hello Acme Air,\r\n\r\nI'm getting in touch about case ${ref} (my X post: https://x.com/rileypark/status/${COMPLAINT_BY_MENTION.id}).\r\n\r\n`,
      )}`,
    );
    // The link is for customers; the agent's mail client would write to the brand's own inbox.
    const pagesBefore = harness().browser.context.pages().length;
    await panel.handoff('email').click();
    await page.locator('[data-testid="careside-handoff-result"]').waitFor({ state: 'visible', timeout: 5000 });
    expect(await page.locator('[data-testid="careside-handoff-result"]').textContent()).toContain(
      'The replies now give them care@acmeair.example to write to',
    );
    expect(harness().browser.context.pages().length).toBe(pagesBefore);
    expect(await panel.panel.locator('[data-testid="careside-suggestion"]').first().textContent()).toContain('care@acmeair.example');
    await page.locator('[data-testid="careside-confirm-handoff"]').click();
    await panel.waitForStatus('Handed off');
    const handedOff = (await panel.timeline()).filter((entry) => entry.type === 'handed_off');
    expect(handedOff.map((entry) => entry.text)).toEqual([expect.stringContaining('via email')]);
  });

  it('opens the X DM composer, prefilled with the private message, when the customer’s user id is known', async () => {
    const { browser } = harness();
    await seedSettings(browser.serviceWorker, settingsWithHandoff());
    // A case whose post carries the numeric user id (as a capture with X's user data would).
    const popupPage = await openPopup(browser.context, browser.extensionId);
    const logged = (await sendRawMessage(popupPage, {
      type: 'cases/log',
      payload: { post: { ...postOf(COMPLAINT_BY_MENTION), authorId: '783214' }, brandIds: ['acme-air'] },
    })) as { ok: true; data: { case: { ref: string } } };
    const ref = logged.data.case.ref;
    await popupPage.close();

    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const postKey = keyOf(COMPLAINT_BY_MENTION);
    expect(await ui.sidebarRef(postKey)).toBe(ref);
    const panel = new CasePanelUi(page);
    await panel.open(postKey);
    const topSuggestion = () => panel.suggestion(1).locator('.cs-cp-suggestion-text').textContent();

    // Nothing is sent yet: the airline's reply says it will DM them, never that it has.
    expect(await topSuggestion()).toContain(`We'll send you a DM about case ${ref}`);
    expect(await topSuggestion()).toContain('flight');

    // The private message is read and edited before the composer opens with it.
    const privateMessage = panel.panel.locator('[data-testid="careside-private-message"]');
    expect(await privateMessage.inputValue()).toContain(ref);
    await privateMessage.fill(`Hi Riley, about case ${ref}: which flight were you on?`);
    const dm = await panel.openHandoff('x_dm');
    const url = new URL(dm.url());
    expect(`${url.origin}${url.pathname}`).toBe('https://x.com/messages/compose');
    expect(url.searchParams.get('recipient_id')).toBe('783214');
    expect(url.searchParams.get('text')).toBe(`Hi Riley, about case ${ref}: which flight were you on?`);
    expect(await dm.title()).toBe('Messages / X');

    // Once the DM handoff is on the timeline, the reply may say so.
    await page.bringToFront();
    await panel.panel.locator('[data-testid="careside-confirm-handoff"]').click();
    await panel.waitForStatus('Handed off');
    await expect.poll(topSuggestion).toContain(`I've sent you a DM about case ${ref}`);
  });

  it('"I’ve replied" moves a new case to Responded', async () => {
    const { ui, postKey, ref, panel } = await openLoggedComplaint();
    await panel.panel.locator('[data-testid="careside-confirm-replied"]').click();
    await panel.waitForStatus('Responded');
    expect(await ui.inlineBadgeText(postKey)).toBe(`${ref} · Responded`);
  });
});
