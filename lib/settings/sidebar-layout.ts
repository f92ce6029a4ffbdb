import { lazySchema, z } from '../validation/zod';
import { perSiteMemory } from './per-site-memory';

/**
 * How the sidebar sits on each site, as the user left it: docked (the page makes room),
 * floating over the page, or collapsed to a tab at the edge. Kept per site because a layout
 * that suits Yelp's wide pages may not suit X's.
 */
export const SIDEBAR_LAYOUT_KEY = 'careside:sidebarLayout';
export const SIDEBAR_MODES = ['docked', 'floating', 'collapsed'] as const;
export type SidebarMode = (typeof SIDEBAR_MODES)[number];
export const DEFAULT_SIDEBAR_MODE: SidebarMode = 'docked';

const LayoutSchema = lazySchema(() => z.record(z.string(), z.enum(SIDEBAR_MODES)));

/** The panel's width per site, as the user dragged it (kept apart from the mode: older installs stored modes only). */
export const SIDEBAR_WIDTH_KEY = 'careside:sidebarWidth';
export const SIDEBAR_WIDTH = { min: 280, default: 340, max: 640 } as const;

/** A width the panel can take: whole pixels between the minimum and the maximum. */
export function clampSidebarWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_WIDTH.default;
  return Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, width)));
}

const WidthSchema = lazySchema(() => z.record(z.string(), z.number()));

const widths = perSiteMemory<number>({
  key: SIDEBAR_WIDTH_KEY,
  schema: WidthSchema,
  fallback: SIDEBAR_WIDTH.default,
  what: 'width',
  normalise: clampSidebarWidth,
});

/** The width last chosen on `platform`; the default when none was (or storage cannot be read). */
export const loadSidebarWidth = widths.load;
/** Remember `width` for `platform`; a failure only costs the memory, never the page. */
export const saveSidebarWidth = widths.save;

const modes = perSiteMemory<SidebarMode>({ key: SIDEBAR_LAYOUT_KEY, schema: LayoutSchema, fallback: DEFAULT_SIDEBAR_MODE, what: 'layout' });

/** The mode last chosen on `platform`; docked when none was (or storage cannot be read). */
export const loadSidebarMode = modes.load;
/** Remember `mode` for `platform`; a failure only costs the memory, never the page. */
export const saveSidebarMode = modes.save;
