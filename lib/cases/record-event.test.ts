import { describe, expect, it } from 'vitest';
import { openCaseDb } from '../db/open';
import { CaseStoreError } from './errors';
import { CaseRepository } from './repository';
import { makePost } from './testing';

const T0 = 1_700_000_000_000;

async function repositoryWithCase(postId = '1') {
  const repository = new CaseRepository(await openCaseDb('record-event', indexedDB));
  const { case: logged } = await repository.logPost(makePost(postId), ['acme'], T0);
  return { repository, logged };
}

describe('CaseRepository.recordEvent', () => {
  it('appends the event to the timeline without moving the case when no transition is asked', async () => {
    const { repository, logged } = await repositoryWithCase();
    const result = await repository.recordEvent(logged.id, { type: 'reply_suggested', detail: 'apology-delay' }, T0 + 1_000);
    expect(result.changed).toBe(true);
    expect(result.case.status).toBe('new');
    expect(result.case.updatedAt).toBe(T0 + 1_000);
    expect(result.case.events).toEqual([
      { at: T0, type: 'logged' },
      { at: T0 + 1_000, type: 'reply_suggested', detail: 'apology-delay' },
    ]);
    expect(await repository.byId(logged.id)).toEqual(result.case);
  });

  it('moves the case and stamps the first response when a reply is inserted with transitionTo responded', async () => {
    const { repository, logged } = await repositoryWithCase();
    const { case: moved } = await repository.recordEvent(logged.id, { type: 'reply_inserted' }, T0 + 5 * 60_000, 'responded');
    expect(moved).toMatchObject({ status: 'responded', firstResponseAt: T0 + 5 * 60_000 });
    expect(moved.events?.map((event) => event.type)).toEqual(['logged', 'reply_inserted', 'status_changed']);
    expect(moved.events?.at(-1)?.detail).toBe('New → Responded');

    // A second reply keeps the first response time and does not add a status change.
    const { case: again } = await repository.recordEvent(logged.id, { type: 'reply_copied' }, T0 + 9 * 60_000, 'responded');
    expect(again.firstResponseAt).toBe(T0 + 5 * 60_000);
    expect(again.events?.map((event) => event.type)).toEqual(['logged', 'reply_inserted', 'status_changed', 'reply_copied']);
  });

  it('records a handoff with its channel and moves the case to Handed off', async () => {
    const { repository, logged } = await repositoryWithCase();
    const { case: moved } = await repository.recordEvent(
      logged.id,
      { type: 'handed_off', channel: 'x_dm', detail: 'via X DM' },
      T0 + 60_000,
      'handed_off',
    );
    expect(moved.status).toBe('handed_off');
    expect(moved.events?.[1]).toEqual({ at: T0 + 60_000, type: 'handed_off', channel: 'x_dm', detail: 'via X DM' });
  });

  it('refuses an illegal move with a clear conflict and stores nothing', async () => {
    const { repository, logged } = await repositoryWithCase();
    const { case: resolved } = await repository.transition(logged.id, 'resolved', T0 + 1);
    const failure = await repository
      .recordEvent(logged.id, { type: 'reply_inserted' }, T0 + 2, 'responded')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CaseStoreError);
    expect((failure as CaseStoreError).code).toBe('conflict');
    expect((failure as Error).message).toMatch(/reopen/i);
    expect(await repository.byId(logged.id)).toEqual(resolved);
  });

  it('refuses an edit from another site and an unknown case', async () => {
    const { repository, logged } = await repositoryWithCase();
    const foreign = await repository
      .recordEvent(logged.id, { type: 'reply_copied' }, T0 + 1, undefined, { platform: 'yelp' })
      .catch((error: unknown) => error);
    expect((foreign as CaseStoreError).code).toBe('forbidden_sender');
    const missing = await repository
      .recordEvent('00000000-0000-4000-8000-000000000000', { type: 'reply_copied' }, T0)
      .catch((error: unknown) => error);
    expect((missing as CaseStoreError).code).toBe('not_found');
    expect(await repository.byId(logged.id)).toEqual(logged);
  });
});
