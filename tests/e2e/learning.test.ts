import { describe, expect, it } from 'vitest';
import { HOOKS, SPIRAL_TRIAGE_HOOKS } from '../../scripts/browser/careside-ui';
import { useExtensionBrowser } from './support/extension';
import { COMPLAINT_BY_MENTION, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

const CORRECT = '[data-testid="careside-correct"]';

describe('learning from the team’s calls (real Chromium)', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage() } });

  it('"Not a complaint" on a row changes its verdict, in this tab and in a second one, and options counts it', async () => {
    const tabA = await harness().open(X_SEARCH_URL);
    const tabB = await harness().open(X_SEARCH_URL);
    await tabA.ui.waitForSidebar();
    await tabB.ui.waitForSidebar();
    const key = keyOf(COMPLAINT_BY_MENTION);
    const verdict = (ui: typeof tabA.ui, complaint: boolean) =>
      ui.mention(key).locator(`${SPIRAL_TRIAGE_HOOKS.mentionTriage}[data-complaint="${complaint}"]`);
    await verdict(tabA.ui, true).waitFor({ state: 'visible' });
    await verdict(tabB.ui, true).waitFor({ state: 'visible' });
    // A reload would wipe this marker: it proves tab B updated in place.
    await tabB.page.evaluate(() => Object.assign(window, { careSideNoReload: true }));

    const button = tabA.ui.mention(key).locator(CORRECT);
    expect(await button.getAttribute('aria-label')).toBe('Mark as not a complaint');
    await button.click();

    await verdict(tabA.ui, false).waitFor({ state: 'visible' });
    await verdict(tabB.ui, false).waitFor({ state: 'visible' });
    expect(await tabB.page.evaluate(() => (window as unknown as { careSideNoReload?: boolean }).careSideNoReload)).toBe(true);
    // The row now offers the opposite call.
    expect(await tabA.ui.mention(key).locator(CORRECT).getAttribute('aria-label')).toBe('Mark as a complaint');
    expect(await tabA.ui.mention(key).locator(HOOKS.mentionLog).isVisible()).toBe(true);

    const { browser } = harness();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options
      .getByTestId('options-learning-status')
      .getByText('Learned from 1 correction (0 complaints, 1 not a complaint).')
      .waitFor();
  });
});
