import type { HandoffChannelConfig } from '../domain/brand-handoff';
import type { ReplyTemplate } from '../replies/templates';
import type { Brand } from '../domain/brand';
import type { Settings } from './schema';
import { formatIssue } from '../validation/issues';
import { findJsonSyntaxError } from '../validation/json-syntax';
import { validateSettings } from './validate';
import { LearningExportSchema, type LearningExport } from '../domain/learning';
import { issuesFromZod } from '../validation/issues';
import { formatFileSize } from '../i18n/format';
import { t } from '../i18n/t';

/** Import files larger than this are refused unread: real settings files are a few KB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** `learning`: the team's corrections (adaptive triage layer) when the file carries them. */
export type SettingsImport = { ok: true; settings: Settings; learning?: LearningExport } | { ok: false; errors: string[] };

/** The settings file's one field that is not stored settings: the adaptive triage layer (IndexedDB). */
export const LEARNING_FIELD = 'learning';

function exportHandoff(handoff: HandoffChannelConfig): HandoffChannelConfig {
  const { email, contactForm } = handoff;
  return {
    x: { dm: handoff.x.dm },
    facebook: handoff.facebook.messengerPage === undefined ? {} : { messengerPage: handoff.facebook.messengerPage },
    ...(email && {
      email: { address: email.address, ...(email.subjectPrefix !== undefined && { subjectPrefix: email.subjectPrefix }) },
    }),
    ...(contactForm && { contactForm: { url: contactForm.url, param: contactForm.param } }),
  };
}

function exportBrand(brand: Brand): Brand {
  return {
    id: brand.id,
    name: brand.name,
    industry: brand.industry,
    aliases: [...brand.aliases],
    handles: { x: [...brand.handles.x], facebook: [...brand.handles.facebook], yelp: [...brand.handles.yelp] },
    hashtags: [...brand.hashtags],
    exclusions: [...brand.exclusions],
    handoff: exportHandoff(brand.handoff),
  };
}

function exportTemplate(template: ReplyTemplate): ReplyTemplate {
  return {
    id: template.id,
    category: template.category,
    platform: template.platform,
    tone: template.tone,
    kind: template.kind,
    ...(template.strategy !== undefined && { strategy: template.strategy }),
    ...(template.industry !== undefined && { industry: template.industry }),
    ...(template.language !== undefined && { language: template.language }),
    body: template.body,
  };
}

/**
 * The export file is the stored settings shape (see lib/settings/README.md), every field
 * written (defaults included) and in a fixed order so exports diff cleanly. The agent's
 * signature is not in it: it belongs to each install (agent-profile.ts).
 */
export function exportSettings(settings: Settings, learning?: LearningExport): string {
  const { responseTargets: targets, spirals } = settings;
  const document: Omit<Settings, 'agentSignature'> = {
    version: settings.version,
    brands: settings.brands.map(exportBrand),
    responseTargets: { P1: targets.P1, P2: targets.P2, P3: targets.P3, P4: targets.P4 },
    backlogAgeHours: settings.backlogAgeHours,
    spirals: { minSimilar: spirals.minSimilar, windowMinutes: spirals.windowMinutes },
    replyTemplates: settings.replyTemplates.map(exportTemplate),
    retention: { closedCaseDays: settings.retention.closedCaseDays },
    savedReplies: settings.savedReplies.map(({ id, brandId, title, body }) => ({ id, brandId, title, body })),
  };
  const text = JSON.stringify(document, null, 2);
  if (!learning || learning.corrections.length === 0) return `${text}\n`;
  // One correction per line: hundreds of hashed-feature lists would run to tens of thousands of lines indented.
  const corrections = learning.corrections.map((item) => `      ${JSON.stringify(item)}`).join(',\n');
  const layer = `  "${LEARNING_FIELD}": {\n    "format": ${JSON.stringify(learning.format)},\n    "corrections": [\n${corrections}\n    ]\n  }`;
  return `${text.slice(0, -2)},\n${layer}\n}\n`;
}

/**
 * Imported settings as this install applies them: everything from the file except the agent's
 * signature, which stays this install's (older exports carry one; it is not applied).
 */
export function importedForInstall(imported: Settings, current: Settings): Settings {
  return { ...imported, agentSignature: current.agentSignature };
}

/** What to tell the user about a signature the file carried and this install did not take. */
export function ignoredSignatureNote(imported: Settings, current: Settings): string | null {
  const carried = imported.agentSignature.trim();
  if (carried === '' || carried === current.agentSignature.trim()) return null;
  return t('settingsFile.signatureIgnored', { carried, current: current.agentSignature });
}

/** "careside-settings-2025-03-09.json" for the given day. */
export function exportFileName(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `careside-settings-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

function byteLength(text: string): number {
  // Every char is at least one UTF-8 byte: skip encoding obviously huge texts.
  if (text.length > MAX_IMPORT_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/** The refusal for a file of this many bytes, or null if its size is fine (lets the UI refuse before reading). */
export function importSizeError(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return t('settingsFile.tooLarge', { size: formatFileSize(bytes, { kilobytes: true }) });
}

/**
 * Read an import file's text into settings, or explain every problem in words.
 * Pure: nothing is stored here, so a broken file cannot change anything.
 */
export function parseSettingsImport(text: string): SettingsImport {
  const sizeError = importSizeError(byteLength(text));
  if (sizeError) return { ok: false, errors: [sizeError] };
  // Editors on Windows often start UTF-8 files with a byte order mark; it is not content.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: [t('settingsFile.empty')] };

  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const where = findJsonSyntaxError(body);
    return {
      ok: false,
      errors: [
        where
          ? t('settingsFile.notJsonAt', {
              where: t('jsonSyntax.at', { reason: where.reason, line: String(where.line), column: String(where.column) }),
              offset: String(where.offset),
            })
          : t('settingsFile.notJson', { error: error instanceof Error ? error.message : String(error) }),
      ],
    };
  }

  const { settings: settingsValue, learning, learningErrors } = splitLearning(value);
  const result = validateSettings(settingsValue);
  const errors = [...(result.ok ? [] : result.issues.map((issue) => formatIssue(issue))), ...learningErrors];
  if (!result.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, settings: result.settings, ...(learning ? { learning } : {}) };
}

/** Take the learning layer out of an import (checked on its own), leaving the settings to validate. */
function splitLearning(value: unknown): { settings: unknown; learning?: LearningExport; learningErrors: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !(LEARNING_FIELD in value)) {
    return { settings: value, learningErrors: [] };
  }
  const { [LEARNING_FIELD]: layer, ...settings } = value as Record<string, unknown>;
  const parsed = LearningExportSchema.safeParse(layer);
  if (parsed.success) return { settings, learning: parsed.data, learningErrors: [] };
  const issues = issuesFromZod(parsed.error, layer).map((issue) => ({ ...issue, path: [LEARNING_FIELD, ...issue.path] }));
  return { settings, learningErrors: issues.map((issue) => formatIssue(issue)) };
}
