import { beforeEach, describe, expect, it } from 'vitest';
import { makePost } from '../cases/testing';
import type { MessagingError } from '../messaging/client';
import { sendMessage } from '../messaging/client';
import { startBackground } from './index';
import { contentSender, POPUP_SENDER, fakeBackgroundWorld, type FakeBackgroundWorld } from './testing';

let world: FakeBackgroundWorld;
beforeEach(() => {
  world = fakeBackgroundWorld();
});

describe('cases/brandReplySeen through the message protocol', () => {
  it('puts "brand reply seen" on the timeline once, however often a tab reports it', async () => {
    let time = 1_700_000_000_000;
    startBackground({ now: () => (time += 1_000) });
    world.from(contentSender('https://x.com/rileypark/status/1', 3));
    const { case: logged } = await sendMessage('cases/log', { post: makePost('601'), brandIds: ['acme'] });

    const first = await sendMessage('cases/brandReplySeen', { caseId: logged.id, by: '@AcmeAirHelp' });
    expect(first.changed).toBe(true);
    expect(first.case.events?.map((event) => event.type)).toEqual(['logged', 'brand_reply_seen']);
    expect(first.case.events?.[1]).toMatchObject({ type: 'brand_reply_seen', detail: 'by @AcmeAirHelp' });
    // Seeing the reply is not answering the customer: the status and first response stay as they were.
    expect(first.case.status).toBe(logged.status);
    expect(first.case.firstResponseAt).toBeUndefined();

    const again = await sendMessage('cases/brandReplySeen', { caseId: logged.id, by: '@AcmeAir' });
    expect(again.changed).toBe(false);
    expect(again.case.events?.filter((event) => event.type === 'brand_reply_seen')).toHaveLength(1);

    world.from(POPUP_SENDER);
    const { case: stored } = await sendMessage('cases/get', { caseId: logged.id });
    expect(stored?.events?.map((event) => event.type)).toEqual(['logged', 'brand_reply_seen']);
  });

  it('refuses a tab on another site, an empty name and an unknown case', async () => {
    startBackground();
    world.from(contentSender('https://x.com/rileypark/status/1', 3));
    const { case: logged } = await sendMessage('cases/log', { post: makePost('602'), brandIds: [] });
    const blank = await sendMessage('cases/brandReplySeen', { caseId: logged.id, by: '  ' }).catch((error: unknown) => error);
    expect((blank as MessagingError).code).toBe('bad_request');
    const unknown = await sendMessage('cases/brandReplySeen', { caseId: '00000000-0000-4000-8000-00000000dead', by: '@AcmeAir' }).catch(
      (error: unknown) => error,
    );
    expect((unknown as MessagingError).code).toBe('not_found');
    world.from(contentSender('https://www.yelp.com/biz/acme', 4));
    const foreign = await sendMessage('cases/brandReplySeen', { caseId: logged.id, by: '@AcmeAir' }).catch((error: unknown) => error);
    expect((foreign as MessagingError).code).toBe('forbidden_sender');
  });
});
