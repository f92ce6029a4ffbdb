import { detectLanguage, type LanguageCode } from '../triage/language';
import { normalizeText } from '../triage/text';
import { t } from '../i18n/t';
import { formatLanguageName } from '../i18n/format';
import { DEFAULT_REPLY_LANGUAGE, languageOf, REPLY_LANGUAGES, type ReplyLanguage, type ReplyTemplate } from './templates';

export interface ReplyLanguageChoice {
  /** The language triage detects in the post. */
  post: LanguageCode;
  /** The language the suggestions are written in. */
  reply: ReplyLanguage;
  /** Said in the panel when the post is not in English: which language the replies are in, and why. */
  note?: string;
}

function isReplyLanguage(code: LanguageCode): code is ReplyLanguage {
  return (REPLY_LANGUAGES as readonly string[]).includes(code);
}

/**
 * Replies in the post's language when public templates exist in it, else English with a note
 * saying so. Short or ambiguous posts count as English (see lib/triage/language.ts).
 */
export function chooseReplyLanguage(postText: string, templates: readonly ReplyTemplate[]): ReplyLanguageChoice {
  const post = detectLanguage(normalizeText(postText));
  if (post === DEFAULT_REPLY_LANGUAGE) return { post, reply: DEFAULT_REPLY_LANGUAGE };
  const available = isReplyLanguage(post) && templates.some((template) => template.kind === 'public' && languageOf(template) === post);
  if (available) return { post, reply: post, note: t('replyLanguage.matched', { language: formatLanguageName(post) }) };
  const note = post === 'und' ? t('replyLanguage.unrecognised') : t('replyLanguage.noTemplates', { language: formatLanguageName(post) });
  return { post, reply: DEFAULT_REPLY_LANGUAGE, note };
}
