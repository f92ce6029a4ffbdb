/**
 * Regenerates demo/x/search.html from search-posts.ts:  npx tsx demo/x/generate.ts
 * (tests/e2e/demo-pages.test.ts fails when the committed page and this output differ).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { xSearchPageHtml } from './markup';
import { DEMO_X_QUERY, DEMO_X_SEARCH_POSTS } from './search-posts';

export const DEMO_X_SEARCH_FILE = fileURLToPath(new URL('./search.html', import.meta.url));

export function demoXSearchHtml(): string {
  return xSearchPageHtml({ query: DEMO_X_QUERY, posts: DEMO_X_SEARCH_POSTS });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DEMO_X_SEARCH_FILE, demoXSearchHtml());
  console.log(`wrote ${DEMO_X_SEARCH_FILE}`);
}
