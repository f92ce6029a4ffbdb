// Test-only builders for posts and cases (imported by *.test.ts files, never by app code).
import { PostSchema, type Platform, type Post, type PostInput } from '../domain/post';

export function makePost(postId: string, overrides: Partial<PostInput> = {}): Post {
  const platform: Platform = overrides.platform ?? 'x';
  return PostSchema.parse({
    platform,
    postId,
    kind: 'post',
    url: `https://x.com/someone/status/${postId}`,
    authorName: 'Some One',
    authorHandle: 'someone',
    text: `@acme my order ${postId} never arrived`,
    reach: { likes: 3 },
    ...overrides,
  });
}

/** Small deterministic PRNG (LCG) so randomized store tests see the same data on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
