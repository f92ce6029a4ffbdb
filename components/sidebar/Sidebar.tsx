import type { ReactNode } from 'react';
import type { Spiral } from '../../lib/spirals';
import { MentionRow, type MentionRowView } from './MentionRow';
import { SpiralAlerts } from './SpiralAlerts';
import { StatusLine } from './StatusLine';

export interface SidebarProps {
  statusText: string;
  /** The status says CareSide cannot read this page properly: shown as an alert. */
  statusAlert?: boolean;
  mentions: MentionRowView[];
  /** No brand is configured (or the settings could not be read). */
  noBrands: boolean;
  /** Why stored settings were rejected, when they were. */
  settingsError?: string;
  /** Why case references could not be loaded, when they could not. */
  casesError?: string;
  /** Opens the extension's options page (web pages may not link to it directly). */
  onOpenOptions: () => void;
  collapsed: boolean;
  onToggle: () => void;
  onLog: (postKey: string) => void;
  /** Opens the case panel for a logged post. */
  onOpenCase?: (postKey: string) => void;
  /** The open case panel; shown in place of the mention list. */
  casePanel?: ReactNode;
  /** Active spirals across all tabs; alerted even while the sidebar is collapsed. */
  spirals?: readonly Spiral[];
  /** Listed rows not rendered yet (less urgent than those shown), and how to show more of them. */
  hiddenCount?: number;
  /** What the list shows is behind what was read (aria-busy): more rows follow shortly. */
  updating?: boolean;
  onShowMore?: () => void;
}

export function Sidebar(props: SidebarProps) {
  const { statusText, mentions, noBrands, settingsError, casesError, onOpenOptions, collapsed, onToggle, onLog, onOpenCase, casePanel } =
    props;
  const hiddenCount = props.hiddenCount ?? 0;
  return (
    <aside
      className="cs-sidebar"
      data-testid="careside-sidebar"
      data-collapsed={collapsed}
      aria-label="CareSide"
      aria-busy={props.updating ?? false}
    >
      <header className="cs-header">
        <span className="cs-title">CareSide</span>
        <span className="cs-count">{mentions.length + hiddenCount}</span>
        <button type="button" className="cs-toggle" data-testid="careside-sidebar-toggle" aria-expanded={!collapsed} onClick={onToggle}>
          {collapsed ? 'Show' : 'Hide'}
        </button>
      </header>
      <StatusLine text={statusText} alert={props.statusAlert ?? false} />
      <SpiralAlerts spirals={props.spirals ?? []} />
      {collapsed ? null : (
        <div className="cs-body">
          {settingsError ? (
            <p className="cs-error" role="alert" data-testid="careside-sidebar-settings-error">
              {settingsError} No brands are being watched until then.
            </p>
          ) : null}
          {noBrands ? (
            <p className="cs-empty" data-testid="careside-sidebar-no-brands">
              No brands are configured yet.{' '}
              <button type="button" className="cs-link" data-testid="careside-open-options" onClick={onOpenOptions}>
                Open CareSide options
              </button>{' '}
              to add the brands to watch.
            </p>
          ) : null}
          {casesError ? (
            <p className="cs-error" role="alert">
              Case references could not be loaded: {casesError}
            </p>
          ) : null}
          {casePanel ?? null}
          {!casePanel && mentions.length > 0 ? (
            <ul className="cs-mentions">
              {mentions.map((mention) => (
                <MentionRow key={mention.postKey} mention={mention} onLog={onLog} {...(onOpenCase ? { onOpenCase } : {})} />
              ))}
            </ul>
          ) : null}
          {!casePanel && hiddenCount > 0 && props.onShowMore ? (
            <button type="button" className="cs-link cs-more" data-testid="careside-show-more" onClick={props.onShowMore}>
              Show {hiddenCount} less urgent
            </button>
          ) : null}
        </div>
      )}
    </aside>
  );
}
