import { t } from '../i18n/t';
import type { CaseOutcome, CaseStatus } from './case';
import type { Industry } from './industry';
import type { Platform } from './post';
import type { CategoryId, Priority } from './triage';

// UI names in the browser's language (locales/*.yml). The English *_LABELS constants beside the
// types stay for exports and imports, whose values must not change with the reader's language.

export const statusLabel = (status: CaseStatus): string => t(`status.${status}`);
export const categoryLabel = (category: CategoryId): string => t(`category.${category}`);
export const priorityLabel = (priority: Priority): string => t(`priority.${priority}`);
export const outcomeLabel = (outcome: CaseOutcome): string => t(`outcome.${outcome}`);
export const industryLabel = (industry: Industry): string => t(`industry.${industry}`);

/** Platform names are brands: the same in every language. */
const PLATFORM_NAMES: Record<Platform, string> = { x: 'X', facebook: 'Facebook', yelp: 'Yelp' };
export const platformLabel = (platform: Platform): string => PLATFORM_NAMES[platform];
