import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
// As text for the shadow root: the sidebar's module (content-ui.js) is loaded by import(), not as a content script with CSS.
import casePanelCss from './case-panel/case-panel.css?inline';
import sidebarCss from './sidebar.css?inline';
import { createDraftStore } from '../../lib/content/reply/drafts';
import { guardEvents, onlyTrustedEvents, type EventFilter } from '../../lib/content/trusted-events';
import {
  DEFAULT_SIDEBAR_MODE,
  loadSidebarMode,
  loadSidebarWidth,
  SIDEBAR_WIDTH,
  type SidebarMode,
} from '../../lib/settings/sidebar-layout';
import { DEFAULT_FLOATING_POSITION, loadSidebarPosition, type FloatingPosition } from '../../lib/settings/sidebar-position';
import { loadDismissedPosts } from '../../lib/settings/dismissed-posts';
import type { PostKey } from '../../lib/domain/post';
import { SidebarContainer, type SidebarContainerProps } from './SidebarContainer';
import { createSidebarQueryClient } from './sidebar-query-client';
import { formatNumber } from '../../lib/i18n/format';

export const SIDEBAR_UI_NAME = 'careside-sidebar';

/**
 * Mount the React sidebar in its own shadow root at the end of <body>; the CSS pins it to the
 * right edge. WXT removes it when the content script context is invalidated. Only the user's own
 * (trusted) input reaches it unless `acceptEvent` says otherwise.
 */
export async function mountSidebar(
  ctx: ContentScriptContext,
  { acceptEvent = onlyTrustedEvents, ...props }: SidebarContainerProps & { acceptEvent?: EventFilter },
): Promise<ShadowRootContentScriptUi<Root>> {
  const queryClient = createSidebarQueryClient(ctx);
  const replies = props.replies && { drafts: createDraftStore(), ...props.replies };
  // The layout the user left on this site is read before mounting, so the page reflows once; read
  // while WXT builds the shadow root, not before.
  const layoutRead = Promise.all([
    loadSidebarMode(props.platform),
    loadSidebarWidth(props.platform),
    loadSidebarPosition(props.platform),
    loadDismissedPosts(),
  ]);
  // Set before ui.mount() runs onMount.
  let mounted: { mode: SidebarMode; width: number; position: FloatingPosition; dismissed: readonly PostKey[] } = {
    mode: DEFAULT_SIDEBAR_MODE,
    width: SIDEBAR_WIDTH.default,
    position: DEFAULT_FLOATING_POSITION,
    dismissed: [],
  };
  const uiMade = createShadowRootUi<Root>(ctx, {
    name: SIDEBAR_UI_NAME,
    css: `${sidebarCss}\n${casePanelCss}`,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keep X's keyboard shortcuts from firing while the user works in the sidebar.
    isolateEvents: true,
    onMount(container, shadow) {
      // Before React sees anything: a page script's click() or forged input never drives the sidebar.
      guardEvents(shadow, acceptEvent);
      const root = createRoot(container);
      root.render(
        <StrictMode>
          <QueryClientProvider client={queryClient}>
            <SidebarContainer
              {...props}
              replies={replies}
              initialMode={mounted.mode}
              initialWidth={mounted.width}
              initialPosition={mounted.position}
              initialDismissed={mounted.dismissed}
            />
          </QueryClientProvider>
        </StrictMode>,
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  const [[mode, width, position, dismissed], ui] = await Promise.all([layoutRead, uiMade]);
  mounted = { mode, width, position, dismissed };
  ui.mount();
  loadNumberFormatsWhenIdle();
  return ui;
}

/**
 * Intl loads its locale data on first use: 30-60 ms on a page whose own scripts never used
 * Intl. Loaded while the page is idle after mounting, so the first render of rows (their counts
 * and ages) does not carry it into one long task.
 */
function loadNumberFormatsWhenIdle(): void {
  const load = () => void formatNumber(0);
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(load, { timeout: 2_000 });
  else setTimeout(load, 0);
}
