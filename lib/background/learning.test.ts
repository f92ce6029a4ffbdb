import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makePost } from '../cases/testing';
import { LEARNING_EXPORT_FORMAT, LEARNING_LIMITS } from '../domain/learning';
import { MessagingError, sendMessage } from '../messaging/client';
import type { TriagePost } from '../messaging/protocol';
import { SETTINGS_STORAGE_KEY } from '../settings/schema';
import { startBackground } from './index';
import { contentSender, POPUP_SENDER, fakeBackgroundWorld, type FakeBackgroundWorld } from './testing';
import { STOCK_QUESTIONS } from '../triage/testing';

let world: FakeBackgroundWorld;
let tabMessages: unknown[];

beforeEach(async () => {
  tabMessages = [];
  const tab = await fakeBrowser.tabs.create({ url: 'https://x.com/search?q=acme' });
  world = fakeBackgroundWorld(new Map([[tab.id!, (message: unknown) => tabMessages.push(message)]]));
  await fakeBrowser.storage.local.set({
    [SETTINGS_STORAGE_KEY]: { version: 1, brands: [{ id: 'acme', name: 'Acme', handles: { x: ['AcmeHelp'], facebook: [], yelp: [] } }] },
  });
});

const asXTab = () => world.from(contentSender('https://x.com/search?q=acme', 7));

function triagePostOf(postId: string, text: string): TriagePost {
  const { platform, kind, reach } = makePost(postId);
  return { platform, postId, kind, reach, text };
}

async function verdictOf(post: TriagePost) {
  const { results } = await sendMessage('posts/triage', { posts: [post] });
  return results[0]?.triage.complaint;
}

describe('triage/correct', () => {
  it('overrides the corrected post at once, says why, and tells every tab to triage again', async () => {
    startBackground();
    asXTab();
    const post = triagePostOf('501', '@AcmeHelp my parcel is a week late and nobody answers');
    expect((await verdictOf(post))?.isComplaint).toBe(true);

    const answer = await sendMessage('triage/correct', { post, label: 'not_complaint' });
    expect(answer).toEqual({
      changed: true,
      status: expect.objectContaining({ corrections: 1, notComplaint: 1, complaint: 0 }) as unknown,
    });
    const after = await verdictOf(post);
    expect(after).toMatchObject({ isComplaint: false, confidence: 0 });
    expect(after?.cues[0]).toBe('marked “not a complaint” by your team');
    await vi.waitFor(() => expect(tabMessages).toContainEqual({ type: 'triage/changed', at: expect.any(Number) as unknown }));

    // The same call again changes nothing and broadcasts nothing.
    tabMessages.length = 0;
    expect((await sendMessage('triage/correct', { post, label: 'not_complaint' })).changed).toBe(false);
    expect(tabMessages).toEqual([]);
  });

  it('learns from several corrections: a similar post nobody corrected changes verdict, a real complaint does not', async () => {
    startBackground();
    asXTab();
    const unseen = triagePostOf('600', '@AcmeHelp is the red scarf still not back in stock?');
    expect((await verdictOf(unseen))?.isComplaint).toBe(true);
    for (const [i, text] of STOCK_QUESTIONS.entries()) {
      await sendMessage('triage/correct', { post: triagePostOf(String(610 + i), text), label: 'not_complaint' });
    }
    const learned = await verdictOf(unseen);
    expect(learned?.isComplaint).toBe(false);
    expect(learned?.cues[0]).toBe('learned from your team’s corrections');
    const complaint = triagePostOf('699', '@AcmeHelp charged me twice and support hung up on me, worst service ever');
    expect((await verdictOf(complaint))?.isComplaint).toBe(true);
  });

  it('refuses a tab correcting another site’s post', async () => {
    startBackground();
    asXTab();
    const yelp = { platform: 'yelp' as const, postId: 'r1', kind: 'review' as const, text: 'Cold food', reach: {} };
    await expect(sendMessage('triage/correct', { post: yelp, label: 'complaint' })).rejects.toMatchObject({ code: 'forbidden_sender' });
  });

  it('counts logging a case as a "complaint" label, once', async () => {
    startBackground();
    asXTab();
    const post = makePost('700', { text: '@AcmeHelp thanks, all good now' });
    await sendMessage('cases/log', { post, brandIds: ['acme'] });
    await sendMessage('cases/log', { post, brandIds: ['acme'] });
    world.from(POPUP_SENDER);
    expect(await sendMessage('learning/status', {})).toMatchObject({ corrections: 1, complaint: 1 });
    asXTab();
    expect((await verdictOf(triagePostOf('700', post.text)))?.isComplaint).toBe(true);
  });
});

describe('learning/* (options)', () => {
  it('exports, resets and imports the layer; an imported layer triages as the exported one did', async () => {
    startBackground();
    asXTab();
    const post = triagePostOf('800', '@AcmeHelp where is my refund, still nothing after 3 weeks');
    await sendMessage('triage/correct', { post, label: 'not_complaint' });
    world.from(POPUP_SENDER);
    const exported = await sendMessage('learning/export', {});
    expect(exported.format).toBe(LEARNING_EXPORT_FORMAT);
    expect(exported.corrections).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain('refund');

    expect(await sendMessage('learning/reset', {})).toEqual({ removed: 1 });
    expect(await sendMessage('learning/status', {})).toMatchObject({ corrections: 0 });
    asXTab();
    expect((await verdictOf(post))?.isComplaint).toBe(true);

    world.from(POPUP_SENDER);
    expect(await sendMessage('learning/import', { learning: exported })).toMatchObject({ corrections: 1, notComplaint: 1 });
    asXTab();
    expect((await verdictOf(post))?.isComplaint).toBe(false);
  });

  it('refuses a bad import with a clear error and keeps what it had', async () => {
    startBackground();
    asXTab();
    await sendMessage('triage/correct', { post: triagePostOf('900', '@AcmeHelp my order is late'), label: 'not_complaint' });
    world.from(POPUP_SENDER);
    const bad = {
      format: LEARNING_EXPORT_FORMAT,
      corrections: [{ postKey: 'x:1', label: 'maybe', source: 'click', at: 1, margin: 0, buckets: [] }],
    };
    const error = await sendMessage('learning/import', { learning: bad as never }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MessagingError);
    expect((error as MessagingError).code).toBe('bad_request');
    expect(await sendMessage('learning/status', {})).toMatchObject({ corrections: 1 });
  });

  it('are for extension pages only', async () => {
    startBackground();
    asXTab();
    await expect(sendMessage('learning/reset', {})).rejects.toMatchObject({ code: 'forbidden_sender' });
  });

  it('data/deleteAll forgets the corrections too', async () => {
    startBackground();
    asXTab();
    await sendMessage('triage/correct', { post: triagePostOf('950', '@AcmeHelp my order is late'), label: 'not_complaint' });
    world.from(POPUP_SENDER);
    await sendMessage('data/deleteAll', { settings: false });
    expect(await sendMessage('learning/status', {})).toMatchObject({ corrections: 0 });
    expect(LEARNING_LIMITS.corrections).toBeGreaterThan(0);
  });
});
