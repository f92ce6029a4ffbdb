import { describe, expect, it } from 'vitest';
import { assigneeName, buildRoster, isAssignedTo } from './roster';

const me = { id: 'agent-me0000001', name: 'Dana' };

describe('buildRoster', () => {
  it('lists me first, then the team by name, then assignees seen on cases, each once', () => {
    const roster = buildRoster(
      me,
      [
        { id: 'sam', name: 'Sam Ortiz', email: 'sam@acme.example' },
        { id: 'priya', name: 'Priya Shah' },
      ],
      ['Legacy Lou', 'PRIYA', 'agent-me0000001', '  ', 'Legacy Lou'],
    );
    expect(roster).toEqual([
      { id: 'agent-me0000001', name: 'Dana', source: 'me' },
      { id: 'priya', name: 'Priya Shah', source: 'team' },
      { id: 'sam', name: 'Sam Ortiz', email: 'sam@acme.example', source: 'team' },
      { id: 'Legacy Lou', name: 'Legacy Lou', source: 'seen' },
    ]);
  });

  it('keeps my own entry when the team database also lists me', () => {
    const roster = buildRoster(me, [{ id: 'agent-me0000001', name: 'Dana (old name)' }], []);
    expect(roster).toEqual([{ id: 'agent-me0000001', name: 'Dana', source: 'me' }]);
  });
});

describe('assigneeName', () => {
  const roster = [
    { id: 'priya', name: 'Priya Shah' },
    { id: 'agent-me0000001', name: 'Dana' },
  ];
  it('shows an agent id as the agent name, whatever its case', () => {
    expect(assigneeName('Priya', roster)).toBe('Priya Shah');
    expect(assigneeName('agent-me0000001', roster)).toBe('Dana');
  });
  it('shows an old free-text assignee as it was written, and nothing for none', () => {
    expect(assigneeName('Night shift', roster)).toBe('Night shift');
    expect(assigneeName(undefined, roster)).toBeUndefined();
    expect(assigneeName('  ', roster)).toBeUndefined();
  });
});

describe('isAssignedTo', () => {
  it('compares ids case-insensitively and never matches an unassigned case', () => {
    expect(isAssignedTo('Priya', 'priya')).toBe(true);
    expect(isAssignedTo('sam', 'priya')).toBe(false);
    expect(isAssignedTo(undefined, 'priya')).toBe(false);
  });
});
