import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installLocaleMessages } from '../../lib/i18n/testing';
import { BulkBar, bulkSummary } from './BulkBar';

afterEach(cleanup);

const props = { total: 40, allMatching: false, busy: false, onSelectAll: () => undefined, onClear: () => undefined };

describe('BulkBar', () => {
  it('offers only "select all matching" while nothing is ticked', () => {
    const onSelectAll = vi.fn();
    render(<BulkBar {...props} selected={0} onSelectAll={onSelectAll} onApply={() => undefined} />);
    expect(screen.getByTestId('dashboard-bulk-count').textContent).toBe('No cases selected');
    expect(screen.queryByTestId('dashboard-bulk-tag')).toBeNull();
    fireEvent.click(screen.getByTestId('dashboard-select-all'));
    expect(onSelectAll).toHaveBeenCalledOnce();
  });

  it('sends one change: a trimmed tag, an assignee (empty unassigns), a status', () => {
    const onApply = vi.fn();
    render(<BulkBar {...props} selected={3} onApply={onApply} />);
    expect(screen.getByTestId('dashboard-bulk-count').textContent).toBe('3 cases selected');
    fireEvent.change(screen.getByTestId('dashboard-bulk-tag'), { target: { value: '  vip ' } });
    fireEvent.click(screen.getByTestId('dashboard-bulk-add-tag'));
    fireEvent.click(screen.getByRole('button', { name: 'Unassign' }));
    fireEvent.change(screen.getByTestId('dashboard-bulk-status'), { target: { value: 'resolved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onApply.mock.calls.map((call: unknown[]) => call[0])).toEqual([
      { kind: 'addTag', tag: 'vip' },
      { kind: 'assignee', assignee: null },
      { kind: 'status', to: 'resolved' },
    ]);
  });

  it('never offers closing (it needs an outcome per case)', () => {
    render(<BulkBar {...props} selected={1} onApply={() => undefined} />);
    const options = [...screen.getByTestId('dashboard-bulk-status').querySelectorAll('option')].map((option) => option.value);
    expect(options).not.toContain('closed');
    expect(options).toContain('resolved');
  });
});

describe('bulkSummary', () => {
  it('says what changed, what was already so, what is gone, and names skipped cases', () => {
    expect(bulkSummary({ changed: 4, unchanged: 1, missing: 0, skipped: [] })).toBe('Changed 4 cases. 1 case already so.');
    const skipped = ['A', 'B', 'C', 'D'].map((ref) => ({ ref: `CS-${ref}`, reason: 'not allowed' }));
    expect(bulkSummary({ changed: 0, unchanged: 0, missing: 2, skipped })).toBe(
      'Changed 0 cases. 2 cases no longer exist. Skipped CS-A (not allowed), CS-B (not allowed), CS-C (not allowed) and 1 more.',
    );
  });
});

describe('bulkSummary in Spanish', () => {
  it('words counts and skipped cases in the browser UI language', () => {
    installLocaleMessages(fakeBrowser.i18n, 'es', 'es');
    const skipped = ['CS-A', 'CS-B', 'CS-C', 'CS-D'].map((ref) => ({ ref, reason: 'x' }));
    expect(bulkSummary({ changed: 4, unchanged: 1, missing: 0, skipped: [] })).toBe('Cambiados: 4 casos. Ya estaban así: 1 caso.');
    expect(bulkSummary({ changed: 0, unchanged: 0, missing: 0, skipped })).toBe(
      'Cambiados: 0 casos. Omitidos: CS-A (x), CS-B (x), CS-C (x) y 1 más.',
    );
  });
});
