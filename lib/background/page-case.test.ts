import type { Browser } from 'wxt/browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseEdit } from '../domain/case-views';
import { sendMessage } from '../messaging/client';
import { contentSender, fakeTabMessaging, injectSender, logP1Case, POPUP_SENDER, startWorker } from './testing';

const NOTE = 'Customer booking ABC123, phone +1 555 0100';
const ASSIGNEE = 'dana@acme.example';
let sender: Browser.runtime.MessageSender;

beforeEach(() => {
  sender = POPUP_SENDER;
  injectSender(() => sender);
  fakeTabMessaging(new Map());
});

/** A case with everything private the team can write on it, edited from the dashboard. */
async function caseWithPrivateFields(): Promise<string> {
  await startWorker();
  sender = contentSender('https://x.com/search?q=acme', 7);
  const logged = await logP1Case('1990000000000000101');
  sender = POPUP_SENDER;
  const edits: CaseEdit[] = [
    { kind: 'note', text: NOTE },
    { kind: 'assignee', assignee: ASSIGNEE },
    { kind: 'tags', tags: ['vip-rebooking'] },
    { kind: 'followUp', followUpAt: Date.now() + 3_600_000 },
  ];
  for (const edit of edits) {
    await sendMessage('cases/edit', { caseId: logged.id, edit });
  }
  return logged.id;
}

/** Every string anywhere in an answer, to look for a private word wherever it might hide. */
function wordsIn(answer: unknown): string {
  return JSON.stringify(answer);
}

describe('what a tab learns about a case (its page view)', () => {
  it('a content script never receives notes, assignee, tags, follow-up or their timeline details', async () => {
    const caseId = await caseWithPrivateFields();
    // The dashboard (an extension page) reads it whole.
    const whole = (await sendMessage('cases/get', { caseId })).case;
    if (!whole) throw new Error('case not found');
    expect(wordsIn(whole)).toContain(NOTE.slice(0, 20));
    expect(wordsIn(whole)).toContain(ASSIGNEE);

    sender = contentSender('https://x.com/search?q=acme', 7);
    const { cases } = await sendMessage('cases/byPostKeys', { postKeys: ['x:1990000000000000101'] });
    const copied = await sendMessage('cases/recordEvent', { caseId, event: { type: 'reply_copied', detail: 'Sorry about the delay' } });
    const answers = [
      cases,
      await sendMessage('cases/log', { post: whole.post, brandIds: ['acme'] }),
      copied,
      await sendMessage('cases/transition', { caseId, to: 'responded' }),
      await sendMessage('cases/setStatus', { caseId, status: 'handed_off' }),
    ];
    for (const answer of answers) {
      const text = wordsIn(answer);
      expect(text).not.toContain('ABC123');
      expect(text).not.toContain(ASSIGNEE);
      expect(text).not.toContain('vip-rebooking');
      expect(text).not.toMatch(/"(notes|assignee|tags|followUpAt|notified)"/);
    }
    // What the page shows stays: ref, status, priority, the timeline's kinds, the tab's own reply detail.
    expect(cases[0]?.priority).toBe('P1');
    expect(cases[0]?.events?.map((event) => event.type)).toEqual(
      expect.arrayContaining(['logged', 'note_added', 'assigned', 'tagged', 'follow_up_set']),
    );
    expect(cases[0]?.events?.find((event) => event.type === 'note_added')).not.toHaveProperty('detail');
    expect(copied.case.events?.find((event) => event.type === 'reply_copied')?.detail).toBe('Sorry about the delay');
  });
});
