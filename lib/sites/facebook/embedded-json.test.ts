import { describe, expect, it } from 'vitest';
import { PostSchema, MAX_POST_TEXT } from '../../domain/post';
import { loadFacebookFixture, readFacebookFixture } from '../../../tests/fixtures/facebook/load';
import { extractEmbeddedStories, jsonObjectsIn, readStory, storiesInJson } from './embedded-json';

const OWNER_URL = 'https://www.facebook.com/people/P%C3%B3%C5%82-%C5%BBartem-P%C3%B3%C5%82-Serio/100028295814975';

describe('embedded JSON on the real logged-out Pages', () => {
  it('reads page B (post data in a <script type="application/json" data-sjs> block)', () => {
    const html = readFacebookFixture('realPageB');
    const stories = extractEmbeddedStories(loadFacebookFixture('realPageB'));
    expect(stories).toHaveLength(1);
    const [story] = stories;
    // Values as they appear in the file: "post_id":"1416281615991685", "creation_time":1723573975.
    expect(html).toContain('"post_id":"1416281615991685"');
    expect(html).toContain('"creation_time":1723573975');
    expect(story?.storyId).toBe('1416281615991685');
    expect(story?.post).toMatchObject({
      platform: 'facebook',
      kind: 'post',
      postId: 'pfbid0dcnDxDnFgyioPGkFVUBAmULwCScvaTSzro4YSANJo7NiV9GwMRJqDisVM3hc8c19l',
      url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid0dcnDxDnFgyioPGkFVUBAmULwCScvaTSzro4YSANJo7NiV9GwMRJqDisVM3hc8c19l&id=100028295814975',
      authorName: 'Pół Żartem Pół Serio',
      authorId: '100028295814975',
      authorUrl: OWNER_URL,
      postedAt: new Date(1723573975 * 1000).toISOString(),
      reach: { likes: 0, reposts: 0, replies: 0 },
    });
    expect(story?.post.text.startsWith('MENU 14 SIERPNIA\nZUPA DNIA\nKALAFIOROWA 10 ZŁ')).toBe(true);
    expect(story?.post.text.endsWith('CIASTO Z RABARBAREM 16 ZŁ')).toBe(true);
    expect(PostSchema.safeParse(story?.post).success).toBe(true);
  });

  it('reads page A (post data only in an inline requireLazy(...) bootstrap script, not in data-sjs)', () => {
    const html = readFacebookFixture('realPageA');
    expect(html).toContain('"post_id":"1053189635634220"');
    expect(html).toContain('"creation_time":1673688899');
    const stories = extractEmbeddedStories(loadFacebookFixture('realPageA'));
    expect(stories.map((story) => story.storyId)).toEqual(['1053189635634220']);
    expect(stories[0]?.post).toEqual({
      platform: 'facebook',
      kind: 'post',
      postId: 'pfbid0NPAVi78AX53SAGKhpdixFZH9GJ7Y54JaqUxr9hR5TNXaYDW29fKcUKHMM5bLPniXl',
      url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid0NPAVi78AX53SAGKhpdixFZH9GJ7Y54JaqUxr9hR5TNXaYDW29fKcUKHMM5bLPniXl&id=100028295814975',
      authorName: 'Pół Żartem Pół Serio',
      authorId: '100028295814975',
      authorUrl: OWNER_URL,
      text: 'Nasza nowość sałatka z warzyw korzennych \nz avocado i hummusem',
      postedAt: '2023-01-14T09:34:59.000Z',
      reach: { likes: 4, reposts: 0, replies: 0 },
    });
  });
});

function story(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    __typename: 'Story',
    post_id: '111',
    comet_sections: {
      content: {
        story: {
          actors: [{ id: '222', name: 'Acme Air', url: 'https://www.facebook.com/AcmeAir' }],
          message: { text: 'Hello' },
          wwwURL: 'https://www.facebook.com/AcmeAir/posts/pfbid0X',
        },
      },
      context_layout: { story: { comet_sections: { metadata: [{ story: { creation_time: 1700000000 } }] } } },
    },
    ...overrides,
  };
}

describe('readStory', () => {
  it('reads a minimal story', () => {
    expect(readStory(story({}))).toEqual({
      storyId: '111',
      post: {
        platform: 'facebook',
        kind: 'post',
        postId: 'pfbid0X',
        url: 'https://www.facebook.com/AcmeAir/posts/pfbid0X',
        authorName: 'Acme Air',
        authorId: '222',
        authorUrl: 'https://www.facebook.com/AcmeAir',
        text: 'Hello',
        postedAt: '2023-11-14T22:13:20.000Z',
        reach: {},
      },
    });
  });

  it('falls back to the numeric id when the URL is not a Facebook permalink', () => {
    const read = readStory(
      story({
        comet_sections: {
          content: { story: { actors: [{ id: '222', name: 'X' }], wwwURL: 'javascript:alert(1)', message: { text: '' } } },
        },
      }),
    );
    expect(read?.post.postId).toBe('111');
    expect(read?.post.url).toBe('https://www.facebook.com/permalink.php?story_fbid=111&id=222');
    expect(read?.post.postedAt).toBeUndefined();
  });

  it('ignores a creation_time no Date can hold instead of throwing', () => {
    const read = readStory(story({ comet_sections: { context_layout: { story: { metadata: { creation_time: 1e20 } } } } }));
    expect(read?.post.postId).toBe('111');
    expect(read?.post.postedAt).toBeUndefined();
  });

  it('rejects stories without a numeric post_id', () => {
    expect(readStory(story({ post_id: '1"><img>' }))).toBeNull();
    expect(readStory(story({ post_id: 111 }))).toBeNull();
  });

  it('clamps oversized text instead of dropping the post', () => {
    const long = 'a'.repeat(MAX_POST_TEXT + 500);
    const read = readStory(story({ comet_sections: { content: { story: { message: { text: long }, actors: [] } } } }));
    expect(read?.post.text).toHaveLength(MAX_POST_TEXT);
  });

  it("does not read a shared (attached) story's time as the sharer's", () => {
    const read = readStory({
      __typename: 'Story',
      post_id: '5',
      attached_story: { __typename: 'Story', post_id: '6', metadata: { creation_time: 1 } },
    });
    expect(read?.post.postedAt).toBeUndefined();
  });
});

describe('storiesInJson', () => {
  it('finds nested and shared stories in document order', () => {
    const outer = story({ post_id: '1', attached_story: story({ post_id: '2' }) });
    expect(storiesInJson({ a: [outer, { b: story({ post_id: '3' }) }] }).map((s) => s.storyId)).toEqual(['1', '2', '3']);
  });
});

describe('jsonObjectsIn', () => {
  it('finds JSON objects inside JavaScript', () => {
    const source = 'requireLazy(["ServerJS"],function(s){(new s()).handle({"define":[["A",[],{"x":"}{\\"]"}]]});f({"b":2},{c:3})});';
    expect(jsonObjectsIn(source)).toEqual([{ define: [['A', [], { x: '}{"]' }]] }, { b: 2 }]);
  });

  it('survives unbalanced and malformed input', () => {
    expect(jsonObjectsIn('{"a":[1,2}')).toEqual([]);
    expect(jsonObjectsIn('{"a":1,}{"b":2}')).toEqual([{ b: 2 }]);
    expect(jsonObjectsIn('{"'.repeat(5000))).toEqual([]);
    expect(jsonObjectsIn('')).toEqual([]);
  });
});

describe('extractEmbeddedStories', () => {
  function documentWith(...scripts: string[]): Document {
    const doc = document.implementation.createHTMLDocument('t');
    for (const source of scripts) {
      const script = doc.createElement('script');
      script.setAttribute('type', 'application/json');
      script.setAttribute('data-sjs', '');
      script.textContent = source;
      doc.body.append(script);
    }
    return doc;
  }

  it('merges the same story sent twice and ignores broken blocks', () => {
    const first = story({ post_id: '9' });
    const second = story({ post_id: '9', comet_sections: { feedback: { reaction_count: { count: 12 } } } });
    const doc = documentWith(JSON.stringify(first), '{"__typename":"Story", broken', JSON.stringify({ x: second }));
    const stories = extractEmbeddedStories(doc);
    expect(stories).toHaveLength(1);
    expect(stories[0]?.post).toMatchObject({ text: 'Hello', postedAt: '2023-11-14T22:13:20.000Z', reach: { likes: 12 } });
  });

  it('finds nothing on a page without stories', () => {
    expect(extractEmbeddedStories(loadFacebookFixture('feed'))).toEqual([]);
  });
});
