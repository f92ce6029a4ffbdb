import { browser } from 'wxt/browser';
import type { Platform } from '../domain/post';
import { lazySchema, z } from '../validation/zod';

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

async function readWidths(): Promise<Record<string, number>> {
  const stored = (await browser.storage.local.get(SIDEBAR_WIDTH_KEY))[SIDEBAR_WIDTH_KEY];
  const parsed = WidthSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
}

/** The width last chosen on `platform`; the default when none was (or storage cannot be read). */
export async function loadSidebarWidth(platform: Platform): Promise<number> {
  try {
    const width = (await readWidths())[platform];
    return width === undefined ? SIDEBAR_WIDTH.default : clampSidebarWidth(width);
  } catch {
    return SIDEBAR_WIDTH.default;
  }
}

/** Remember `width` for `platform`; a failure only costs the memory, never the page. */
export async function saveSidebarWidth(platform: Platform, width: number): Promise<void> {
  try {
    await browser.storage.local.set({ [SIDEBAR_WIDTH_KEY]: { ...(await readWidths()), [platform]: clampSidebarWidth(width) } });
  } catch (error) {
    console.warn('[CareSide] could not remember the sidebar width:', error);
  }
}

async function readLayout(): Promise<Record<string, SidebarMode>> {
  const stored = (await browser.storage.local.get(SIDEBAR_LAYOUT_KEY))[SIDEBAR_LAYOUT_KEY];
  const parsed = LayoutSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
}

/** The mode last chosen on `platform`; docked when none was (or storage cannot be read). */
export async function loadSidebarMode(platform: Platform): Promise<SidebarMode> {
  try {
    return (await readLayout())[platform] ?? DEFAULT_SIDEBAR_MODE;
  } catch {
    return DEFAULT_SIDEBAR_MODE;
  }
}

/** Remember `mode` for `platform`; a failure only costs the memory, never the page. */
export async function saveSidebarMode(platform: Platform, mode: SidebarMode): Promise<void> {
  try {
    await browser.storage.local.set({ [SIDEBAR_LAYOUT_KEY]: { ...(await readLayout()), [platform]: mode } });
  } catch (error) {
    console.warn('[CareSide] could not remember the sidebar layout:', error);
  }
}
