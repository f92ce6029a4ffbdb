import { lazySchema, z } from '../validation/zod';

/**
 * What a case carries so copies of it on several installs merge the same way everywhere
 * (lib/merge): a hybrid-logical-clock stamp per mergeable field, the status's reopen
 * generation, and the refs that other installs gave the same post.
 */

/** A stamp of lib/merge/hlc.ts: `<wall ms base 36, 9>-<counter base 36, 4>-<agent id>`; string order is clock order. */
export const STAMP_PATTERN = /^[0-9a-z]{9}-[0-9a-z]{4}-[A-Za-z0-9._@+-]{1,100}$/;
export const StampSchema = lazySchema(() => z.string().regex(STAMP_PATTERN, 'must be a clock stamp such as 0mg7k2q1c-0000-priya'));

/** Case fields merged per field by last writer. */
export const CLOCKED_FIELDS = ['status', 'assignee', 'priority', 'followUpAt', 'tags'] as const;
export type ClockedField = (typeof CLOCKED_FIELDS)[number];

export const FieldClocksSchema = lazySchema(() =>
  z
    .object({
      status: StampSchema.optional(),
      assignee: StampSchema.optional(),
      priority: StampSchema.optional(),
      followUpAt: StampSchema.optional(),
      tags: StampSchema.optional(),
    })
    .strict(),
);
export type FieldClocks = z.infer<typeof FieldClocksSchema>;

/** Refs another install gave the same post; they lead to this case (lib/merge: the earliest-logged ref wins). */
export const MAX_ALIAS_REFS = 20;
