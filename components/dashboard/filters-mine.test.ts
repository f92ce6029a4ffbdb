import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, restoreFilters, toQueryFilter } from './filters';

describe('"My cases" filter', () => {
  it('filters on this agent id, over any typed assignee or "unassigned"', () => {
    expect(toQueryFilter({ ...EMPTY_FILTERS, mine: true, assignee: 'sam', unassigned: true }, 'agent-abc')).toEqual({
      assignee: 'agent-abc',
    });
  });
  it('matches nothing until the agent id is known, never everything', () => {
    const filter = toQueryFilter({ ...EMPTY_FILTERS, mine: true });
    expect(filter.assignee).toBeTypeOf('string');
    expect(filter.assignee?.trim()).not.toBe(''); // an empty assignee filter would match every case
    expect(filter.assignee).toContain('\u0000');
  });
  it('sticks across visits like the other filters', () => {
    expect(restoreFilters(JSON.stringify({ ...EMPTY_FILTERS, mine: true })).mine).toBe(true);
    expect(restoreFilters(JSON.stringify({ mine: 'yes' })).mine).toBe(false);
  });
});
