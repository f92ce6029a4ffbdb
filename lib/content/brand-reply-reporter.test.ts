import { describe, expect, it, vi } from 'vitest';
import type { PageCase } from '../domain/page-case';
import type { PostKey } from '../domain/post';
import type { SendRequest } from '../messaging/client';
import { createBrandReplyReporter } from './brand-reply-reporter';

const caseOf = (id: string, postKey: PostKey, events: PageCase['events'] = [{ at: 1, type: 'logged' }]) =>
  ({ id, postKey, events }) as unknown as PageCase;

describe('createBrandReplyReporter', () => {
  it("reports a logged case's answered post once, skips unlogged posts and cases that already say so", () => {
    const send = vi.fn(() => Promise.resolve({}));
    const report = createBrandReplyReporter(send as unknown as SendRequest);
    const answered = [
      { postKey: 'x:1' as PostKey, post: { answeredBy: '@AcmeAir' } },
      { postKey: 'x:2' as PostKey, post: { answeredBy: '@AcmeAirHelp' } },
      { postKey: 'x:3' as PostKey, post: {} },
      { postKey: 'x:4' as PostKey, post: { answeredBy: '@AcmeAir' } },
    ];
    const cases = new Map<PostKey, PageCase>([
      ['x:1', caseOf('c1', 'x:1')],
      ['x:3', caseOf('c3', 'x:3')],
      [
        'x:4',
        caseOf('c4', 'x:4', [
          { at: 1, type: 'logged' },
          { at: 2, type: 'brand_reply_seen' },
        ]),
      ],
    ]);
    report(answered, cases);
    report(answered, cases);
    expect(send.mock.calls).toEqual([['cases/brandReplySeen', { caseId: 'c1', by: '@AcmeAir' }]]);
    // x:2 is logged later: reported then.
    report(answered, new Map([...cases, ['x:2', caseOf('c2', 'x:2')]]));
    expect(send.mock.calls.at(-1)).toEqual(['cases/brandReplySeen', { caseId: 'c2', by: '@AcmeAirHelp' }]);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('tries again on the next change when the background did not record it', async () => {
    const send = vi.fn().mockRejectedValueOnce(new Error('worker restarted')).mockResolvedValue({});
    const report = createBrandReplyReporter(send);
    const answered = [{ postKey: 'x:1' as PostKey, post: { answeredBy: '@AcmeAir' } }];
    const cases = new Map<PostKey, PageCase>([['x:1', caseOf('c1', 'x:1')]]);
    report(answered, cases);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    report(answered, cases);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
