import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from './lazy-schema';

describe('lazySchema', () => {
  it('builds nothing until the schema is first read, then builds once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds++;
      return z.object({ name: z.string().min(1) }).strict();
    });
    expect(builds).toBe(0);
    expect(schema.parse({ name: 'Acme' })).toEqual({ name: 'Acme' });
    expect(schema.safeParse({ name: '' }).success).toBe(false);
    expect(Object.keys(schema.shape)).toEqual(['name']);
    expect(builds).toBe(1);
  });

  it('behaves as the schema it builds when nested, derived and reflected on', () => {
    const inner = lazySchema(() => z.string().max(3));
    const outer = lazySchema(() => z.object({ code: inner, note: inner.optional() }).strict());
    const picked = lazySchema(() => outer.pick({ code: true }));
    expect(outer.parse({ code: 'abc' })).toEqual({ code: 'abc' });
    const failure = outer.safeParse({ code: 'abcd', extra: 1 });
    expect(failure.success).toBe(false);
    expect(failure.error?.issues.map((issue) => issue.path.join('.') || issue.code).sort()).toEqual(['code', 'unrecognized_keys']);
    expect(picked.safeParse({ code: 'ab', note: 'x' }).success).toBe(false);
    expect(inner instanceof z.ZodString).toBe(true);
    expect(Object.getOwnPropertyDescriptor(inner, '_zod')).toBeDefined();
    // Spreading reads every own property's descriptor: the proxy invariants must hold for each.
    expect(Object.keys({ ...outer })).toEqual(Object.keys(outer));
  });
});
