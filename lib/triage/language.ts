/**
 * Cheap language identification and complaint cues for the languages CareSide judges without its English
 * model. Script first (kana → ja, Han → zh, Hangul → ko, Cyrillic, Arabic...), then, for Latin text,
 * counts of very common function words. Runs on `normalizeText` output (lower case, Latin accents stripped),
 * in time linear in the text; a short or ambiguous text counts as English, which the model judges anyway.
 */

/** Languages with complaint cues of their own (besides English, which has the model). */
export const CUE_LANGUAGES = ['es', 'fr', 'de', 'pt', 'ja', 'zh'] as const;
export type CueLanguage = (typeof CUE_LANGUAGES)[number];
/** ISO 639-1 code, or 'und' when the script is known but the language is not one listed here. */
export type LanguageCode = 'en' | CueLanguage | 'it' | 'nl' | 'ko' | 'ru' | 'ar' | 'he' | 'th' | 'hi' | 'el' | 'und';

const KANA = /[\u3040-\u30ff]/g;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const HANGUL = /[\uac00-\ud7af\u1100-\u11ff]/g;
const SCRIPTS: readonly (readonly [LanguageCode, RegExp])[] = [
  ['ru', /[\u0400-\u04ff]/g],
  ['ar', /[\u0600-\u06ff]/g],
  ['he', /[\u0590-\u05ff]/g],
  ['th', /[\u0e00-\u0e7f]/g],
  ['hi', /[\u0900-\u097f]/g],
  ['el', /[\u0370-\u03ff]/g],
];
const LATIN_LETTER = /[a-z]/g;

// Frequent function words, accents stripped, chosen to overlap little between the languages.
const STOPWORDS: Readonly<Record<'en' | 'es' | 'fr' | 'de' | 'pt' | 'it' | 'nl', readonly string[]>> = {
  en: [
    'the',
    'and',
    'is',
    'my',
    'for',
    'you',
    'was',
    'this',
    'with',
    'have',
    'not',
    'it',
    'to',
    'of',
    'i',
    'on',
    'your',
    'me',
    'at',
    'they',
    'a',
    'as',
    'are',
    'be',
    'in',
    'so',
    'we',
    'but',
    'u',
    'just',
    'do',
    'that',
    'how',
    'what',
  ],
  es: [
    'el',
    'los',
    'las',
    'del',
    'es',
    'y',
    'mi',
    'por',
    'para',
    'con',
    'pero',
    'muy',
    'nada',
    'hace',
    'esta',
    'una',
    'que',
    'han',
    'ni',
    'sin',
    // Common in complaints ("no puedo", "nadie me responde", "todavía no").
    'la',
    'se',
    'nadie',
    'todavia',
    'puedo',
    'llevo',
    'desde',
  ],
  fr: [
    'le',
    'les',
    'des',
    'est',
    'et',
    'je',
    'mon',
    'ma',
    'pour',
    'avec',
    'pas',
    'une',
    'qui',
    'vous',
    'depuis',
    'sur',
    'ce',
    'il',
    'mes',
    'toujours',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'ich',
    'nicht',
    'mit',
    'fur',
    'mein',
    'meine',
    'ein',
    'eine',
    'seit',
    'auf',
    'noch',
    'kein',
    'keine',
    'wir',
    'sie',
  ],
  pt: ['o', 'os', 'do', 'da', 'e', 'meu', 'minha', 'nao', 'com', 'para', 'uma', 'voces', 'ate', 'ja', 'foi', 'sem', 'mais', 'em', 'ainda'],
  it: ['il', 'gli', 'della', 'non', 'sono', 'con', 'una', 'mio', 'che', 'ho', 'ancora', 'nessuno', 'perche', 'stato'],
  nl: ['het', 'een', 'niet', 'ik', 'mijn', 'van', 'voor', 'met', 'nog', 'geen', 'wel', 'ook', 'zijn', 'maar', 'dat'],
};
const WORD_LANGUAGE_NAMES = Object.keys(STOPWORDS) as (keyof typeof STOPWORDS)[];
/** Word → indices into WORD_LANGUAGE_NAMES of the languages that use it. */
const WORD_LANGUAGES = new Map<string, number[]>();
WORD_LANGUAGE_NAMES.forEach((language, index) => {
  for (const word of STOPWORDS[language]) WORD_LANGUAGES.set(word, [...(WORD_LANGUAGES.get(word) ?? []), index]);
});
const EN_INDEX = WORD_LANGUAGE_NAMES.indexOf('en');
// Reused per call: detection runs once per post and must not allocate.
const scores = new Float64Array(WORD_LANGUAGE_NAMES.length);
const WORD = /[a-z]+/g;
// Links, handles and tags are not prose: "t.co/os0o" must not count as Portuguese.
const NOT_PROSE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
// Printable ASCII and whitespace only: Latin script, no need to count scripts.
const ASCII_ONLY = /^[\t\n\r\x20-\x7e]*$/;

function languageOfScript(normalized: string): LanguageCode | undefined {
  const latin = count(normalized, LATIN_LETTER);
  const kana = count(normalized, KANA);
  const han = count(normalized, HAN);
  // Any kana means Japanese (Chinese never uses it); Han alone means Chinese.
  if (kana + han > latin) return kana > 0 ? 'ja' : 'zh';
  if (count(normalized, HANGUL) > latin) return 'ko';
  for (const [language, pattern] of SCRIPTS) if (count(normalized, pattern) > latin) return language;
  return latin === 0 ? 'en' : undefined;
}

/**
 * The language of a post: `normalized` is its `normalizeText` output, `words` its tokens (tokenize: links,
 * handles and tags are placeholders or "#tag" tokens there, so "t.co/os0o" never counts as Portuguese).
 */
export function detectLanguage(
  normalized: string,
  words: readonly string[] = normalized.replace(NOT_PROSE, ' ').match(WORD) ?? [],
): LanguageCode {
  if (!ASCII_ONLY.test(normalized)) {
    const byScript = languageOfScript(normalized);
    if (byScript) return byScript;
  }
  scores.fill(0);
  let best = EN_INDEX;
  for (const word of words) {
    const languages = WORD_LANGUAGES.get(word);
    if (!languages) continue;
    // A word shared by several languages counts for each, less.
    const share = 1 / languages.length;
    for (const index of languages) {
      const score = (scores[index] as number) + share;
      scores[index] = score;
      if (index !== EN_INDEX && (best === EN_INDEX || score > (scores[best] as number))) best = index;
    }
  }
  const bestScore = scores[best] as number;
  const en = scores[EN_INDEX] as number;
  // Two function words are the least evidence for leaving English.
  return best !== EN_INDEX && bestScore > en && bestScore >= 2 ? (WORD_LANGUAGE_NAMES[best] as LanguageCode) : 'en';
}

/** Complaint cues per language (on normalised text: lower case, Latin accents stripped). */
const COMPLAINT_CUES: Readonly<Record<CueLanguage, RegExp>> = {
  es: /\b(?:no (?:funciona|llega|llego|responden|contestan|me (?:han|ha) (?:devuelto|respondido|llegado))|nadie (?:responde|contesta|me ayuda)|todavia no|aun no|sigo esperando|llevo \d+ (?:dias|horas|semanas)|perdieron|perdido|cancelaron|cancelado|retras\w*|estafa|pesim\w*|horrible|fatal|verguenza|vergonzoso|inaceptable|reclamacion|queja|devolucion|reembolso|me cobraron|cobro doble|roto|rota|danad\w*|nunca mas|peor (?:servicio|atencion|empresa))\b/,
  fr: /\b(?:ne (?:marche|fonctionne) pas|toujours pas|toujours rien|personne ne (?:repond|repond)|aucune (?:reponse|nouvelle)|j'?attends depuis|depuis \d+ (?:jours|heures|semaines)|perdu|perdue|annule|annulee|retard\w*|arnaque|honte|honteux|inadmissible|inacceptable|nul\b|nulle\b|lamentable|scandale\w*|remboursement|rembourse|reclamation|casse|cassee|endommag\w*|plus jamais|pire (?:service|experience))\b/,
  de: /\b(?:funktioniert nicht|geht nicht|immer noch (?:nicht|kein\w*)|noch immer (?:nicht|kein\w*)|keine (?:antwort|reaktion|ruckmeldung)|niemand (?:antwortet|meldet sich|hilft)|seit \d+ (?:tagen|stunden|wochen)|verloren|storniert|annulliert|verspat\w*|verspatung|betrug|abzocke|frechheit|unverschamt|unmoglich|katastrophe|katastrophal|schlecht\w*|erstattung|ruckerstattung|beschwerde|kaputt|beschadigt|nie wieder|schlimmst\w*)\b/,
  pt: /\b(?:nao (?:funciona|chegou|responde\w*|resolve\w*|recebi)|ninguem (?:responde|atende|resolve)|ainda nao|continuo esperando|ha \d+ (?:dias|horas|semanas)|perderam|perdida|perdido|cancelaram|cancelado|atras\w*|golpe|pessim\w*|horrivel|absurdo|vergonha|inaceitavel|reclamacao|reembolso|estorno|cobraram|quebrad\w*|danificad\w*|nunca mais|pior (?:servico|atendimento|empresa))\b/,
  // No word boundaries in Japanese and Chinese: plain substrings.
  ja: /届かない|届いていない|届きません|返信がない|返事がない|連絡がない|壊れて|破損|紛失|なくされ|遅延|遅れ|キャンセルされ|返金|最悪|ひどい|酷い|ありえない|使えない|動かない|繋がらない|つながらない|対応が悪い|二度と|苦情|クレーム/,
  zh: /没有回[复覆应]|沒有回[復覆應]|没人回|沒人回|不回[复覆]|不回覆|还没[到收]|還沒[到收]|丢失|遺失|遗失|弄丢|弄丟|行李不见|行李不見|损坏|損壞|坏了|壞了|延误|延誤|取消了|退款|最差|太差|垃圾|失望|投诉|投訴|客服.{0,6}(?:不|没|沒)|再也不|[等已]了\s*[0-9一二三四五六七八九十两兩]+\s*[天小个個周週]/,
};

/** The complaint cue found in `normalized` for `language`, or undefined. */
export function findLanguageCue(language: CueLanguage, normalized: string): string | undefined {
  const match = COMPLAINT_CUES[language].exec(normalized);
  return match?.[0].trim().slice(0, 60);
}

export function isCueLanguage(language: LanguageCode): language is CueLanguage {
  return (CUE_LANGUAGES as readonly string[]).includes(language);
}
