import { defaultTemplates } from './default-templates';
import { FRAMES_ES } from './frames-es';
import { REPLY_COPY_ES } from './reply-copy-es';
import { buildTemplates } from './template-builder';
import type { ReplyLanguage, ReplyTemplate } from './templates';

let spanish: readonly ReplyTemplate[] | undefined;
let all: readonly ReplyTemplate[] | undefined;

/**
 * The Spanish built-ins: every category x industry x platform x tone x strategy the English ones
 * cover. Built on first use, like the English ones.
 */
export function defaultTemplatesEs(): readonly ReplyTemplate[] {
  return (spanish ??= Object.freeze(buildTemplates(FRAMES_ES, REPLY_COPY_ES, 'es')));
}

/** Built-in templates per language. A new language adds its copy, its frames and a line here. */
export const BUILT_IN_TEMPLATES_BY_LANGUAGE: Readonly<Record<ReplyLanguage, () => readonly ReplyTemplate[]>> = {
  en: defaultTemplates,
  es: defaultTemplatesEs,
};

/** Every built-in template, English first. */
export function builtInTemplates(): readonly ReplyTemplate[] {
  return (all ??= Object.freeze(Object.values(BUILT_IN_TEMPLATES_BY_LANGUAGE).flatMap((templates) => templates())));
}
