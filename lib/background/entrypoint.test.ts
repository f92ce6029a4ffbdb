import { expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';

it('the background entrypoint registers the message listener as soon as main() runs', () => {
  expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  background.main();
  expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
});
