import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makePost } from '../cases/testing';
import { MessagingError, sendMessage } from './client';

const CLOSED =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

describe('sendMessage when the worker stops mid-answer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends an idempotent request once more and returns that answer', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error(CLOSED))
      .mockResolvedValueOnce({ ok: true, data: { opened: true } } as never);
    await expect(sendMessage('options/open', {})).resolves.toEqual({ opened: true });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('treats an answer of nothing (Chromium resolves undefined when the worker stops mid-answer) as a closed channel', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ ok: true, data: { opened: true } } as never);
    await expect(sendMessage('options/open', {})).resolves.toEqual({ opened: true });
    expect(send).toHaveBeenCalledTimes(2);

    send.mockReset().mockResolvedValue(undefined);
    const recorded = sendMessage('cases/recordEvent', { caseId: '7d6f2a52-1c1b-4c57-9a4e-2f0b8a1d3c11', event: { type: 'reply_copied' } });
    await expect(recorded).rejects.toThrow('CareSide’s background stopped before it answered. Try again.');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('says so in plain words when the second try fails too', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error(CLOSED));
    const sent = sendMessage('cases/log', { post: makePost('1'), brandIds: [] });
    await expect(sent).rejects.toBeInstanceOf(MessagingError);
    await expect(sent).rejects.toThrow('CareSide’s background stopped before it answered. Try again.');
  });

  it('never repeats a request that is not idempotent (a timeline event would be stored twice)', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error(CLOSED));
    const sent = sendMessage('cases/recordEvent', { caseId: '7d6f2a52-1c1b-4c57-9a4e-2f0b8a1d3c11', event: { type: 'reply_copied' } });
    await expect(sent).rejects.toThrow('CareSide’s background stopped before it answered. Try again.');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('fills an empty error message from the background with a sentence', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: { code: 'internal', message: '' } } as never);
    await expect(sendMessage('cases/summary', {})).rejects.toThrow('CareSide hit an error without details. Try again.');
  });
});
