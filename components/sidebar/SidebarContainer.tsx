import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { PageUi } from '../../lib/content/page-ui';
import type { ReplyActions } from '../../lib/content/reply/actions';
import type { Store } from '../../lib/content/store';
import {
  brandsOf,
  createMentionRowsBuilder,
  healthWarning,
  SIDEBAR_PAGE_ROWS,
  statusText,
  type ContentSnapshot,
} from '../../lib/content/view-model';
import { activeSpiralsQuery } from '../../lib/queries/spirals';
import { CasePanelContainer } from './case-panel/CasePanelContainer';
import { Sidebar } from './Sidebar';

export interface SidebarContainerProps {
  store: Store<ContentSnapshot>;
  cases: PageUi['cases'];
  onOpenOptions: () => void;
  onLog: (postKey: string) => void;
  /** Page actions for the case panel (insert a reply, copy, open a handoff); no panel without them. */
  replies?: ReplyActions;
}

/** Connects the runtime's snapshot and the case store (react-query) to the presentational Sidebar. */
export function SidebarContainer({ store, cases, onOpenOptions, onLog, replies }: SidebarContainerProps) {
  const snapshot = useSyncExternalStore(store.subscribe, store.get);
  const pageCases = useSyncExternalStore(cases.subscribe, cases.get);
  const [collapsed, setCollapsed] = useState(false);
  const [openCase, setOpenCase] = useState<string | undefined>(undefined);
  // One builder per mounted sidebar: unchanged rows keep their view object, so MentionRow skips them.
  const [buildRows] = useState(createMentionRowsBuilder);
  // Cases come from the runtime's case sync (the react-query cache, chunked by post).
  const mentions = useMemo(() => buildRows(snapshot, pageCases.cases), [buildRows, snapshot, pageCases]);
  const toggle = useCallback(() => setCollapsed((value) => !value), []);
  // The most urgent rows first; more on request. A fast page re-ranks its mentions every
  // publish, and each newly shown row is new DOM in the page's main thread.
  const [shownRows, setShownRows] = useState(SIDEBAR_PAGE_ROWS);
  const showMore = useCallback(() => setShownRows((count) => count + SIDEBAR_PAGE_ROWS), []);
  const shown = useMemo(() => mentions.slice(0, shownRows), [mentions, shownRows]);
  const settingsError = snapshot.settings.status === 'invalid' ? snapshot.settings.message : undefined;
  const spiralsQuery = useQuery(activeSpiralsQuery());
  return (
    <Sidebar
      statusText={statusText(snapshot)}
      statusAlert={healthWarning(snapshot) !== null}
      mentions={shown}
      hiddenCount={mentions.length - shown.length}
      updating={snapshot.updating}
      onShowMore={showMore}
      noBrands={snapshot.settings.status !== 'loading' && brandsOf(snapshot).length === 0}
      {...(settingsError ? { settingsError } : {})}
      {...(pageCases.error ? { casesError: pageCases.error } : {})}
      onOpenOptions={onOpenOptions}
      collapsed={collapsed}
      onToggle={toggle}
      onLog={onLog}
      {...(spiralsQuery.data ? { spirals: spiralsQuery.data } : {})}
      {...(replies ? { onOpenCase: setOpenCase } : {})}
      {...(replies && openCase !== undefined
        ? {
            casePanel: (
              <CasePanelContainer
                key={openCase}
                postKey={openCase}
                settings={snapshot.settings.status === 'ok' ? snapshot.settings.settings : undefined}
                actions={replies}
                onClose={() => setOpenCase(undefined)}
              />
            ),
          }
        : {})}
    />
  );
}
