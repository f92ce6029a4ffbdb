/**
 * The delete controls of the dashboard and the options page (components/common/ConfirmButton:
 * a button, then an inline confirmation whose question says what will go).
 */
import type { Page } from 'playwright-core';
import { waitForText } from '../../../scripts/browser/careside-ui';

const byTestId = (testId: string) => `[data-testid="${testId}"]`;

/** Test ids of the ConfirmButtons; `-question`, `-confirm` and `-cancel` are added to each. */
const CONFIRM_BUTTONS = {
  deleteCase: 'dashboard-delete-case',
  deleteMatching: 'dashboard-delete-matching',
  deleteAll: 'options-delete-all',
} as const;

export const DELETE_HOOKS = {
  notice: byTestId('dashboard-notice'),
  deleteAllWord: byTestId('options-delete-all-word'),
  deleteAllSettings: byTestId('options-delete-all-settings'),
  deleteAllResult: byTestId('options-delete-all-result'),
} as const;

/** Click the button, check the question, fill in what it asks, confirm; returns the question as shown. */
async function confirmDelete(page: Page, testId: string, question: RegExp, fill?: () => Promise<void>): Promise<string> {
  await page.locator(byTestId(testId)).click();
  const asked = await waitForText(page.locator(byTestId(`${testId}-question`)), question, `Confirmation question of ${testId}`);
  await fill?.();
  await page.locator(byTestId(`${testId}-confirm`)).click();
  return asked;
}

/** On the dashboard's case view: Delete case, confirm; waits for the notice and returns the question. */
export async function deleteOpenCase(page: Page, ref: string): Promise<string> {
  const asked = await confirmDelete(page, CONFIRM_BUTTONS.deleteCase, new RegExp(`^Delete case ${ref}\\?`));
  await waitForText(page.locator(DELETE_HOOKS.notice), new RegExp(`^Deleted case ${ref}\\.$`), 'Dashboard notice after deleting');
  return asked;
}

/** On the dashboard: delete the cases matching the filter; waits for the notice and returns the question. */
export async function deleteMatchingCases(page: Page, count: number): Promise<string> {
  const cases = `${count} ${count === 1 ? 'case' : 'cases'}`;
  const asked = await confirmDelete(page, CONFIRM_BUTTONS.deleteMatching, new RegExp(`^Delete ${cases} matching this filter\\?`));
  await waitForText(page.locator(DELETE_HOOKS.notice), new RegExp(`^Deleted ${cases}\\.$`), 'Dashboard notice after deleting');
  return asked;
}

/** On the options page: Delete all CareSide data with the typed word; returns the result sentence. */
export async function deleteAllData(page: Page, { settings }: { settings: boolean }): Promise<string> {
  await confirmDelete(page, CONFIRM_BUTTONS.deleteAll, /Type DELETE to confirm/, async () => {
    await page.locator(DELETE_HOOKS.deleteAllWord).fill('DELETE');
    await page.locator(DELETE_HOOKS.deleteAllSettings).setChecked(settings);
  });
  return waitForText(page.locator(DELETE_HOOKS.deleteAllResult), /^Deleted /, 'Result of Delete all CareSide data');
}
