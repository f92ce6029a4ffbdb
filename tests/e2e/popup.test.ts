import { describe, expect, it } from 'vitest';
import { PopupUi } from '../../scripts/browser/careside-ui';
import { badgeText, currentServiceWorker, openPopup } from '../../scripts/browser/launch';
import { useExtensionBrowser } from './support/extension';
import { postOf, sendRawMessage } from './support/extension-page';
import { COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME } from './support/x-test-page';

interface LoggedCase {
  id: string;
  ref: string;
}

describe('popup, store and badge (no site page involved)', () => {
  const harness = useExtensionBrowser({ pages: {} });

  it('updates live as cases are logged and moved elsewhere', async () => {
    const { browser } = harness();
    const popup = new PopupUi(await openPopup(browser.context, browser.extensionId));
    expect(await popup.openTotal()).toBe(0);
    // Another extension page does the logging: the popup must hear the broadcast.
    const sender = await openPopup(browser.context, browser.extensionId);
    const log = async (post: typeof COMPLAINT_BY_MENTION): Promise<LoggedCase> => {
      const answer = (await sendRawMessage(sender, { type: 'cases/log', payload: { post: postOf(post), brandIds: ['acme-air'] } })) as {
        ok: boolean;
        data?: { case: LoggedCase };
      };
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
      return answer.data!.case;
    };

    const first = await log(COMPLAINT_BY_MENTION);
    const second = await log(COMPLAINT_BY_NAME);

    await expect.poll(() => popup.openTotal(), { timeout: 5000 }).toBe(2);
    expect(await popup.count('popup-status-new')).toBe(2);
    expect(await popup.count('popup-platform-x')).toBe(2);
    expect(await popup.newestRefs()).toEqual([second.ref, first.ref]);
    expect(await popup.oldestWaitingText()).toContain(first.ref);
    const badge = async () => badgeText(await currentServiceWorker(browser.context));
    await expect.poll(badge, { timeout: 5000 }).toBe('2');

    const moved = await sendRawMessage(sender, { type: 'cases/setStatus', payload: { caseId: first.id, status: 'resolved' } });
    expect(moved).toMatchObject({ ok: true, data: { case: { ref: first.ref, status: 'resolved' } } });

    await expect.poll(() => popup.openTotal(), { timeout: 5000 }).toBe(1);
    expect(await popup.count('popup-status-resolved')).toBe(1);
    expect(await popup.count('popup-status-new')).toBe(1);
    expect(await popup.count('popup-platform-x')).toBe(1);
    await expect.poll(badge, { timeout: 5000 }).toBe('1');
  });
});
