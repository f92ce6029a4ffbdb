// Test-only builders (imported by *.test.ts files, never by app code).
import { makePost } from '../cases/testing';
import { CaseSchema } from '../domain/case';
import { WorkflowFieldsSchema, type WorkflowCase } from './fields';

export const T0 = Date.UTC(2025, 2, 9, 12, 0, 0); // 2025-03-09T12:00:00Z

/** A deterministic, valid v4-shaped UUID for test number n. */
export function testUuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8000-${hex}`;
}

/** A valid case (checked against the domain and workflow schemas) with the given overrides. */
export function makeCase(n: number, overrides: Partial<WorkflowCase> = {}): WorkflowCase {
  const postId = String(1000 + n);
  const base: WorkflowCase = {
    id: testUuid(n),
    ref: `CS-${(0x8000 + n)
      .toString(32)
      .toUpperCase()
      .replace(/[ILOU]/g, 'X')}`,
    postKey: `x:${postId}`,
    platform: 'x',
    post: makePost(postId, { reach: {} }),
    brandIds: ['acme'],
    status: 'new',
    createdAt: T0,
    updatedAt: T0,
  };
  const merged = { ...base, ...overrides };
  const { id, ref, postKey, platform, post, brandIds, status, createdAt, updatedAt, ...workflow } = merged;
  CaseSchema.parse({ id, ref, postKey, platform, post, brandIds, status, createdAt, updatedAt });
  WorkflowFieldsSchema.parse(workflow);
  return merged;
}
