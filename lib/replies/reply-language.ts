import { detectLanguage, type LanguageCode } from '../triage/language';
import { normalizeText } from '../triage/text';
import { DEFAULT_REPLY_LANGUAGE, languageOf, REPLY_LANGUAGES, type ReplyLanguage, type ReplyTemplate } from './templates';

/** Language names for the panel's note ("Post in French: no French templates, English shown"). */
const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  pt: 'Portuguese',
  ja: 'Japanese',
  zh: 'Chinese',
  it: 'Italian',
  nl: 'Dutch',
  ko: 'Korean',
  ru: 'Russian',
  ar: 'Arabic',
  he: 'Hebrew',
  th: 'Thai',
  hi: 'Hindi',
  el: 'Greek',
  und: 'an unrecognised language',
};

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
  if (available) return { post, reply: post, note: `Post in ${LANGUAGE_NAMES[post]}: replies in ${LANGUAGE_NAMES[post]}.` };
  const name = LANGUAGE_NAMES[post];
  const note =
    post === 'und' ? 'Post in an unrecognised language: English replies shown.' : `Post in ${name}: no ${name} templates, English shown.`;
  return { post, reply: DEFAULT_REPLY_LANGUAGE, note };
}
