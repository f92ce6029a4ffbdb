import { expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { installFakeAlarms } from './testing';

it('the background entrypoint registers its message, alarm and notification listeners as soon as main() runs', () => {
  const alarms = installFakeAlarms();
  expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  background.main();
  expect(alarms.onAlarm.hasListeners()).toBe(true);
  expect(fakeBrowser.notifications.onClicked.hasListeners()).toBe(true);
  expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
});
