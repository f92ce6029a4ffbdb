import { describe, expect, it } from 'vitest';
import { loadDemoSettings } from '../../demo/pages';
import { CasePanelUi } from '../../scripts/browser/careside-ui';
import { seedSettings } from '../../scripts/browser/launch';
import type { SettingsInput } from '../../lib/settings/schema';
import { useExtensionBrowser } from './support/extension';
import { COMPLAINT_BY_MENTION, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

/** The demo settings with two saved replies for its first brand. */
function settingsWithSavedReplies(): { settings: SettingsInput; brandId: string } {
  const demo = loadDemoSettings();
  const brandId = demo.brands[0]!.id;
  return {
    brandId,
    settings: {
      ...demo,
      savedReplies: [
        {
          id: 'baggage-desk',
          brandId,
          title: 'Baggage desk hours',
          body: '{firstName} The baggage desk is open all day (case {caseRef}).',
        },
        {
          id: 'refund-timeline',
          brandId,
          title: 'Refund timeline',
          body: '{firstName} Refunds reach your card within 7 days (case {caseRef}).',
        },
      ],
    },
  };
}

describe('saved replies in the case panel on x.com', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage() } });

  it('typing "/" lists the brand’s saved replies; arrows and Enter insert one, filled in, in place of "/query"', async () => {
    const { browser } = harness();
    await seedSettings(browser.serviceWorker, settingsWithSavedReplies().settings);
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const postKey = keyOf(COMPLAINT_BY_MENTION);
    const ref = await ui.logFromSidebar(postKey);
    const panel = new CasePanelUi(page);
    await panel.open(postKey);

    const text = panel.panel.locator('[data-testid="careside-reply-text"]');
    await text.click();
    await page.keyboard.type('Thanks! /');
    const listbox = panel.panel.getByRole('listbox', { name: 'Saved replies' });
    await listbox.waitFor();
    expect(await listbox.getByRole('option').allInnerTexts()).toHaveLength(2);

    // The arrows move the active option, which the text box points to; typing filters by title.
    await page.keyboard.press('ArrowDown');
    const active = listbox.locator('[role="option"][aria-selected="true"]');
    expect(await active.getAttribute('data-saved-reply-id')).toBe('refund-timeline');
    expect(await active.getAttribute('id')).toBe(await text.getAttribute('aria-activedescendant'));
    await page.keyboard.type('ref');
    await expect.poll(() => listbox.getByRole('option').count()).toBe(1);
    expect(await active.getAttribute('data-saved-reply-id')).toBe('refund-timeline');
    await page.keyboard.press('Enter');

    await listbox.waitFor({ state: 'detached' });
    await expect.poll(() => text.inputValue()).toBe(`Thanks! @rileypark Refunds reach your card within 7 days (case ${ref}).`);
    // The caret is after the inserted reply: typing goes on from there.
    await page.keyboard.type(' ^MK');
    await expect.poll(() => text.inputValue()).toMatch(/\(case CS-[0-9A-Z]+\)\. \^MK$/);

    // Esc closes the list and keeps the text as typed.
    await page.keyboard.type(' /bag');
    await listbox.waitFor();
    await page.keyboard.press('Escape');
    await listbox.waitFor({ state: 'detached' });
    await expect.poll(() => text.inputValue()).toMatch(/\^MK \/bag$/);
  });
});
