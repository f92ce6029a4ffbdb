import { describe, expect, it } from 'vitest';
import { eventDetail, eventLabel, formatEventTime } from './timeline-text';

describe('timeline text', () => {
  it('labels events from their type and channel alone', () => {
    expect(eventLabel({ type: 'handed_off', channel: 'x_dm' })).toBe('Handed off via X DM');
    expect(eventLabel({ type: 'handed_off', channel: 'contact_form' })).toBe('Handed off via contact form');
    expect(eventLabel({ type: 'handed_off' })).toBe('Handed off');
    expect(eventLabel({ type: 'reply_suggested' })).toBe('Suggestion picked');
  });

  it('shows details in words: no template ids (also in old timelines), no repeated channel', () => {
    expect(eventDetail({ type: 'reply_suggested', detail: '#2 delivery_delay.x.concise.sent (concise)' })).toBe('#2 (concise)');
    expect(eventDetail({ type: 'reply_suggested', detail: '#1 Move to private, warm' })).toBe('#1 Move to private, warm');
    expect(eventDetail({ type: 'reply_inserted', detail: "edited suggestion #1 (billing_refund.x.warm.invite) into X's reply box" })).toBe(
      "edited suggestion #1 into X's reply box",
    );
    expect(eventDetail({ type: 'reply_inserted', detail: "suggestion #1 (Move to private, warm) into X's reply box" })).toBe(
      "suggestion #1 (Move to private, warm) into X's reply box",
    );
    expect(eventDetail({ type: 'handed_off', channel: 'x_dm', detail: 'via X DM' })).toBeUndefined();
    expect(eventDetail({ type: 'status_changed', detail: 'New → Responded' })).toBe('New → Responded');
    expect(eventDetail({ type: 'status_changed' })).toBeUndefined();
  });

  it('formats times in local time, not ISO', () => {
    const at = Date.UTC(2025, 10, 20, 9, 15, 2);
    const shown = formatEventTime(at);
    expect(shown).not.toContain('T09:15');
    expect(shown).not.toContain('Z');
    expect(shown).toMatch(/\d{2}:\d{2}:\d{2}/);
  });
});
