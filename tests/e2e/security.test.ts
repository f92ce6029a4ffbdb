import { describe, expect, it } from 'vitest';
import { openPopup } from '../../scripts/browser/launch';
import { CasePanelUi } from '../../scripts/browser/careside-ui';
import { MessageErrorSchema } from '../../lib/messaging/protocol';
import { MAX_POST_TEXT } from '../../lib/domain/post';
import type { XPostSpec } from '../../demo/x/markup';
import { useExtensionBrowser } from './support/extension';
import { sendRawMessage } from './support/extension-page';
import { COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

const HOSTILE_TEXT = `Acme Air <img src=x onerror="document.documentElement.dataset.pwned='text'"> ruined my trip`;
const HOSTILE: XPostSpec = {
  id: '1990000000000000666',
  displayName: `<svg onload="document.documentElement.dataset.pwned='name'">Mallory`,
  handle: 'mallory',
  text: HOSTILE_TEXT,
  postedAt: '2025-11-20T08:00:00.000Z',
  views: 10,
};
const OVERSIZED: XPostSpec = {
  id: '1990000000000000777',
  displayName: 'Long Winded',
  handle: 'longwinded',
  text: `Acme Air, a complaint in many parts. ${'The delay was awful and nobody helped. '.repeat(Math.ceil((MAX_POST_TEXT * 1.5) / 38))}`,
  postedAt: '2025-11-20T07:00:00.000Z',
};
const PAGE_URL = 'https://x.com/search?q=hostile';

describe('hostile pages and messages', () => {
  const harness = useExtensionBrowser({
    pages: { [PAGE_URL]: xTestPage([HOSTILE, OVERSIZED]), [X_SEARCH_URL]: xTestPage() },
  });

  it('shows hostile post text as text and runs none of it', async () => {
    const { page, ui } = await harness().open(PAGE_URL);
    await ui.waitForSidebar();
    await ui.waitForMention(keyOf(HOSTILE));

    expect(await ui.mention(keyOf(HOSTILE)).textContent()).toContain('<img src=x onerror=');
    // Locators pierce open shadow roots: no element built from the text exists anywhere.
    expect(await page.locator('img[onerror], svg[onload]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.dataset.pwned ?? null)).toBeNull();

    // Still a normal post: it can be logged.
    expect(await ui.logFromSidebar(keyOf(HOSTILE))).toMatch(/^CS-/);
    expect(await page.evaluate(() => document.documentElement.dataset.pwned ?? null)).toBeNull();
  });

  it('logs an oversized post instead of rejecting it', async () => {
    const { ui } = await harness().open(PAGE_URL);
    await ui.waitForSidebar();
    expect(await ui.logInline(keyOf(OVERSIZED))).toMatch(/^CS-/);
  });

  it('answers malformed messages from an extension page with typed errors, and keeps working', async () => {
    const { browser } = harness();
    const popup = await openPopup(browser.context, browser.extensionId);

    const unknownType = await sendRawMessage(popup, { type: 'nope' });
    expect(unknownType).toMatchObject({ ok: false, error: { code: 'unknown_type' } });
    expect(MessageErrorSchema.safeParse((unknownType as { error: unknown }).error).success).toBe(true);

    const badPayload = await sendRawMessage(popup, { type: 'cases/log', payload: { post: { platform: 'x' }, brandIds: [] } });
    expect(badPayload).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const issues = (badPayload as { error: { issues?: unknown[] } }).error.issues;
    expect(issues?.length ?? 0).toBeGreaterThan(0);

    const notAnEnvelope = await sendRawMessage(popup, 'cases/summary');
    expect(notAnEnvelope).toMatchObject({ ok: false });

    // The store is intact and still answers.
    const summary = await sendRawMessage(popup, { type: 'cases/summary', payload: {} });
    expect(summary).toMatchObject({ ok: true, data: { openTotal: 0 } });
  });

  it("a page script can neither log by a synthetic click nor read a case's note or assignee", async () => {
    const { browser } = harness();
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    await ui.waitForMention(keyOf(COMPLAINT_BY_NAME));
    await ui.inline(keyOf(COMPLAINT_BY_NAME)).locator('[data-testid="careside-log-case"]').waitFor();

    // The page clicks both Log buttons of a post. A click that got through would show "Logging…"
    // on the inline control at once (the control renders synchronously); it still says "Log case".
    const afterForgedClicks = await page.evaluate((postKey) => {
      const inline = document.querySelector(`careside-inline[data-careside-post-key="${postKey}"]`)?.shadowRoot;
      const sidebar = document.querySelector('careside-sidebar')?.shadowRoot;
      const inlineButton = inline?.querySelector<HTMLElement>('[data-testid="careside-log-case"]');
      const rowButton = sidebar?.querySelector<HTMLElement>(`[data-post-key="${postKey}"] [data-testid="careside-mention-log"]`);
      inlineButton?.click();
      rowButton?.click();
      rowButton?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return { found: Boolean(inlineButton && rowButton), inline: inlineButton?.textContent };
    }, keyOf(COMPLAINT_BY_NAME));
    expect(afterForgedClicks).toEqual({ found: true, inline: 'Log case' });

    // The user logs another post; the team adds a private note and an assignee in the dashboard.
    const ref = await ui.logInline(keyOf(COMPLAINT_BY_MENTION));
    const popup = await openPopup(browser.context, browser.extensionId);
    const stored = (await sendRawMessage(popup, { type: 'cases/get', payload: { ref } })) as { data: { case: { id: string } } };
    for (const edit of [
      { kind: 'note', text: 'Booking ABC123, phone +1 555 0100' },
      { kind: 'assignee', assignee: 'dana@acme.example' },
    ]) {
      expect(await sendRawMessage(popup, { type: 'cases/edit', payload: { caseId: stored.data.case.id, edit } })).toMatchObject({
        ok: true,
      });
    }
    const summary = (await sendRawMessage(popup, { type: 'cases/summary', payload: {} })) as { data: { openTotal: number } };
    expect(summary.data.openTotal).toBe(1);
    await popup.close();

    // The sidebar's case panel shows that a note was added and the case assigned, not what they say.
    const panel = new CasePanelUi(page);
    await panel.open(keyOf(COMPLAINT_BY_MENTION));
    await expect
      .poll(async () => (await panel.timeline()).map((entry) => entry.type), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['note_added', 'assigned']));
    const everythingThePageCanRead = await page.evaluate(() => {
      const texts = [document.documentElement.outerHTML];
      for (const element of document.querySelectorAll('*')) if (element.shadowRoot) texts.push(element.shadowRoot.innerHTML);
      return texts.join('\n');
    });
    expect(everythingThePageCanRead).toContain(ref);
    expect(everythingThePageCanRead).not.toContain('ABC123');
    expect(everythingThePageCanRead).not.toContain('dana@acme.example');
  });

  it('a page cannot reach the background directly', async () => {
    // Page scripts have no extension messaging; only CareSide's content script does.
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const reachable = await page.evaluate(() => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; id?: unknown } } }).chrome?.runtime;
      return Boolean(runtime?.id);
    });
    expect(reachable).toBe(false);
    await ui.waitForMention(keyOf(COMPLAINT_BY_MENTION));
  });
});
