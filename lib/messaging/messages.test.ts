import { describe, expect, it } from 'vitest';
import { isIdempotent, isMessageType, MESSAGES } from './messages';
import { protocol } from './protocol';

describe('the protocol map in two halves', () => {
  it('names the same messages in messages.ts (senders) and protocol.ts (schemas)', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(Object.keys(protocol).sort());
  });

  it('gives every message at least one kind of sender', () => {
    for (const [type, rules] of Object.entries(MESSAGES)) expect(rules.senders.length, type).toBeGreaterThan(0);
  });

  it('knows its own message names only, never Object.prototype members', () => {
    expect(isMessageType('cases/log')).toBe(true);
    expect(isMessageType('toString')).toBe(false);
    expect(isMessageType('__proto__')).toBe(false);
  });

  it('says which messages are safe to send twice', () => {
    expect(isIdempotent('cases/byPostKeys')).toBe(true);
    expect(isIdempotent('cases/setStatus')).toBe(false);
  });
});
