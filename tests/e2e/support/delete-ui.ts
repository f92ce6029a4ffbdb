/**
 * The delete controls of the dashboard and the options page (components/common/ConfirmButton:
 * a button, then an inline confirmation whose question says what will go).
 */
import type { Page } from 'playwright-core';
import { waitForText } from '../../../scripts/browser/careside-ui';

export const DELETE_HOOKS = {
  deleteCase: '[data-testid="dashboard-delete-case"]',
  deleteMatching: '[data-testid="dashboard-delete-matching"]',
  notice: '[data-testid="dashboard-notice"]',
  deleteAll: '[data-testid="options-delete-all"]',
  deleteAllWord: '[data-testid="options-delete-all-word"]',
  deleteAllSettings: '[data-testid="options-delete-all-settings"]',
  deleteAllResult: '[data-testid="options-delete-all-result"]',
} as const;

/** Click `testId`'s button, check the question, confirm; returns the question as shown. */
async function confirmDelete(page: Page, hook: string, question: RegExp, fill?: () => Promise<void>): Promise<string> {
  await page.locator(hook).click();
  const asked = await waitForText(page.locator(`${hook.slice(0, -2)}-question"]`), question, `Confirmation question of ${hook}`);
  await fill?.();
  await page.locator(`${hook.slice(0, -2)}-confirm"]`).click();
  return asked;
}

/** On the dashboard's case view: Delete case, confirm; waits for the notice and returns the question. */
export async function deleteOpenCase(page: Page, ref: string): Promise<string> {
  const asked = await confirmDelete(page, DELETE_HOOKS.deleteCase, new RegExp(`^Delete case ${ref}\\?`));
  await waitForText(page.locator(DELETE_HOOKS.notice), new RegExp(`^Deleted case ${ref}\\.$`), 'Dashboard notice after deleting');
  return asked;
}

/** On the dashboard: delete the cases matching the filter; waits for the notice and returns the question. */
export async function deleteMatchingCases(page: Page, count: number): Promise<string> {
  const cases = `${count} ${count === 1 ? 'case' : 'cases'}`;
  const asked = await confirmDelete(page, DELETE_HOOKS.deleteMatching, new RegExp(`^Delete ${cases} matching this filter\\?`));
  await waitForText(page.locator(DELETE_HOOKS.notice), new RegExp(`^Deleted ${cases}\\.$`), 'Dashboard notice after deleting');
  return asked;
}

/** On the options page: Delete all CareSide data with the typed word; returns the result sentence. */
export async function deleteAllData(page: Page, { settings }: { settings: boolean }): Promise<string> {
  await confirmDelete(page, DELETE_HOOKS.deleteAll, /Type DELETE to confirm/, async () => {
    await page.locator(DELETE_HOOKS.deleteAllWord).fill('DELETE');
    await page.locator(DELETE_HOOKS.deleteAllSettings).setChecked(settings);
  });
  return waitForText(page.locator(DELETE_HOOKS.deleteAllResult), /^Deleted /, 'Result of Delete all CareSide data');
}
