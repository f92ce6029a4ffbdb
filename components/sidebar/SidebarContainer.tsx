import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PageUi } from '../../lib/content/page-ui';
import type { ReplyActions } from '../../lib/content/reply/actions';
import type { Store } from '../../lib/content/store';
import { brandsOf, createMentionRowsBuilder, healthWarning, statusText, type ContentSnapshot } from '../../lib/content/view-model';
import { activeSpiralsQuery } from '../../lib/queries/spirals';
import { CasePanelContainer } from './case-panel/CasePanelContainer';
import { Sidebar, type SidebarProps } from './Sidebar';
import type { CorrectionLabel } from '../../lib/domain/learning';
import { plainErrorMessage } from '../../lib/domain/errors';
import { useCaseFocus } from './useCaseFocus';
import { useRowKeys } from './useRowKeys';
import { useDueLabels } from './useDueLabels';
import { useBacklogLabels } from './useBacklogLabels';
import { useStoreInTransitions } from './useStoreInTransitions';
import { useSidebarLayout } from './useSidebarLayout';
import { useFloatingPosition } from './useFloatingPosition';
import { DEFAULT_FLOATING_POSITION, type FloatingPosition } from '../../lib/settings/sidebar-position';
import { DEFAULT_SIDEBAR_MODE, SIDEBAR_WIDTH, type SidebarMode } from '../../lib/settings/sidebar-layout';
import type { Platform, PostKey } from '../../lib/domain/post';
import { useDismissedRows } from './useDismissedRows';
import { useHeldOrder } from './useHeldOrder';
import { t } from '../../lib/i18n/t';

export interface SidebarContainerProps {
  store: Store<ContentSnapshot>;
  cases: PageUi['cases'];
  /** Teammates replying to this site's posts; none without it. */
  presence?: PageUi['presence'];
  onOpenOptions: () => void;
  onLog: (postKey: string) => void;
  /** The team's call on a row's verdict (the runtime sends it to the background). */
  onCorrect?: PageUi['onCorrect'];
  /** Scroll the page to a mention's post and outline it. */
  showPost?: (postKey: string) => void;
  /** Page actions for the case panel (insert a reply, copy, open a handoff); no panel without them. */
  replies?: ReplyActions;
  platform: Platform;
  /** Subscribe to the focus-sidebar keyboard shortcut. */
  onFocusRequest?: (listener: () => void) => () => void;
  /** Copies the page's diagnostics (offered on the health warning). */
  copyDiagnostics?: () => Promise<boolean>;
  /** The layout last chosen on this site (read before mounting, so the page reflows once). */
  initialMode?: SidebarMode;
  initialWidth?: number;
  initialPosition?: FloatingPosition;
  /** Posts the user dismissed (on any page), read before mounting. */
  initialDismissed?: readonly PostKey[];
}

/** Without the page's presence (tests, a page that never started it): nobody is replying. */
const NOBODY: ReadonlyMap<string, readonly string[]> = new Map();
const NOBODY_REPLYING: PageUi['presence'] = { get: () => NOBODY, subscribe: () => () => undefined };

/** Connects the runtime's snapshot and the case store (react-query) to the presentational Sidebar. */
export function SidebarContainer(props: SidebarContainerProps) {
  const { store, cases, onOpenOptions, onLog, showPost, replies, platform } = props;
  const snapshot = useStoreInTransitions(store);
  const pageCases = useSyncExternalStore(cases.subscribe, cases.get);
  const presence = props.presence ?? NOBODY_REPLYING;
  const replying = useSyncExternalStore(presence.subscribe, presence.get);
  const sidebarRef = useRef<HTMLElement>(null);
  const layout = useSidebarLayout(
    platform,
    { mode: props.initialMode ?? DEFAULT_SIDEBAR_MODE, width: props.initialWidth ?? SIDEBAR_WIDTH.default },
    sidebarRef,
  );
  const floating = useFloatingPosition(platform, props.initialPosition ?? DEFAULT_FLOATING_POSITION, layout.width);
  const [openCase, setOpenCase] = useState<string | undefined>(undefined);
  const closeCase = useCaseFocus(sidebarRef, openCase, setOpenCase);
  const { mode, openMode, changeMode } = layout;
  const expand = useCallback(() => {
    if (mode === 'collapsed') changeMode(openMode);
  }, [mode, openMode, changeMode]);
  // One builder per mounted sidebar: unchanged rows keep their view object, so MentionRow skips them.
  const [buildRows] = useState(createMentionRowsBuilder);
  // Cases come from the runtime's case sync (the react-query cache, chunked by post).
  const allMentions = useMemo(() => buildRows(snapshot, pageCases.cases), [buildRows, snapshot, pageCases]);
  const dismissal = useDismissedRows(allMentions, props.initialDismissed);
  // The most urgent rows first, a page at a time; their order held while the user is in the list.
  const list = useHeldOrder(dismissal.mentions, sidebarRef);
  const { releaseHold } = list;
  const openCaseOf = useCallback(
    (postKey: string | undefined) => {
      releaseHold();
      setOpenCase(postKey);
    },
    [releaseHold],
  );
  useRowKeys(sidebarRef, { onLog, onOpenCase: replies ? openCaseOf : undefined, onFocusRequest: props.onFocusRequest, expand });
  const due = useDueLabels(pageCases.cases, snapshot.settings.status === 'ok' ? snapshot.settings.settings.responseTargets : undefined);
  const shown = list.rows;
  const backlog = useBacklogLabels(shown, snapshot.settings.status === 'ok' ? snapshot.settings.settings.backlogAgeHours : undefined);
  const settingsError = snapshot.settings.status === 'invalid' ? snapshot.settings.message : undefined;
  const spiralsQuery = useQuery(activeSpiralsQuery());
  const { containers, read, healthyShare } = snapshot.readShare;
  const readShare = useMemo(() => ({ containers, read, healthyStart: healthyShare !== null }), [containers, read, healthyShare]);
  const correction = useCorrection(props.onCorrect);
  return (
    <Sidebar
      statusText={statusText(snapshot)}
      statusAlert={healthWarning(snapshot) !== null}
      {...(props.copyDiagnostics ? { onCopyDiagnostics: props.copyDiagnostics } : {})}
      readShare={readShare}
      mentions={shown}
      dueLabels={due}
      backlogLabels={backlog}
      replying={replying}
      hiddenCount={list.hidden}
      heldBackCount={list.heldBack}
      newRowsCount={list.newRows}
      orderStale={list.stale}
      onApplyOrder={list.applyOrder}
      listEvents={list.listEvents}
      updating={snapshot.updating}
      onShowMore={list.showMore}
      noBrands={snapshot.settings.status !== 'loading' && brandsOf(snapshot).length === 0}
      {...(settingsError ? { settingsError } : {})}
      {...(pageCases.error ? { casesError: pageCases.error } : {})}
      onOpenOptions={onOpenOptions}
      ref={sidebarRef}
      mode={layout.mode}
      openMode={layout.openMode}
      onModeChange={layout.changeMode}
      theme={layout.theme}
      width={layout.width}
      onResize={layout.resize}
      position={floating.position}
      onMove={floating.move}
      onDismiss={dismissal.dismiss}
      dismissedCount={dismissal.dismissedCount}
      onRestoreDismissed={dismissal.restore}
      onLog={onLog}
      {...correction}
      {...(showPost ? { onShowPost: showPost } : {})}
      {...(spiralsQuery.data ? { spirals: spiralsQuery.data } : {})}
      {...(replies ? { onOpenCase: openCaseOf } : {})}
      {...(replies && openCase !== undefined
        ? {
            casePanel: (
              <CasePanelContainer
                key={openCase}
                postKey={openCase}
                settings={snapshot.settings.status === 'ok' ? snapshot.settings.settings : undefined}
                replying={replying.get(openCase)}
                actions={replies}
                onClose={closeCase}
              />
            ),
          }
        : {})}
    />
  );
}

/** One correction at a time: which row is saving, and why the last one failed (shown on its row). */
function useCorrection(onCorrect: PageUi['onCorrect'] | undefined): Pick<SidebarProps, 'onCorrect' | 'correction'> {
  const mutation = useMutation({
    mutationFn: ({ postKey, label }: { postKey: string; label: CorrectionLabel }) =>
      onCorrect ? onCorrect(postKey, label) : Promise.reject(new Error(t('sidebar.correctionsUnavailable'))),
  });
  const { mutate } = mutation;
  const correct = useCallback((postKey: string, label: CorrectionLabel) => mutate({ postKey, label }), [mutate]);
  if (!onCorrect) return {};
  const postKey = mutation.variables?.postKey;
  return {
    onCorrect: correct,
    correction: {
      pendingKey: mutation.isPending ? postKey : undefined,
      error: mutation.isError && postKey !== undefined ? { postKey, message: plainErrorMessage(mutation.error) } : undefined,
    },
  };
}
