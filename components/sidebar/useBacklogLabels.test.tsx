import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../../lib/i18n/testing';
import type { MentionRowView } from './MentionRow';
import { Sidebar } from './Sidebar';
import { backlogLabels } from './useBacklogLabels';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 7, 12);
const row = (postKey: string, ageHours: number | undefined): MentionRowView => ({
  postKey,
  authorName: 'Jane Doe',
  url: `https://x.com/jdoe/status/${postKey.slice(2)}`,
  excerpt: 'Acme lost my bag',
  brandNames: ['Acme'],
  byBrand: false,
  logging: false,
  ...(ageHours === undefined ? {} : { postedAt: new Date(NOW - ageHours * HOUR).toISOString() }),
});
const ROWS = [row('x:1', 72), row('x:2', 5), row('x:3', undefined), row('x:4', 25)];

afterEach(cleanup);

describe('backlog marks on sidebar rows', () => {
  it('marks the posts older than the backlog age (24 h by default), none of unknown age', () => {
    expect([...backlogLabels(ROWS, undefined, NOW)]).toEqual([
      ['x:1', 'backlog · posted 3 d ago'],
      ['x:4', 'backlog · posted 1 d 1 h ago'],
    ]);
    expect([...backlogLabels(ROWS, 48, NOW).keys()]).toEqual(['x:1']);
  });

  it('shows the mark on the row', () => {
    const mentions = ROWS.slice(0, 2);
    render(
      <Sidebar
        statusText="X"
        mentions={mentions}
        backlogLabels={backlogLabels(mentions, 24, NOW)}
        noBrands={false}
        onOpenOptions={vi.fn()}
        mode="floating"
        onModeChange={vi.fn()}
        onLog={vi.fn()}
      />,
    );
    const [old, fresh] = screen.getAllByTestId('careside-mention');
    expect(within(old!).getByTestId('careside-mention-backlog').textContent).toBe('backlog · posted 3 d ago');
    expect(within(fresh!).queryByTestId('careside-mention-backlog')).toBeNull();
  });

  describe('in Spanish', () => {
    beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

    it('says it in Spanish', () => {
      const marks = [...backlogLabels(ROWS, 24, NOW).values()];
      expect(marks[0]).toBe('atrasada · publicada hace 3 d');
      expect(englishLeaks(marks.join('\n'))).toEqual([]);
    });
  });
});
