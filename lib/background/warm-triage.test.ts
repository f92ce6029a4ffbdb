import { afterEach, expect, it, vi } from 'vitest';
import * as complaint from '../triage/complaint';
import { protocol } from '../messaging/protocol';
import { warmTriagePath } from './triage';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it('warms the triage path in tasks after the worker evaluated, schemas first, then the complaint model', () => {
  vi.useFakeTimers();
  const decode = vi.spyOn(complaint, 'complaintModel');
  const parse = vi.spyOn(protocol['posts/triage'].request, 'safeParse');
  warmTriagePath();
  // Nothing runs during evaluation: the listeners are registered first.
  expect(parse).not.toHaveBeenCalled();
  expect(decode).not.toHaveBeenCalled();
  vi.advanceTimersToNextTimer();
  expect(parse).toHaveBeenCalledTimes(1);
  // A message arriving now is handled before the model step.
  expect(decode).not.toHaveBeenCalled();
  vi.advanceTimersToNextTimer();
  expect(decode).toHaveBeenCalledTimes(1);
});
