import { t } from '../i18n/t';
import { PLATFORMS, type Platform } from '../domain/post';
import { findHandoffClaim, lintReply, type LintFinding } from '../replies/lint';
import { lengthLimitFor } from '../replies/platform-limits';
import { renderTemplate, ReplyTemplateSchema, type ReplyKind, type ReplyTemplate, type TemplateValues } from '../replies/templates';
import { issuesFromZod, type ValidationIssue } from '../validation/issues';

/** One reply template as the options form edits it; select values are checked on save like any input. */
export interface TemplateDraft {
  id: string;
  category: string;
  platform: string;
  tone: string;
  kind: string;
  /** '' for the default (move to a private channel). */
  strategy: string;
  /** '' for any industry. */
  industry: string;
  /** '' for English (the default). */
  language: string;
  body: string;
}

export type TemplateCheck = { ok: true; template: ReplyTemplate } | { ok: false; issues: ValidationIssue[] };

export function emptyTemplateDraft(): TemplateDraft {
  return { id: '', category: 'any', platform: 'any', tone: 'warm', kind: 'public', strategy: '', industry: '', language: '', body: '' };
}

export function templateDraftFrom(template: ReplyTemplate): TemplateDraft {
  const { id, category, platform, tone, kind, body } = template;
  return {
    id,
    category,
    platform,
    tone,
    kind,
    strategy: template.strategy ?? '',
    industry: template.industry ?? '',
    language: template.language ?? '',
    body,
  };
}

/**
 * Validate one template with ReplyTemplateSchema (the rule the settings file uses), plus:
 * its id must not be used by another of the team's templates. Issue paths are the field
 * names ('id', 'body', ...).
 */
export function checkTemplateDraft(draft: TemplateDraft, others: readonly ReplyTemplate[]): TemplateCheck {
  const { strategy, industry, language, ...rest } = draft;
  const input = {
    ...rest,
    id: draft.id.trim(),
    // Blank selects mean "not set": the fields are optional in the file.
    ...(strategy !== '' && { strategy }),
    ...(industry !== '' && { industry }),
    ...(language !== '' && { language }),
  };
  const parsed = ReplyTemplateSchema.safeParse(input);
  const issues: ValidationIssue[] = parsed.success ? [] : issuesFromZod(parsed.error, input);
  if (input.id !== '' && others.some((other) => other.id === input.id)) {
    issues.push({ path: ['id'], message: t('draftCheck.templateIdTaken', { id: input.id }) });
  }
  if (parsed.success && issues.length === 0) return { ok: true, template: parsed.data };
  return { ok: false, issues };
}

/** Put `template` in the list: in place of `replacing` (the id it had when editing started), else at the end. */
export function upsertTemplate(templates: readonly ReplyTemplate[], template: ReplyTemplate, replacing: string | null): ReplyTemplate[] {
  if (replacing !== null && templates.some((existing) => existing.id === replacing)) {
    return templates.map((existing) => (existing.id === replacing ? template : existing));
  }
  return [...templates, template];
}

/** Values a template is previewed and linted with: plausible, and long where length matters. */
export function sampleTemplateValues(platform: Platform, brandName: string, signature: string): TemplateValues {
  return {
    firstName: platform === 'x' ? '@jane_traveller' : 'Jane',
    brand: brandName,
    signature: signature.trim() || `The ${brandName} team`,
    caseRef: 'CS-7F3K',
    handoffLink: 'https://example.com/contact?case=CS-7F3K',
    channel: 'DM',
    replyTime: '1 hour',
  };
}

/** For "any platform", the platform whose limit for this kind is shortest, so the check is the strictest. */
export function strictestPlatform(kind: ReplyKind): Platform {
  return [...PLATFORMS].sort((a, b) => lengthLimitFor(a, kind).max - lengthLimitFor(b, kind).max)[0]!;
}

export interface TemplatePreview {
  platform: Platform;
  kind: ReplyKind;
  /** The body rendered with sample values. */
  text: string;
  findings: LintFinding[];
}

/**
 * Render the body with sample values and lint it as a reply on its platform (the strictest
 * one for "any"), so stock phrases, missing next steps and length show while typing.
 * Null while the body cannot be rendered (empty, or an unknown {variable}).
 */
export function previewTemplate(draft: TemplateDraft, context: { brandName: string; signature: string }): TemplatePreview | null {
  if (draft.body.trim() === '') return null;
  const kind: ReplyKind = draft.kind === 'private' ? 'private' : 'public';
  const platform = (PLATFORMS as readonly string[]).includes(draft.platform) ? (draft.platform as Platform) : strictestPlatform(kind);
  const values = sampleTemplateValues(platform, context.brandName, context.signature);
  let text: string;
  try {
    text = renderTemplate(draft.body, values);
  } catch {
    return null;
  }
  // The sample link stands for the brand's own channel: showing it publicly is the point.
  const findings = lintReply(text, { platform, kind, allowed: [values.handoffLink ?? ''] });
  const claim = kind === 'public' ? findHandoffClaim(text) : undefined;
  if (claim !== undefined) {
    findings.push({
      code: 'unverified_claim',
      severity: 'warning',
      message: t('lintFinding.templateClaim', { phrase: claim.text }),
      start: claim.start,
      end: claim.end,
    });
  }
  return { platform, kind, text, findings };
}
