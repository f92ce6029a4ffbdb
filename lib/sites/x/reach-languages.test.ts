import { describe, expect, it } from 'vitest';
import { loadXFixture, xWindow } from '../../../tests/fixtures/x/load';
import { xAdapter } from './adapter';
import { countInLabel, countsInBar } from './reach';
import { REACH_WORDS } from './selectors';

/**
 * X's counts are read from structure (each action button's data-testid and the one number in its
 * aria-label, the analytics link, the bar summary by position), so a UI language without a word
 * list reads as well as English. The labels below are written in each language's style (word
 * order, digits, grouping, separators) to show that; none of these languages has a word list.
 */
interface Labels {
  bar: string;
  reply: string;
  repost: string;
  like: string;
  bookmark: string;
  /** The analytics link (timeline layout); absent on a status page's focused post. */
  views?: string;
}

const LANGUAGES: Record<string, Labels> = {
  'zh-CN': {
    bar: '17002 条回复、6028 次转帖、15614 个喜欢、1897 个书签、5979037 次观看',
    reply: '17002 条回复。回复',
    repost: '6028 次转帖。转帖',
    like: '15614 个喜欢。喜欢',
    bookmark: '1897 个书签。书签',
  },
  ko: {
    bar: '답글 17,002개, 재게시 6,028회, 마음에 들어요 15,614개, 북마크 1,897개, 조회수 5,979,037회',
    reply: '답글 17,002개. 답글',
    repost: '재게시 6,028회. 재게시',
    like: '마음에 들어요 15,614개. 마음에 들어요',
    bookmark: '북마크 1,897개. 북마크',
  },
  it: {
    bar: '17002 risposte, 6028 repost, 15614 Mi piace, 1897 segnalibri, 5979037 visualizzazioni',
    reply: '17002 risposte. Rispondi',
    repost: '6028 repost. Reposta',
    like: '15614 Mi piace. Mi piace',
    bookmark: '1897 segnalibri. Segnalibro',
    views: '5979037 visualizzazioni. Visualizza le statistiche del post',
  },
  nl: {
    bar: '17002 antwoorden, 6028 reposts, 15614 vind-ik-leuks, 1897 bladwijzers, 5979037 weergaven',
    reply: '17002 antwoorden. Beantwoorden',
    repost: '6028 reposts. Reposten',
    like: '15614 vind-ik-leuks. Vind ik leuk',
    bookmark: '1897 bladwijzers. Bladwijzer',
  },
  tr: {
    bar: '17002 yanıt, 6028 yeniden gönderi, 15614 beğeni, 1897 yer işareti, 5979037 görüntülenme',
    reply: '17002 yanıt. Yanıtla',
    repost: '6028 yeniden gönderi. Yeniden gönder',
    like: '15614 beğeni. Beğen',
    bookmark: '1897 yer işareti. Yer işareti ekle',
    views: '5979037 görüntülenme. Gönderi analizlerini görüntüle',
  },
  ar: {
    bar: '١٧٠٠٢ من الردود، ٦٠٢٨ من إعادات النشر، ١٥٦١٤ من الإعجابات، ١٨٩٧ من العلامات المرجعية، ٥٩٧٩٠٣٧ من المشاهدات',
    reply: '١٧٠٠٢ من الردود. رد',
    repost: '٦٠٢٨ من إعادات النشر. إعادة نشر',
    like: '١٥٦١٤ من الإعجابات. أعجبني',
    bookmark: '١٨٩٧ من العلامات المرجعية. علامة مرجعية',
  },
  ru: {
    bar: '17\u00a0002 ответа, 6028 репостов, 15\u00a0614 отметок «Нравится», 1897 закладок, 5\u00a0979\u00a0037 просмотров',
    reply: '17\u00a0002 ответа. Ответить',
    repost: '6028 репостов. Сделать репост',
    like: '15\u00a0614 отметок «Нравится». Нравится',
    bookmark: '1897 закладок. Добавить в закладки',
    views: '5\u00a0979\u00a0037 просмотров. Посмотреть статистику поста',
  },
  pl: {
    bar: '17\u00a0002 odpowiedzi, 6028 podań dalej, 15\u00a0614 polubień, 1897 zakładek, 5\u00a0979\u00a0037 wyświetleń',
    reply: '17\u00a0002 odpowiedzi. Odpowiedz',
    repost: '6028 podań dalej. Podaj dalej',
    like: '15\u00a0614 polubień. Lubię to!',
    bookmark: '1897 zakładek. Zakładka',
  },
  hi: {
    bar: '17,002 जवाब, 6,028 रीपोस्ट, 15,614 पसंद, 1,897 बुकमार्क, 59,79,037 बार देखा गया',
    reply: '17,002 जवाब. जवाब दें',
    repost: '6,028 रीपोस्ट. रीपोस्ट करें',
    like: '15,614 पसंद. पसंद करें',
    bookmark: '1,897 बुकमार्क. बुकमार्क',
  },
};

function article(labels: Labels, testIds: { repost: string; like: string } = { repost: 'retweet', like: 'like' }): Document {
  const views = labels.views ? `<a href="/jdoe/status/1981398750557065646/analytics" aria-label="${labels.views}">5.9M</a>` : '';
  return new DOMParser().parseFromString(
    `<article data-testid="tweet"><div data-testid="User-Name"><a href="/jdoe">Jane</a><a href="/jdoe">@jdoe</a>` +
      `<a href="/jdoe/status/1981398750557065646"><time datetime="2025-11-25T04:37:41.000Z">Nov 25</time></a></div>` +
      `<div data-testid="tweetText"><span>Acme lost my bag</span></div>` +
      `<div role="group" aria-label="${labels.bar}">` +
      `<button data-testid="reply" aria-label="${labels.reply}"></button><button data-testid="${testIds.repost}" aria-label="${labels.repost}"></button>` +
      `<button data-testid="${testIds.like}" aria-label="${labels.like}"></button>${views}<button data-testid="bookmark" aria-label="${labels.bookmark}"></button>` +
      `</div></article>`,
    'text/html',
  );
}

const readReach = (doc: Document) => xAdapter.readPost(xAdapter.findPosts(doc)[0]!, xWindow('sample'))?.reach;
const FULL = { replies: 17002, reposts: 6028, likes: 15614, views: 5979037 };

describe('X counts in any UI language', () => {
  it('has no word list for the languages below (so these tests read structure, not words)', () => {
    expect(Object.keys(REACH_WORDS).sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'zh-TW']);
  });

  it.each(Object.entries(LANGUAGES))('%s: reads replies, reposts, likes and views', (_language, labels) => {
    expect(readReach(article(labels))).toEqual(FULL);
  });

  it('pt (real capture, status page): reads all four counts, views from the bar summary by position', () => {
    const doc = loadXFixture('statusPt');
    const post = xAdapter.readPost(xAdapter.findPosts(doc)[0]!, xWindow('statusPt'));
    expect(post?.reach).toEqual({ replies: 17002, reposts: 6028, likes: 15614, views: 5979037 });
  });

  it('reads the buttons once the viewer liked and reposted (unlike / unretweet)', () => {
    expect(readReach(article(LANGUAGES.ko!, { repost: 'unretweet', like: 'unlike' }))).toEqual(FULL);
  });

  it('leaves out a zero count (a button without a number) and still finds the views after it', () => {
    const labels: Labels = {
      bar: '답글 17,002개, 마음에 들어요 15,614개, 조회수 5,979,037회',
      reply: '답글 17,002개. 답글',
      repost: '재게시',
      like: '마음에 들어요 15,614개. 마음에 들어요',
      bookmark: '북마크',
    };
    expect(readReach(article(labels))).toEqual({ replies: 17002, likes: 15614, views: 5979037 });
  });

  it('does not take the bookmarks for views when a timeline bookmark button shows no count and there is no analytics link', () => {
    const labels: Labels = {
      bar: '2534 respostas, 4483 reposts, 25616 curtidas, 797 itens salvos',
      reply: '2534 Respostas. Resposta',
      repost: '4483 reposts. Repost',
      like: '25616 Curtidas. Curtida',
      bookmark: 'Item Salvo',
    };
    expect(readReach(article(labels))).toEqual({ replies: 2534, reposts: 4483, likes: 25616 });
  });

  it('takes all four counts from a bar label in a listed language that names them, without reading the buttons', () => {
    const labels: Labels = {
      bar: '48 replies, 152 reposts, 553 likes, 9 bookmarks, 30142 views',
      // Buttons out of step with the bar show which one was read.
      reply: '1 Reply. Reply',
      repost: '2 reposts. Repost',
      like: '3 Likes. Like',
      bookmark: 'Bookmark',
    };
    expect(readReach(article(labels))).toEqual({ replies: 48, reposts: 152, likes: 553, views: 30142 });
  });

  it('takes a rounded count in the bar ("1.2K likes") from its button instead', () => {
    const labels: Labels = {
      bar: '48 replies, 152 reposts, 1.2K likes, 9 bookmarks, 30142 views',
      reply: '48 Replies. Reply',
      repost: '152 reposts. Repost',
      like: '1204 Likes. Like',
      bookmark: 'Bookmark',
    };
    expect(readReach(article(labels))).toEqual({ replies: 48, reposts: 152, likes: 1204, views: 30142 });
  });

  it('reads the buttons when the listed-language bar leaves a count out (zero)', () => {
    const labels: Labels = {
      bar: '553 likes, 30142 views',
      reply: 'Reply',
      repost: 'Repost',
      like: '553 Likes. Like',
      bookmark: 'Bookmark',
    };
    expect(readReach(article(labels))).toEqual({ likes: 553, views: 30142 });
  });

  it('takes no views from a bar whose phrases do not line up with the buttons', () => {
    const labels: Labels = { bar: '17002 x, 999 y, 15614 z', reply: '17002 x', repost: '6028 y', like: '15614 z', bookmark: 'b' };
    expect(readReach(article(labels))?.views).toBeUndefined();
  });
});

describe('countInLabel', () => {
  it.each([
    ['17002 Respostas. Resposta', 17002],
    ['답글 17,002개. 답글', 17002],
    ['١٧٠٠٢ من الردود. رد', 17002],
    ['1,2 mil Curtidas. Curtida', 1200],
    ['1.2万件の表示', 12000],
    ['5\u202f979\u202f037 vues', 5979037],
    ['2596467 views. View post analytics', 2596467],
  ])('reads %j as %d', (label, count) => {
    expect(countInLabel(label)).toBe(count);
  });

  it.each(['Reply', '', '17002 respostas, 6028 reposts'])('reads no single count in %j', (label) => {
    expect(countInLabel(label)).toBeUndefined();
  });

  it('splits a bar summary into its phrases', () => {
    expect(countsInBar('١٧٠٠٢ من الردود، ٦٠٢٨ من إعادات النشر')).toEqual([17002, 6028]);
    expect(countsInBar('17002 条回复、6028 次转帖')).toEqual([17002, 6028]);
  });
});
