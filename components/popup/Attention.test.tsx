import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AttentionView } from './Attention';
import { makeCase } from './testing';

afterEach(cleanup);

describe('popup attention section', () => {
  it('shows counts per priority and the breaching cases with time over target, and resolves in one click', async () => {
    const late = makeCase(7);
    const requests: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
      requests.push(message);
      sendResponse({ ok: true, data: { case: { ...late, status: 'resolved' }, changed: true } });
      return true;
    });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <AttentionView
          data={{
            byPriority: { P1: 2, P2: 0, P3: 5, P4: 1 },
            breachingCount: 1,
            nearingCount: 2,
            breaching: [{ case: late, dueAt: 0, overdueMs: (2 * 60 + 5) * 60_000 }],
          }}
          now={late.createdAt + (6 * 60 + 5) * 60_000}
        />
      </QueryClientProvider>,
    );
    expect(['P1', 'P2', 'P3', 'P4'].map((p) => screen.getByTestId(`popup-priority-${p}`).textContent)).toEqual(['2', '0', '5', '1']);
    const row = screen.getByTestId('popup-breaching').querySelector('li')!;
    expect(row.getAttribute('data-case-ref')).toBe(late.ref);
    expect(row.textContent).toContain('2 h 5 min over target');
    expect(screen.getByTestId(`popup-open-post-${late.ref}`).getAttribute('href')).toBe(late.post.url);

    fireEvent.click(screen.getByTestId(`popup-resolve-${late.ref}`));
    await waitFor(() => expect(requests).toEqual([{ type: 'cases/transition', payload: { caseId: late.id, to: 'resolved' } }]));
  });
});
