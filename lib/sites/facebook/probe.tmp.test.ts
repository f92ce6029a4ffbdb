import { it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { facebookAdapter } from './adapter';
import { parseHtml, windowAt } from '../../../tests/fixtures/fixture-files';
it('probe', () => {
  const doc = parseHtml(readFileSync('/tmp/rp/fbperm.html', 'utf8'));
  const els = facebookAdapter.findPosts(doc);
  const posts = els.map((e) => facebookAdapter.readPost(e, windowAt('https://www.facebook.com/salmanmd.sultan.1/posts/3741738029450159/')));
  writeFileSync('/tmp/rp/fbprobe.json', JSON.stringify({ n: els.length, posts }, null, 1));
});
