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
