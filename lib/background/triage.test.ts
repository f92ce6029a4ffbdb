import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_STORAGE_KEY } from '../settings/schema';
import { createSettingsSource } from '../settings/source';
import { makePost } from '../cases/testing';
import { isTriageResult } from '../domain/triage';
import { ProtocolError } from '../messaging/errors';
import { protocol } from '../messaging/protocol';
import { triagePost } from '../triage';
import { createTriageHandlers, triageForWire, type TriageStats } from './triage';

const NOW = Date.parse('2025-11-20T13:00:00.000Z');

describe('posts/triage in the background', () => {
  it('triages each post masking the brands in the background’s own settings, and counts the work', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_STORAGE_KEY]: {
        version: 1,
        brands: [{ id: 'acme', name: 'Acme Air', handles: { x: ['AcmeAir'], facebook: [], yelp: [] } }],
      },
    });
    const stats: TriageStats = { requests: 0, posts: 0, ms: 0 };
    const handle = createTriageHandlers(() => NOW, stats, createSettingsSource())['posts/triage'];
    const posts = [
      { ...makePost('1'), text: '@AcmeAir lost my bag and nobody answers. Worst airline ever.' },
      { ...makePost('2'), text: 'Thank you @AcmeAir, the crew was wonderful and we landed early!' },
    ].map(({ platform, postId, kind, text, reach }) => ({ platform, postId, kind, text, reach }));
    const { results } = await handle({ posts }, { senderKind: 'content', sitePlatform: 'x' });
    expect(results.map((result) => result.postKey)).toEqual(['x:1', 'x:2']);
    expect(results.map((result) => result.triage.complaint.isComplaint)).toEqual([true, false]);
    // The same verdict the triage library gives directly.
    expect(results[0]?.triage).toEqual(
      triageForWire(triagePost(posts[0] as (typeof posts)[0], { brandTerms: ['Acme Air', '@AcmeAir'], now: NOW })),
    );
    expect(protocol['posts/triage'].response.safeParse({ results }).success).toBe(true);
    expect(stats.posts).toBe(2);
    expect(stats.ms).toBeGreaterThan(0);
  });

  it('refuses posts of another site than the tab is on', async () => {
    const handle = createTriageHandlers(() => NOW, { requests: 0, posts: 0, ms: 0 }, createSettingsSource())['posts/triage'];
    const yelp = { platform: 'yelp' as const, postId: 'r1', kind: 'review' as const, text: 'Cold food', reach: {} };
    await expect(handle({ posts: [yelp] }, { senderKind: 'content', sitePlatform: 'x' })).rejects.toBeInstanceOf(ProtocolError);
  });

  it('keeps every result within the wire bounds however long the post quoted in a cue', () => {
    const base = triagePost({ ...makePost('1'), text: 'Still waiting on my refund, no response for 3 weeks' }, { now: NOW });
    const long = 'x'.repeat(5_000);
    const clipped = triageForWire({
      ...base,
      complaint: { ...base.complaint, cues: Array.from({ length: 80 }, () => long) },
      priority: { ...base.priority, explanation: long },
    });
    expect(isTriageResult(clipped)).toBe(true);
    expect(clipped.complaint.cues).toHaveLength(50);
    expect(isTriageResult({ ...clipped, priority: { ...clipped.priority, priority: 'P9' } })).toBe(false);
    expect(isTriageResult({ ...clipped, complaint: { ...clipped.complaint, confidence: 2 } })).toBe(false);
    expect(isTriageResult(null)).toBe(false);
  });
});
