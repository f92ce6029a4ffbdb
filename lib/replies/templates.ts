import { PlatformSchema } from '../domain/post';
import { lazySchema, z } from '../validation/zod';
import { CategorySchema } from '../domain/triage';
import { IndustrySchema } from '../domain/industry';
import { FALLBACK_GREETING_NAME } from './customer-name';
import { sanitizeCustomerValue, sanitizeInlineText } from '../util/sanitize';
import { t } from '../i18n/t';

/**
 * Reply templates: plain text with `{variable}` placeholders. Rendering escapes nothing
 * (replies are plain text, shown with textContent) but every value is cleaned to one line
 * without control or bidi characters, and replacement is single-pass, so a value that
 * itself contains "{caseRef}" is never expanded.
 */
export const TEMPLATE_VARIABLES = ['firstName', 'brand', 'signature', 'caseRef', 'handoffLink', 'channel', 'replyTime'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

/** Values that come from the customer's side of the page and are treated as hostile. */
const CUSTOMER_VARIABLES: ReadonlySet<TemplateVariable> = new Set(['firstName']);

/** `{name}`: a letter, then letters, digits or underscores. Other braces are plain text. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

export const TONES = ['warm', 'concise', 'formal'] as const;
export const ToneSchema = lazySchema(() => z.enum(TONES));
export type Tone = z.infer<typeof ToneSchema>;

/**
 * What a public reply does, told apart from how it sounds (the tone):
 * - move_private: acknowledge and take it to a private channel, with the link/ref;
 * - public_answer: a concrete answer or next step, in public;
 * - ask_detail: ask for the one detail needed to act (privately when it is personal).
 * Templates without a strategy count as move_private.
 */
export const STRATEGIES = ['move_private', 'public_answer', 'ask_detail'] as const;
export const StrategySchema = lazySchema(() => z.enum(STRATEGIES));
export type Strategy = z.infer<typeof StrategySchema>;
export const DEFAULT_STRATEGY: Strategy = 'move_private';

/** How the panel and the options page name each strategy. */
export const STRATEGY_LABELS: Record<Strategy, string> = {
  move_private: 'Move to private',
  public_answer: 'Answer in public',
  ask_detail: 'Ask for a detail',
};

/** A strategy's name in the UI language (the English STRATEGY_LABELS name it in stored timelines). */
export const strategyLabel = (strategy: Strategy): string => t(`strategy.${strategy}`);

export function strategyOf(template: Pick<ReplyTemplate, 'strategy'>): Strategy {
  return template.strategy ?? DEFAULT_STRATEGY;
}

/**
 * Languages CareSide has built-in replies in. A template without `language` is English. Add a
 * language here and give it built-ins (see built-in-templates.ts).
 */
export const REPLY_LANGUAGES = ['en', 'es'] as const;
export const ReplyLanguageSchema = lazySchema(() => z.enum(REPLY_LANGUAGES));
export type ReplyLanguage = z.infer<typeof ReplyLanguageSchema>;
export const DEFAULT_REPLY_LANGUAGE: ReplyLanguage = 'en';

export function languageOf(template: Pick<ReplyTemplate, 'language'>): ReplyLanguage {
  return template.language ?? DEFAULT_REPLY_LANGUAGE;
}

export const REPLY_KINDS = ['public', 'private'] as const;
export const ReplyKindSchema = lazySchema(() => z.enum(REPLY_KINDS));
export type ReplyKind = z.infer<typeof ReplyKindSchema>;

export const MAX_TEMPLATE_BODY = 8000;

export function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

/** Variable names a body uses, in order of first use (known or not). */
export function templateVariables(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function unknownVariablesMessage(unknown: string[]): string {
  const known = TEMPLATE_VARIABLES.map((name) => `{${name}}`).join(', ');
  const listed = unknown.map((name) => `{${name}}`).join(', ');
  return t('templateCheck.unknownVariables', unknown.length, { listed, known });
}

/** A body of text with `{variable}` placeholders: not empty, only known variables. */
export const TemplateBodySchema = lazySchema(() =>
  z
    .string()
    .max(MAX_TEMPLATE_BODY)
    .refine((body) => body.trim().length > 0, { error: () => t('templateCheck.emptyBody') })
    .superRefine((body, ctx) => {
      const unknown = templateVariables(body).filter((name) => !isTemplateVariable(name));
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: unknownVariablesMessage(unknown) });
    }),
);

export const ReplyTemplateSchema = lazySchema(() =>
  z
    .object({
      id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, { error: () => t('templateCheck.idPattern') }),
      category: z.union([CategorySchema, z.literal('any')]),
      platform: z.union([PlatformSchema, z.literal('any')]),
      tone: ToneSchema,
      kind: ReplyKindSchema,
      /** Public replies: what the reply does (default move_private). */
      strategy: StrategySchema.optional(),
      /** Only for brands of this industry; absent: any brand. */
      industry: IndustrySchema.optional(),
      /** The language the body is written in; absent: English. */
      language: ReplyLanguageSchema.optional(),
      body: TemplateBodySchema,
    })
    .strict(),
);
export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;

export const ReplyTemplateListSchema = lazySchema(() =>
  z
    .array(ReplyTemplateSchema)
    .max(2000)
    .refine((templates) => new Set(templates.map((t) => t.id)).size === templates.length, { error: () => t('templateCheck.uniqueIds') }),
);

export type TemplateErrorCode = 'unknown_variable' | 'missing_value';

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly code: TemplateErrorCode,
    readonly variables: string[],
    message: string,
  ) {
    super(message);
  }
}

/** Every known variable the body uses has a value. */
export function canRender(body: string, values: TemplateValues): boolean {
  return templateVariables(body).every((name) => isTemplateVariable(name) && values[name] !== undefined);
}

/**
 * Fill a template body. Throws TemplateError when the body uses a variable that does not
 * exist (a typo like `{firstname}`) or one with no value.
 */
export function renderTemplate(body: string, values: TemplateValues): string {
  const used = templateVariables(body);
  const unknown = used.filter((name) => !isTemplateVariable(name));
  if (unknown.length > 0) throw new TemplateError('unknown_variable', unknown, unknownVariablesMessage(unknown));
  const missing = used.filter((name) => isTemplateVariable(name) && values[name] === undefined);
  if (missing.length > 0) {
    const listed = missing.map((name) => `{${name}}`).join(', ');
    throw new TemplateError('missing_value', missing, `No value for template variable${missing.length > 1 ? 's' : ''} ${listed}.`);
  }
  return body.replace(PLACEHOLDER, (_placeholder, name: string) => cleanValue(name as TemplateVariable, values));
}

function cleanValue(name: TemplateVariable, values: TemplateValues): string {
  const value = values[name] ?? '';
  if (!CUSTOMER_VARIABLES.has(name)) return sanitizeInlineText(value);
  // A name made only of invisible characters must not leave "Hi ," behind.
  return sanitizeCustomerValue(value) || FALLBACK_GREETING_NAME;
}
