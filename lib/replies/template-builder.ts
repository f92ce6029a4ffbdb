import type { Industry } from '../domain/industry';
import type { Platform } from '../domain/post';
import { CATEGORY_IDS, type CategoryId } from '../domain/triage';
import { industriesWithCopy, replyCopy, type CategoryCopy, type ReplyCopy } from './reply-copy';
import { TONES, type ReplyLanguage, type ReplyTemplate, type Strategy, type Tone } from './templates';

/**
 * How one language words the parts of a built-in reply (see default-templates.ts for what each
 * part does). Every language fills the same slots, so every category x industry x platform x
 * tone x strategy exists in each.
 */
export interface ReplyFrames {
  opener(platform: Platform, tone: Tone, copy: ReplyCopy): string;
  closer(platform: Platform, tone: Tone): string;
  movePrivate(platform: Platform, tone: Tone, copy: ReplyCopy, style: 'invite' | 'pending' | 'sent'): string;
  publicAnswer(tone: Tone, copy: ReplyCopy): string;
  askDetail(platform: Platform, tone: Tone, copy: ReplyCopy, style: 'invite' | 'pending' | 'none'): string;
  privateBody(tone: Tone, copy: ReplyCopy): string;
}

type Style = 'invite' | 'pending' | 'sent' | 'none';

const PUBLIC_PLATFORMS: readonly Platform[] = ['x', 'facebook', 'yelp'];

function publicBodies(
  frames: ReplyFrames,
  platform: Platform,
  tone: Tone,
  copy: ReplyCopy,
): { strategy: Strategy; style: Style; middle: string }[] {
  const bodies: { strategy: Strategy; style: Style; middle: string }[] = [];
  for (const style of ['invite', 'pending', 'sent'] as const) {
    bodies.push({ strategy: 'move_private', style, middle: frames.movePrivate(platform, tone, copy, style) });
  }
  bodies.push({ strategy: 'public_answer', style: 'none', middle: frames.publicAnswer(tone, copy) });
  const askStyles = copy.ask !== undefined ? (['none'] as const) : (['invite', 'pending'] as const);
  for (const style of askStyles) bodies.push({ strategy: 'ask_detail', style, middle: frames.askDetail(platform, tone, copy, style) });
  return bodies;
}

function templatesFor(
  frames: ReplyFrames,
  language: ReplyLanguage | undefined,
  category: CategoryId | 'any',
  industry: Industry | undefined,
  copy: ReplyCopy,
): ReplyTemplate[] {
  const templates: ReplyTemplate[] = [];
  const prefix = `${language !== undefined ? `${language}.` : ''}${category}.${industry ?? 'any'}`;
  const scope = { category, ...(industry !== undefined ? { industry } : {}), ...(language !== undefined ? { language } : {}) };
  for (const platform of PUBLIC_PLATFORMS) {
    for (const tone of TONES) {
      for (const { strategy, style, middle } of publicBodies(frames, platform, tone, copy)) {
        templates.push({
          id: `${prefix}.${platform}.${strategy}.${tone}${style === 'none' ? '' : `.${style}`}`,
          ...scope,
          platform,
          tone,
          kind: 'public',
          strategy,
          body: `${frames.opener(platform, tone, copy)} ${middle}${frames.closer(platform, tone)}`,
        });
      }
    }
  }
  for (const tone of TONES) {
    templates.push({
      id: `${prefix}.private.${tone}`,
      ...scope,
      platform: 'any',
      tone,
      kind: 'private',
      body: frames.privateBody(tone, copy),
    });
  }
  return templates;
}

/**
 * Every built-in template of one language. English templates carry no `language` (and keep
 * their ids); others are marked and their ids start with the language code.
 */
export function buildTemplates(
  frames: ReplyFrames,
  table: Record<CategoryId, CategoryCopy>,
  language?: Exclude<ReplyLanguage, 'en'>,
): ReplyTemplate[] {
  const specific: ReplyTemplate[] = [];
  const generic: ReplyTemplate[] = [];
  for (const category of CATEGORY_IDS) {
    for (const industry of industriesWithCopy(category, table)) {
      specific.push(...templatesFor(frames, language, category, industry, replyCopy(category, industry, table)));
    }
    generic.push(...templatesFor(frames, language, category, undefined, replyCopy(category, 'generic', table)));
  }
  // Category-independent fallback for any complaint (and for team templates' categories).
  generic.push(...templatesFor(frames, language, 'any', undefined, replyCopy('other', 'generic', table)));
  // Industry-specific first: at the same match level the earlier template wins.
  return [...specific, ...generic];
}
