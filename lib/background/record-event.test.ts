import { beforeEach, describe, expect, it } from 'vitest';
import { makePost } from '../cases/testing';
import { MessagingError, sendMessage } from '../messaging/client';
import { startBackground } from './index';
import { contentSender, POPUP_SENDER, fakeBackgroundWorld, type FakeBackgroundWorld } from './testing';

let world: FakeBackgroundWorld;
beforeEach(() => {
  world = fakeBackgroundWorld();
});

describe('cases/recordEvent and cases/transition through the message protocol', () => {
  it('a content script on the case’s site records a reply and moves the case to Responded', async () => {
    let time = 1_700_000_000_000;
    startBackground({ now: () => (time += 1_000) });
    world.from(contentSender('https://x.com/acme/status/1', 3));
    const { case: logged } = await sendMessage('cases/log', { post: makePost('501'), brandIds: ['acme'] });
    const { case: replied } = await sendMessage('cases/recordEvent', {
      caseId: logged.id,
      event: { type: 'reply_inserted', detail: 'template: apology' },
      transitionTo: 'responded',
    });
    expect(replied.status).toBe('responded');
    expect(replied.firstResponseAt).toBeGreaterThan(logged.createdAt);
    expect(replied.events?.map((event) => event.type)).toEqual(['logged', 'reply_inserted', 'status_changed']);
  });

  it('refuses a content script on another site, an illegal move, and a malformed event', async () => {
    startBackground();
    world.from(contentSender('https://x.com/acme/status/1', 3));
    const { case: logged } = await sendMessage('cases/log', { post: makePost('502'), brandIds: [] });
    world.from(contentSender('https://www.yelp.com/biz/acme', 4));
    const foreign = await sendMessage('cases/recordEvent', { caseId: logged.id, event: { type: 'reply_copied' } }).catch(
      (error: unknown) => error,
    );
    expect((foreign as MessagingError).code).toBe('forbidden_sender');

    world.from(POPUP_SENDER);
    await sendMessage('cases/transition', { caseId: logged.id, to: 'closed', outcome: 'spam' });
    const illegal = await sendMessage('cases/recordEvent', {
      caseId: logged.id,
      event: { type: 'handed_off', channel: 'x_dm' },
      transitionTo: 'handed_off',
    }).catch((error: unknown) => error);
    expect(illegal).toBeInstanceOf(MessagingError);
    expect((illegal as MessagingError).code).toBe('conflict');
    expect((illegal as MessagingError).message).toMatch(/Cannot move CS-\w+ from Closed to Handed off/);

    const malformed = await sendMessage('cases/recordEvent', {
      caseId: logged.id,
      event: { type: 'logged' as 'reply_copied' },
    }).catch((error: unknown) => error);
    expect((malformed as MessagingError).code).toBe('bad_request');
  });

  it('cases/transition needs an outcome to close and can reopen', async () => {
    startBackground();
    const { case: logged } = await sendMessage('cases/log', { post: makePost('503'), brandIds: [] });
    const noOutcome = await sendMessage('cases/transition', { caseId: logged.id, to: 'closed' }).catch((error: unknown) => error);
    expect((noOutcome as MessagingError).code).toBe('bad_request');
    expect((noOutcome as MessagingError).message).toMatch(/needs an outcome/);
    const closed = await sendMessage('cases/transition', { caseId: logged.id, to: 'closed', outcome: 'duplicate' });
    expect(closed).toMatchObject({ changed: true, case: { status: 'closed', outcome: 'duplicate' } });
    const reopened = await sendMessage('cases/transition', { caseId: logged.id, to: 'reopen' });
    expect(reopened.case.status).toBe('new');
    expect(reopened.case.outcome).toBeUndefined();
  });
});
