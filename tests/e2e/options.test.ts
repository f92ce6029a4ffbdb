import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtensionBrowser } from './support/extension';

describe('options page (real Chromium, demo brand seeded)', () => {
  const harness = useExtensionBrowser({ pages: {} });

  async function openOptions(): Promise<Page> {
    const { browser } = harness();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('options-brand').first().waitFor();
    return page;
  }

  it('brings a refused field into view above the sticky message box, naming each field once', async () => {
    const page = await openOptions();
    const brand = page.getByTestId('options-brand').first();
    await brand.getByLabel('Messenger page', { exact: true }).fill('ab');
    await brand.getByLabel('X handles', { exact: true }).fill('AcmeAir\n@Acme Air Help');
    await page.getByTestId('options-save').click();
    const message = page.getByTestId('options-message');
    await expect.poll(() => message.getAttribute('data-kind')).toBe('error');
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('Messenger page: must be the Page username');
    expect(text).not.toContain('Messenger page: Messenger page');

    const handles = brand.getByLabel('X handles', { exact: true });
    await expect.poll(() => handles.evaluate((element) => element === document.activeElement)).toBe(true);
    // Whole field (and its error) visible, and not under the sticky Save bar.
    const field = await handles.evaluate((element) => element.closest('.options-field')!.getBoundingClientRect().toJSON() as DOMRect);
    const bar = await page.locator('.options-actions').evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
    expect(field.top).toBeGreaterThanOrEqual(0);
    expect(field.bottom).toBeLessThanOrEqual(bar.top);
  });

  it('shows "Unsaved changes" or "Saved.", never both, and asks before leaving with unsaved edits', async () => {
    const page = await openOptions();
    const signature = page.getByLabel('Agent signature', { exact: true });
    await signature.fill('^Sam');
    await page.getByTestId('options-save').click();
    await expect.poll(() => page.getByTestId('options-message').textContent()).toContain('Saved.');
    expect(await page.locator('.options-dirty').count()).toBe(0);

    await signature.fill('^Sam, Care team');
    expect(await page.locator('.options-dirty').textContent()).toBe('Unsaved changes');
    expect(await page.getByTestId('options-message').textContent()).not.toContain('Saved.');

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
  });
});
