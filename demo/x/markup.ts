/**
 * Builds X (x.com) timeline markup for the demo page and the e2e tests.
 *
 * The structure mirrors what x.com renders in 2025 (see the real captures under
 * tests/fixtures/x or /work/shared/fixtures-real/x, tweetyoink, MIT): a timeline of
 * `div[data-testid="cellInnerDiv"]`, each holding one `article[data-testid="tweet"]` with
 * `[data-testid="User-Name"]` (display name link, @handle link, and the permalink
 * `a[href*="/status/"] > time[datetime]`), `[data-testid="tweetText"]` (mentions and hashtags
 * as links) and the action bar `[role="group"][aria-label="12 replies, 3 reposts, ..."]` with
 * the `[data-testid="reply"]` button. X's hashed class names are left out on purpose: nothing
 * may select on them. Every piece of post text is HTML-escaped, so hostile text stays text.
 */

export interface XPostSpec {
  /** Numeric status id (a snowflake), e.g. "1992187031265403392". */
  id: string;
  displayName: string;
  /** Without "@". */
  handle: string;
  /** Plain text; @handles and #hashtags become links like on x.com. */
  text: string;
  /** ISO time, e.g. "2025-11-22T14:05:00.000Z". */
  postedAt: string;
  /**
   * Demo pages only: when set, a small script in the page re-dates the post to this many
   * minutes before the moment the page loads (so the demo never looks a year old).
   */
  minutesAgo?: number;
  replies?: number;
  reposts?: number;
  likes?: number;
  bookmarks?: number;
  views?: number;
  verified?: boolean;
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** X's short counts: 950, 5.4K, 2.5M. */
export function compactCount(value: number): string {
  if (value < 1000) return String(value);
  if (value < 1_000_000) return `${trimZero(value / 1000)}K`;
  return `${trimZero(value / 1_000_000)}M`;
}

function trimZero(value: number): string {
  return (Math.floor(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Timeline date label ("Nov 22"); fixed, so generated pages do not change with the clock. */
function shortDate(iso: string): string {
  const date = new Date(iso);
  return `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCDate()}`;
}

function longDate(iso: string): string {
  const date = new Date(iso);
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${clock} · ${shortDate(iso)}, ${date.getUTCFullYear()}`;
}

/** Post text as X renders it: spans of text, with mentions and hashtags as links. */
function tweetTextHtml(text: string): string {
  const parts: string[] = [];
  const token = /([@#])([A-Za-z0-9_]+)/g;
  let last = 0;
  for (const match of text.matchAll(token)) {
    const [whole, sigil, name] = match;
    const start = match.index;
    // "@" or "#" inside a word (an email, "C#") is plain text on X too.
    if (start > 0 && /[A-Za-z0-9_]/.test(text.charAt(start - 1))) continue;
    if (start > last) parts.push(`<span>${escapeHtml(text.slice(last, start))}</span>`);
    const href = sigil === '@' ? `/${name}` : `/hashtag/${name}?src=hashtag_click`;
    parts.push(
      `<div class="link-wrap"><span><a dir="ltr" href="${escapeHtml(href ?? '')}" role="link">${escapeHtml(whole)}</a></span></div>`,
    );
    last = start + whole.length;
  }
  if (last < text.length) parts.push(`<span>${escapeHtml(text.slice(last))}</span>`);
  return parts.join('');
}

/** "12 replies, 3 reposts, 40 likes, 2 bookmarks, 5400 views": zero counts are left out, as on x.com. */
export function actionBarLabel(post: XPostSpec): string {
  const parts: [number | undefined, string, string][] = [
    [post.replies, 'reply', 'replies'],
    [post.reposts, 'repost', 'reposts'],
    [post.likes, 'like', 'likes'],
    [post.bookmarks, 'bookmark', 'bookmarks'],
    [post.views, 'view', 'views'],
  ];
  return parts
    .filter(([count]) => count !== undefined && count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`)
    .join(', ');
}

function actionButton(testId: string, label: string, count: number | undefined, iconSvg: string): string {
  const shown = count !== undefined && count > 0 ? compactCount(count) : '';
  return (
    `<div class="action"><button aria-label="${escapeHtml(label)}" role="button" data-testid="${testId}" type="button">` +
    iconSvg +
    `<span data-testid="app-text-transition-container">${shown}</span></button></div>`
  );
}

/** Plain line icons (drawn here, not X's artwork); emoji would need fonts a headless box lacks. */
const icon = (path: string) =>
  `<svg viewBox="0 0 24 24" aria-hidden="true" class="icon"><path d="${path}" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"></path></svg>`;
const ICONS = {
  reply: icon('M4 5h16v11H9l-5 4z'),
  repost: icon('M7 4 4 7l3 3M4 7h12a3 3 0 0 1 3 3v2M17 20l3-3-3-3M20 17H8a3 3 0 0 1-3-3v-2'),
  like: icon('M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z'),
  views: icon('M5 20V10M10 20V4M15 20v-8M20 20v-5'),
  bookmark: icon('M6 3h12v18l-6-4.5L6 21z'),
};

/** One timeline cell holding one post. */
export function xTweetCellHtml(post: XPostSpec): string {
  const handle = escapeHtml(post.handle);
  const permalink = `/${handle}/status/${escapeHtml(post.id)}`;
  const initial = escapeHtml(post.displayName.trim().charAt(0).toUpperCase() || '?');
  const verified = post.verified
    ? '<svg viewBox="0 0 22 22" aria-label="Verified account" role="img" data-testid="icon-verified" class="verified"><circle cx="11" cy="11" r="10"></circle></svg>'
    : '';
  return `
<div data-testid="cellInnerDiv">
  <div class="cell">
    <article aria-labelledby="id__${escapeHtml(post.id)}" role="article" tabindex="0" data-testid="tweet">
      <div class="tweet-grid">
        <div data-testid="Tweet-User-Avatar">
          <div data-testid="UserAvatar-Container-${handle}">
            <a href="/${handle}" role="link" aria-hidden="true" tabindex="-1"><div class="avatar">${initial}</div></a>
          </div>
        </div>
        <div class="tweet-main">
          <div class="tweet-header">
            <div data-testid="User-Name" id="id__${escapeHtml(post.id)}">
              <div class="name"><a href="/${handle}" role="link"><div dir="ltr"><span><span>${escapeHtml(post.displayName)}</span></span>${verified}</div></a></div>
              <div class="meta">
                <div><a href="/${handle}" role="link" tabindex="-1"><div dir="ltr"><span>@${handle}</span></div></a></div>
                <div dir="ltr" aria-hidden="true"><span>·</span></div>
                <div><a href="${permalink}" dir="ltr" aria-label="${escapeHtml(longDate(post.postedAt))}" role="link"><time datetime="${escapeHtml(post.postedAt)}"${post.minutesAgo === undefined ? '' : ` data-demo-minutes-ago="${Math.max(0, Math.round(post.minutesAgo))}"`}>${escapeHtml(shortDate(post.postedAt))}</time></a></div>
              </div>
            </div>
            <div><button aria-expanded="false" aria-haspopup="menu" aria-label="More" role="button" data-testid="caret" type="button">···</button></div>
          </div>
          <div dir="auto" lang="en" data-testid="tweetText">${tweetTextHtml(post.text)}</div>
          <div><div>
            <div aria-label="${escapeHtml(actionBarLabel(post))}" role="group" class="actions">
              ${actionButton('reply', `${post.replies ?? 0} Replies. Reply`, post.replies, ICONS.reply)}
              ${actionButton('retweet', `${post.reposts ?? 0} reposts. Repost`, post.reposts, ICONS.repost)}
              ${actionButton('like', `${post.likes ?? 0} Likes. Like`, post.likes, ICONS.like)}
              <div class="action"><a href="${permalink}/analytics" aria-label="${post.views ?? 0} views. View post analytics" role="link">${ICONS.views}<span data-testid="app-text-transition-container">${post.views ? compactCount(post.views) : ''}</span></a></div>
              ${actionButton('bookmark', post.bookmarks ? `${post.bookmarks} Bookmarks. Bookmark` : 'Bookmark', post.bookmarks, ICONS.bookmark)}
            </div>
          </div></div>
        </div>
      </div>
    </article>
  </div>
</div>`;
}

export interface XSearchPageOptions {
  query: string;
  posts: readonly XPostSpec[];
  /** Shown in the page title and a small footer so nobody mistakes the page for x.com. */
  note?: string;
}

/** A whole x.com search results page (Latest tab) holding the given posts. */
export function xSearchPageHtml(options: XSearchPageOptions): string {
  const query = escapeHtml(options.query);
  const note = escapeHtml(options.note ?? 'CareSide demo page: a local copy of an X search timeline, served in place of x.com.');
  return `<!doctype html>
<html dir="ltr" lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${query} - Search / X</title>
<style>${X_STYLE}</style>
</head>
<body>
<div id="react-root">
  <div class="app">
    <header role="banner" class="nav">
      <div class="logo" aria-label="X">𝕏</div>
      <nav aria-label="Primary navigation" role="navigation">
        <a href="/home" data-testid="AppTabBar_Home_Link">Home</a>
        <a href="/explore" data-testid="AppTabBar_Explore_Link" aria-current="page">Explore</a>
        <a href="/notifications" data-testid="AppTabBar_Notifications_Link">Notifications</a>
        <a href="/messages" data-testid="AppTabBar_DirectMessage_Link">Messages</a>
      </nav>
    </header>
    <main role="main">
      <div data-testid="primaryColumn" class="column">
        <div class="search-head">
          <form role="search" aria-label="Search">
            <input data-testid="SearchBox_Search_Input" aria-label="Search query" type="text" value="${query}" readonly>
          </form>
          <div role="tablist" class="tabs">
            <a role="tab" aria-selected="false" href="/search?q=${encodeURIComponent(options.query)}&amp;src=typed_query">Top</a>
            <a role="tab" aria-selected="true" href="/search?q=${encodeURIComponent(options.query)}&amp;src=typed_query&amp;f=live">Latest</a>
            <a role="tab" aria-selected="false" href="/search?q=${encodeURIComponent(options.query)}&amp;src=typed_query&amp;f=user">People</a>
            <a role="tab" aria-selected="false" href="/search?q=${encodeURIComponent(options.query)}&amp;src=typed_query&amp;f=media">Media</a>
          </div>
        </div>
        <section aria-labelledby="timeline-heading" role="region">
          <h1 id="timeline-heading" class="visually-hidden">Search timeline</h1>
          <div aria-label="Timeline: Search timeline">
            <div id="timeline-cells">${options.posts.map(xTweetCellHtml).join('')}
            </div>
          </div>
        </section>
      </div>
    </main>
    <div data-testid="sidebarColumn" class="side">
      <section aria-label="Timeline: Trending now">
        <h2>What’s happening</h2>
        <div class="trend" data-testid="trend"><small>Travel · Trending</small>#holidaytravel</div>
        <div class="trend" data-testid="trend"><small>Trending in United States</small>Denver airport</div>
        <div class="trend" data-testid="trend"><small>Sports · Trending</small>Thanksgiving game</div>
      </section>
      <section aria-label="Who to follow">
        <h2>Who to follow</h2>
        <div class="trend"><small>@TravelDesk</small>Travel Desk</div>
      </section>
    </div>
  </div>
</div>
<footer class="demo-note">${note}</footer>${options.posts.some((post) => post.minutesAgo !== undefined) ? `\n<script>${RELATIVE_TIME_SCRIPT}</script>` : ''}
</body>
</html>
`;
}

/**
 * Runs in the demo page before CareSide's content script (document_idle): sets each marked
 * <time> to "N minutes before now" with X's short labels (3m, 2h), like x.com's own rendering.
 */
const RELATIVE_TIME_SCRIPT = `(function () {
  var now = Date.now();
  document.querySelectorAll('time[data-demo-minutes-ago]').forEach(function (time) {
    var minutes = Number(time.getAttribute('data-demo-minutes-ago'));
    var date = new Date(now - minutes * 60000);
    time.setAttribute('datetime', date.toISOString());
    time.textContent = minutes < 60 ? Math.max(1, minutes) + 'm' : minutes < 1440 ? Math.floor(minutes / 60) + 'h' : date.toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
    if (time.parentElement) time.parentElement.setAttribute('aria-label', date.toLocaleString('en-US'));
  });
})();`;

const X_STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#000;color:#e7e9ea;font:15px/20px -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
a{color:inherit;text-decoration:none}
.app{display:flex;justify-content:center;min-height:100vh}
.nav{width:240px;padding:8px 12px;position:sticky;top:0;height:100vh}
.nav .logo{font-size:30px;padding:12px}
.nav nav a{display:block;padding:12px;font-size:20px;border-radius:999px}
.nav nav a[aria-current=page]{font-weight:700}
.column{width:600px;border-left:1px solid #2f3336;border-right:1px solid #2f3336;min-height:100vh}
.search-head{position:sticky;top:0;background:rgba(0,0,0,.85);backdrop-filter:blur(12px);border-bottom:1px solid #2f3336;z-index:1}
.search-head form{padding:8px 16px}
.search-head input{width:100%;background:#202327;color:#e7e9ea;border:1px solid #202327;border-radius:999px;padding:10px 16px;font-size:15px}
.tabs{display:flex}
.tabs a{flex:1;text-align:center;padding:14px 0;color:#71767b}
.tabs a[aria-selected=true]{color:#e7e9ea;font-weight:700;box-shadow:inset 0 -4px 0 #1d9bf0}
.visually-hidden{position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden}
.cell{border-bottom:1px solid #2f3336}
article{padding:12px 16px}
.tweet-grid{display:flex;gap:12px}
.avatar{width:40px;height:40px;border-radius:50%;background:#1d9bf0;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}
.tweet-main{flex:1;min-width:0}
.tweet-header{display:flex;justify-content:space-between}
[data-testid=User-Name]{display:flex;gap:4px;flex-wrap:wrap}
[data-testid=User-Name] .name{font-weight:700}
[data-testid=User-Name] .meta{display:flex;gap:4px;color:#71767b}
.verified{width:16px;height:16px;fill:#1d9bf0;vertical-align:text-bottom;margin-left:2px}
[data-testid=caret]{background:none;border:0;color:#71767b;cursor:pointer}
[data-testid=tweetText]{white-space:pre-wrap;word-wrap:break-word;margin:2px 0 12px}
[data-testid=tweetText] .link-wrap{display:inline}
[data-testid=tweetText] a{color:#1d9bf0}
.actions{display:flex;justify-content:space-between;max-width:425px;color:#71767b}
.actions button,.actions a{background:none;border:0;color:#71767b;font-size:13px;cursor:pointer;display:flex;gap:6px;align-items:center;padding:0}
.actions .icon{width:18px;height:18px}
.side{width:350px;margin-left:30px;padding-top:8px}
.side section{background:#16181c;border:1px solid #2f3336;border-radius:16px;margin-bottom:16px;padding:12px 16px}
.side h2{font-size:20px;margin:0 0 8px}
.side .trend{padding:8px 0;color:#e7e9ea}
.side .trend small{display:block;color:#71767b}
.demo-note{position:fixed;left:8px;bottom:8px;max-width:200px;font-size:12px;color:#71767b;background:#16181c;border:1px solid #2f3336;border-radius:6px;padding:4px 8px}
`;
