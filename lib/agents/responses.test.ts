import { describe, expect, it } from 'vitest';
import { teammateResponses } from './responses';

describe('teammateResponses', () => {
  it('lists replies and handoffs another agent wrote, latest first', () => {
    const events = [
      { at: 1, type: 'logged' as const, by: 'sam' },
      { at: 2, type: 'reply_inserted' as const, by: 'sam' },
      { at: 3, type: 'handed_off' as const, by: 'Priya' },
      { at: 4, type: 'reply_copied' as const, by: 'dana' },
      { at: 5, type: 'reply_inserted' as const },
      { at: 6, type: 'note_added' as const, by: 'sam' },
    ];
    expect(teammateResponses(events, ['DANA', 'agent-local'])).toEqual([
      { by: 'Priya', at: 3, type: 'handed_off' },
      { by: 'sam', at: 2, type: 'reply_inserted' },
    ]);
  });

  it('finds nothing on a case without a timeline', () => {
    expect(teammateResponses(undefined, ['dana'])).toEqual([]);
  });
});
