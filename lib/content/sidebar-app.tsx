import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { casesByPostKeysQuery } from '../queries/cases';
import { MAX_WATCHED_POST_KEYS } from './case-sync';
import { describeError } from './log-case';
import type { Store } from './store';
import { brandsOf, casesByPostKey, mentionRows, statusText, type ContentSnapshot } from './view-model';

export interface SidebarAppProps {
  store: Store<ContentSnapshot>;
  onOpenOptions: () => void;
  onLog: (postKey: string) => void;
}

/** Connects the runtime's snapshot and the case store (react-query) to the presentational Sidebar. */
export function SidebarApp({ store, onOpenOptions, onLog }: SidebarAppProps) {
  const snapshot = useSyncExternalStore(store.subscribe, store.get);
  const [collapsed, setCollapsed] = useState(false);
  const postKeys = useMemo(
    () => snapshot.mentions.map((mention) => mention.postKey).slice(-MAX_WATCHED_POST_KEYS),
    [snapshot.mentions],
  );
  const casesQuery = useQuery(casesByPostKeysQuery(postKeys));
  const cases = useMemo(() => casesByPostKey(casesQuery.data), [casesQuery.data]);
  const settingsError = snapshot.settings.status === 'invalid' ? snapshot.settings.message : undefined;
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
    />
  );
}
