import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { casesByPostKeysQuery } from '../queries/cases';
import { activeSpiralsQuery } from '../queries/spirals';
import { MAX_WATCHED_POST_KEYS } from './case-sync';
import type { ReplyActions } from './reply/actions';
import { CasePanelApp } from './reply/case-panel-app';
import { describeError } from './log-case';
import type { Store } from './store';
import { brandsOf, casesByPostKey, mentionRows, statusText, type ContentSnapshot } from './view-model';

export interface SidebarAppProps {
  store: Store<ContentSnapshot>;
  onOpenOptions: () => void;
  onLog: (postKey: string) => void;
  /** Page actions for the case panel (insert a reply, copy, open a handoff); no panel without them. */
  replies?: ReplyActions;
}

/** Connects the runtime's snapshot and the case store (react-query) to the presentational Sidebar. */
export function SidebarApp({ store, onOpenOptions, onLog, replies }: SidebarAppProps) {
  const snapshot = useSyncExternalStore(store.subscribe, store.get);
  const [collapsed, setCollapsed] = useState(false);
  const [openCase, setOpenCase] = useState<string | undefined>(undefined);
  const postKeys = useMemo(
    () => snapshot.mentions.map((mention) => mention.postKey).slice(-MAX_WATCHED_POST_KEYS),
    [snapshot.mentions],
  );
  const casesQuery = useQuery(casesByPostKeysQuery(postKeys));
  const cases = useMemo(() => casesByPostKey(casesQuery.data), [casesQuery.data]);
  const settingsError = snapshot.settings.status === 'invalid' ? snapshot.settings.message : undefined;
  const spiralsQuery = useQuery(activeSpiralsQuery());
  return (
    <Sidebar
      statusText={statusText(snapshot)}
      mentions={mentionRows(snapshot, cases)}
      noBrands={snapshot.settings.status !== 'loading' && brandsOf(snapshot).length === 0}
      {...(settingsError ? { settingsError } : {})}
      {...(casesQuery.error ? { casesError: describeError(casesQuery.error) } : {})}
      onOpenOptions={onOpenOptions}
      collapsed={collapsed}
      onToggle={() => setCollapsed((value) => !value)}
      onLog={onLog}
      {...(spiralsQuery.data ? { spirals: spiralsQuery.data } : {})}
      {...(replies ? { onOpenCase: setOpenCase } : {})}
      {...(replies && openCase !== undefined
        ? {
            casePanel: (
              <CasePanelApp
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
