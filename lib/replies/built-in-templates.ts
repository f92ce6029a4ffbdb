import { DEFAULT_TEMPLATES } from './default-templates';
import { FRAMES_ES } from './frames-es';
import { REPLY_COPY_ES } from './reply-copy-es';
import { buildTemplates } from './template-builder';
import type { ReplyLanguage, ReplyTemplate } from './templates';

/** The Spanish built-ins: every category x industry x platform x tone x strategy the English ones cover. */
export const DEFAULT_TEMPLATES_ES: readonly ReplyTemplate[] = Object.freeze(buildTemplates(FRAMES_ES, REPLY_COPY_ES, 'es'));

/** Built-in templates per language. A new language adds its copy, its frames and a line here. */
export const BUILT_IN_TEMPLATES_BY_LANGUAGE: Readonly<Record<ReplyLanguage, readonly ReplyTemplate[]>> = {
  en: DEFAULT_TEMPLATES,
  es: DEFAULT_TEMPLATES_ES,
};

/** Every built-in template, English first. */
export const BUILT_IN_TEMPLATES: readonly ReplyTemplate[] = Object.freeze(Object.values(BUILT_IN_TEMPLATES_BY_LANGUAGE).flat());
