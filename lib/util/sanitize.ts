/**
 * Cleaning of customer-provided text (display names, handles) before it goes into a reply.
 * A hostile display name must not flip the reply's direction (bidi overrides), break it
 * across lines (control characters), smuggle invisible text, or look like a template
 * variable that a later pass would expand.
 */

// C0 and C1 control characters plus Unicode line/paragraph separators: become a space.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
// Bidi embeddings, overrides, isolates and marks; zero-width space; BOM; interlinear
// annotation controls. Removed outright (ZWJ / ZWNJ stay: emoji and scripts need them).
const INVISIBLE_FORMAT_CHARS = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;
// Lone surrogates cannot be encoded (URLs, storage) and render as garbage.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Tag characters are only legitimate inside emoji tag sequences (subdivision flags);
// elsewhere they carry invisible "ASCII smuggling" text. Built on first use: even creating the
// RGI_Emoji expression took a waking service worker about a millisecond (scripts/bench/coldstart.ts).
let emojiOrTagChar: RegExp | undefined;
const emojiOrTagPattern = (): RegExp => (emojiOrTagChar ??= /\p{RGI_Emoji}|[\u{E0000}-\u{E007F}]/gv);
const LONE_TAG_CHAR = /^[\u{E0000}-\u{E007F}]$/u;

/** Bidi control characters that can reorder surrounding text (used by the linter too). */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * One line of plain text: NFC, no control/bidi/invisible characters, whitespace collapsed,
 * trimmed. Idempotent.
 */
export function sanitizeInlineText(value: string): string {
  const visible = value.normalize('NFC').replace(LONE_SURROGATES, '').replace(CONTROL_CHARS, ' ').replace(INVISIBLE_FORMAT_CHARS, '');
  return withoutLoneTags(visible).replace(/\s+/g, ' ').trim();
}

/**
 * Drop tag characters outside emoji tag sequences. Only text holding a tag character (all are
 * U+DB40 then a low surrogate in UTF-16) is searched: compiling the RGI_Emoji expression costs
 * tens of ms, which every page would pay on its first post.
 */
function withoutLoneTags(value: string): string {
  return value.includes('\uDB40') ? value.replace(emojiOrTagPattern(), (match) => (LONE_TAG_CHAR.test(match) ? '' : match)) : value;
}

/**
 * Customer-provided value for a template (a name or handle): inline-sanitized, template
 * braces removed so it can never read as `{variable}`, cut to `maxGraphemes` whole graphemes.
 */
export function sanitizeCustomerValue(value: string, maxGraphemes = 40): string {
  const clean = sanitizeInlineText(value.replace(/[{}]/g, ''));
  return truncateGraphemes(clean, maxGraphemes);
}

/** Cut to at most `max` user-perceived characters without splitting an emoji or accent. */
export function truncateGraphemes(value: string, max: number): string {
  if (value.length <= max) return value;
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  let count = 0;
  for (const { segment } of segmenter.segment(value)) {
    if (count === max) break;
    out += segment;
    count += 1;
  }
  return out.trim();
}
