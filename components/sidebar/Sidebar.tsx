import type { ReactNode, Ref } from 'react';
import type { SidebarMode } from '../../lib/settings/sidebar-layout';
import type { Spiral } from '../../lib/spirals';
import { MentionList, type MentionListProps } from './MentionList';
import { SpiralAlerts } from './SpiralAlerts';
import { StatusLine } from './StatusLine';
import { ResizeHandle } from './ResizeHandle';
import { MoveButton, useHeaderDrag, type MoveHandler } from './MoveControls';
import { DEFAULT_FLOATING_POSITION, type FloatingPosition } from '../../lib/settings/sidebar-position';
import { t } from '../../lib/i18n/t';
import { formatNumber } from '../../lib/i18n/format';

export interface SidebarProps extends MentionListProps {
  /** The sidebar's own element (the container moves focus and measures the page around it). */
  ref?: Ref<HTMLElement>;
  statusText: string;
  /** The status says CareSide cannot read this page properly: shown as an alert. */
  statusAlert?: boolean;
  /** Copies the page's diagnostics, offered on the alert. */
  onCopyDiagnostics?: () => Promise<boolean>;
  /** The read-share check's last look (shown as data attributes on the status line). */
  readShare?: { containers: number; read: number; healthyStart: boolean };
  /** No brand is configured (or the settings could not be read). */
  noBrands: boolean;
  /** Why stored settings were rejected, when they were. */
  settingsError?: string;
  /** Why case references could not be loaded, when they could not. */
  casesError?: string;
  /** Opens the extension's options page (web pages may not link to it directly). */
  onOpenOptions: () => void;
  /** Docked (the page makes room), floating over the page, or collapsed to a tab at the edge. */
  mode: SidebarMode;
  /** The user picked another layout (Dock / Float / Hide, or the edge tab). */
  onModeChange: (mode: SidebarMode) => void;
  /** The layout the edge tab restores. */
  openMode?: Exclude<SidebarMode, 'collapsed'>;
  /** Follow the page's light or dark theme. */
  theme?: 'light' | 'dark';
  /** The panel's width in px while open (docked or floating), and how the user changes it. */
  width?: number;
  onResize?: (width: number, done: boolean) => void;
  /** Where the floating panel sits, and how the user moves it (drag its header, or the grip's arrow keys). */
  position?: FloatingPosition;
  onMove?: MoveHandler;
  /** Rows on this page the user dismissed, and how to list them again. */
  dismissedCount?: number;
  onRestoreDismissed?: () => void;
  /** The open case panel; shown in place of the mention list. */
  casePanel?: ReactNode;
  /** Active spirals across all tabs; alerted even while the sidebar is collapsed. */
  spirals?: readonly Spiral[];
  /** What the list shows is behind what was read (aria-busy): more rows follow shortly. */
  updating?: boolean;
}

const ignoreMove: MoveHandler = () => undefined;

/** The open panel's width, and where it floats when it floats (kept above the window's bottom edge). */
function panelStyle(mode: SidebarMode, width: number | undefined, position: FloatingPosition | undefined) {
  if (mode === 'collapsed') return undefined;
  const floating = mode === 'floating' && position !== undefined;
  return {
    ...(width !== undefined ? { width: `${width}px` } : {}),
    ...(floating ? { right: `${position.right}px`, top: `${position.top}px`, maxHeight: `calc(100vh - ${position.top + 24}px)` } : {}),
  };
}

export function Sidebar({ ref, ...props }: SidebarProps) {
  const { statusText, mentions, noBrands, settingsError, casesError, onOpenOptions, mode, onModeChange, casePanel } = props;
  const count = mentions.length + (props.hiddenCount ?? 0) + (props.heldBackCount ?? 0);
  const collapsed = mode === 'collapsed';
  const position = props.position ?? DEFAULT_FLOATING_POSITION;
  const movable = mode === 'floating' && props.onMove !== undefined;
  const headerDrag = useHeaderDrag(position, props.onMove ?? ignoreMove);
  return (
    <aside
      ref={ref}
      tabIndex={-1}
      className="cs-sidebar"
      data-testid="careside-sidebar"
      data-mode={mode}
      data-theme={props.theme ?? 'light'}
      aria-label="CareSide"
      aria-busy={props.updating ?? false}
      style={panelStyle(mode, props.width, props.position)}
    >
      {!collapsed && props.width !== undefined && props.onResize ? <ResizeHandle width={props.width} onResize={props.onResize} /> : null}
      <header className="cs-header" {...(movable ? headerDrag : {})}>
        {movable && props.onMove ? <MoveButton position={position} onMove={props.onMove} /> : null}
        <span className="cs-title">CareSide</span>
        <span className="cs-count">{count}</span>
        {collapsed ? null : (
          <button
            type="button"
            className="cs-layout"
            data-testid="careside-sidebar-layout"
            title={mode === 'docked' ? t('sidebar.floatTitle') : t('sidebar.dockTitle')}
            onClick={() => onModeChange(mode === 'docked' ? 'floating' : 'docked')}
          >
            {mode === 'docked' ? t('sidebar.float') : t('sidebar.dock')}
          </button>
        )}
        <button
          type="button"
          className="cs-toggle"
          data-testid="careside-sidebar-toggle"
          aria-expanded={!collapsed}
          onClick={() => onModeChange(collapsed ? (props.openMode ?? 'docked') : 'collapsed')}
        >
          {collapsed ? t('sidebar.show') : t('sidebar.hide')}
        </button>
      </header>
      {/* Collapsed, only a warning (the page may have changed under us) still shows. */}
      {collapsed && !props.statusAlert ? null : (
        <StatusLine
          text={statusText}
          alert={props.statusAlert ?? false}
          {...(props.onCopyDiagnostics ? { onCopyDiagnostics: props.onCopyDiagnostics } : {})}
          {...(props.readShare ? { readShare: props.readShare } : {})}
        />
      )}
      <SpiralAlerts spirals={props.spirals ?? []} />
      {collapsed ? null : (
        <div className="cs-body">
          {settingsError ? (
            <p className="cs-error" role="alert" data-testid="careside-sidebar-settings-error">
              {t('sidebar.settingsError', { error: settingsError })}
            </p>
          ) : null}
          {noBrands ? (
            <p className="cs-empty" data-testid="careside-sidebar-no-brands">
              {t('sidebar.noBrandsBefore')}{' '}
              <button type="button" className="cs-link" data-testid="careside-open-options" onClick={onOpenOptions}>
                {t('sidebar.openOptions')}
              </button>{' '}
              {t('sidebar.noBrandsAfter')}
            </p>
          ) : null}
          {casesError ? (
            <p className="cs-error" role="alert">
              {t('sidebar.casesError', { error: casesError })}
            </p>
          ) : null}
          {casePanel ?? null}
          {casePanel ? null : <MentionList {...props} />}
          {!casePanel && (props.dismissedCount ?? 0) > 0 && props.onRestoreDismissed ? (
            <p className="cs-dismissed" data-testid="careside-dismissed">
              {t('sidebar.dismissedCount', props.dismissedCount ?? 0, { count: formatNumber(props.dismissedCount ?? 0) })}{' '}
              <button type="button" className="cs-link" data-testid="careside-restore-dismissed" onClick={props.onRestoreDismissed}>
                {t('sidebar.restoreDismissed')}
              </button>
            </p>
          ) : null}
        </div>
      )}
    </aside>
  );
}
