import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackground } from '../../lib/background/index';
import { contentSender, POPUP_SENDER, fakeBackgroundWorld, type FakeBackgroundWorld } from '../../lib/background/testing';
import { makePost } from '../../lib/cases/testing';
import { sendMessage } from '../../lib/messaging/client';
import { LearningSection, learningText } from './LearningSection';

let world: FakeBackgroundWorld;

beforeEach(() => {
  world = fakeBackgroundWorld();
  startBackground();
});
afterEach(cleanup);

async function correctFromXTab(postId: string, label: 'complaint' | 'not_complaint') {
  world.from(contentSender('https://x.com/search?q=acme', 3));
  const { platform, kind, reach, text } = makePost(postId);
  await sendMessage('triage/correct', { post: { platform, postId, kind, reach, text }, label });
  world.from(POPUP_SENDER);
}

function renderSection() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: 0 } } });
  render(
    <QueryClientProvider client={queryClient}>
      <LearningSection />
    </QueryClientProvider>,
  );
}

const status = () => screen.getByTestId('options-learning-status').textContent;

describe('Learning from your team (options)', () => {
  it('says how many corrections triage learned from, and Reset forgets them after a confirmation', async () => {
    await correctFromXTab('1', 'not_complaint');
    await correctFromXTab('2', 'not_complaint');
    await correctFromXTab('3', 'complaint');
    renderSection();
    await waitFor(() => expect(status()).toBe('Learned from 3 corrections (1 complaint, 2 not a complaint).'));

    fireEvent.click(screen.getByTestId('options-learning-reset'));
    expect(screen.getByTestId('options-learning-reset-question').textContent).toContain('Forget 3 corrections?');
    fireEvent.click(screen.getByTestId('options-learning-reset-confirm'));
    await waitFor(() => expect(status()).toBe('Nothing learned yet: triage uses the shipped model as it is.'));
    expect(screen.getByTestId('options-learning-reset-result').textContent).toBe('Forgot 3 corrections.');
    expect(await sendMessage('learning/status', {})).toMatchObject({ corrections: 0 });
    expect(screen.getByTestId('options-learning-reset')).toHaveProperty('disabled', true);
  });

  it('words the count in the singular too', () => {
    expect(learningText({ corrections: 1, complaint: 0, notComplaint: 1 })).toBe(
      'Learned from 1 correction (0 complaints, 1 not a complaint).',
    );
  });
});
