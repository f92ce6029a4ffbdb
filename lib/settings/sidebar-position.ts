import { lazySchema, z } from '../validation/zod';
import { perSiteMemory } from './per-site-memory';

/**
 * Where the floating sidebar sits on each site, as the user dragged it: its distance from the
 * window's right edge and from its top. Measured from the right because the panel starts there and
 * resizes from its left edge, so a remembered spot stays put when the window is widened.
 */
export const SIDEBAR_POSITION_KEY = 'careside:sidebarPosition';
export interface FloatingPosition {
  right: number;
  top: number;
}
export const DEFAULT_FLOATING_POSITION: FloatingPosition = { right: 16, top: 72 };

/** At least this much of the panel's height stays in the window (its header and a few rows). */
export const FLOATING_MIN_VISIBLE_PX = 120;

/**
 * The spot nearest `position` at which a panel `panelWidth` wide is wholly inside the window
 * horizontally and shows at least FLOATING_MIN_VISIBLE_PX of its height; whole pixels.
 */
export function clampFloatingPosition(
  position: FloatingPosition,
  panelWidth: number,
  viewport: { width: number; height: number },
): FloatingPosition {
  const within = (value: number, max: number) => Math.round(Math.min(Math.max(0, max), Math.max(0, value)));
  return {
    right: within(finiteOr(position.right, DEFAULT_FLOATING_POSITION.right), viewport.width - panelWidth),
    top: within(finiteOr(position.top, DEFAULT_FLOATING_POSITION.top), viewport.height - FLOATING_MIN_VISIBLE_PX),
  };
}

const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);

const PositionsSchema = lazySchema(() =>
  z.record(z.string(), z.object({ right: z.number().finite().nonnegative(), top: z.number().finite().nonnegative() })),
);

const positions = perSiteMemory<FloatingPosition>({
  key: SIDEBAR_POSITION_KEY,
  schema: PositionsSchema,
  fallback: DEFAULT_FLOATING_POSITION,
  what: 'position',
  normalise: (position) => ({ right: Math.max(0, Math.round(position.right)), top: Math.max(0, Math.round(position.top)) }),
});

/** The spot last chosen on `platform`; the default when none was (or storage cannot be read). */
export const loadSidebarPosition = positions.load;
/** Remember `position` for `platform`; a failure only costs the memory, never the page. */
export const saveSidebarPosition = positions.save;
