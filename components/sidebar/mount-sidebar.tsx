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
import { DEFAULT_SIDEBAR_MODE, loadSidebarMode, type SidebarMode } from '../../lib/settings/sidebar-layout';
import { SidebarContainer, type SidebarContainerProps } from './SidebarContainer';
import { createSidebarQueryClient } from './sidebar-query-client';

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
  const modeRead = loadSidebarMode(props.platform);
  // Set before ui.mount() runs onMount.
  let mountedMode: SidebarMode = DEFAULT_SIDEBAR_MODE;
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
            <SidebarContainer {...props} replies={replies} initialMode={mountedMode} />
          </QueryClientProvider>
        </StrictMode>,
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  const [initialMode, ui] = await Promise.all([modeRead, uiMade]);
  mountedMode = initialMode;
  ui.mount();
  return ui;
}
