import type { ReactNode, Ref } from 'react';
import type { SidebarMode } from '../../lib/settings/sidebar-layout';
import type { Spiral } from '../../lib/spirals';
import { MentionRow, type MentionRowView } from './MentionRow';
import { replyingLabel } from '../../lib/content/presence-watch';
import type { DueLabel } from './useDueLabels';
import { SpiralAlerts } from './SpiralAlerts';
import { StatusLine } from './StatusLine';
import { OrderNotice } from './OrderNotice';
import type { ListHoldEvents } from './useHeldOrder';
import { ResizeHandle } from './ResizeHandle';
import { MoveButton, useHeaderDrag, type MoveHandler } from './MoveControls';
import { DEFAULT_FLOATING_POSITION, type FloatingPosition } from '../../lib/settings/sidebar-position';
import type { CorrectionLabel } from '../../lib/domain/learning';
import { t } from '../../lib/i18n/t';
import { formatNumber } from '../../lib/i18n/format';

export interface SidebarProps {
  /** The sidebar's own element (the container moves focus and measures the page around it). */
  ref?: Ref<HTMLElement>;
  statusText: string;
  /** The status says CareSide cannot read this page properly: shown as an alert. */
  statusAlert?: boolean;
  /** Copies the page's diagnostics, offered on the alert. */
  onCopyDiagnostics?: () => Promise<boolean>;
  /** The read-share check's last look (shown as data attributes on the status line). */
  readShare?: { containers: number; read: number; healthyStart: boolean };
  mentions: MentionRowView[];
  /** First-response countdowns of logged rows still waiting for an answer. */
  dueLabels?: ReadonlyMap<string, DueLabel>;
  /** "backlog · posted 3 d ago" per row whose post is older than the backlog age. */
  backlogLabels?: ReadonlyMap<string, string>;
  /** Teammates replying to a row's post ("Priya is replying"), by post key. */
  replying?: ReadonlyMap<string, readonly string[]>;
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
  /** Takes a row off the list (remembered); rows show no Dismiss without it. */
  onDismiss?: (postKey: string) => void;
  /** Rows on this page the user dismissed, and how to list them again. */
  dismissedCount?: number;
  onRestoreDismissed?: () => void;
  onLog: (postKey: string) => void;
  /** Scroll the page to a row's post and outline it. */
  onShowPost?: (postKey: string) => void;
  /** Opens the case panel for a logged post. */
  onOpenCase?: (postKey: string) => void;
  /** The team's call on a row's verdict; rows show no correction control without it. */
  onCorrect?: (postKey: string, label: CorrectionLabel) => void;
  /** The row whose correction is on its way, and the last correction that failed. */
  correction?: CorrectionState;
  /** The open case panel; shown in place of the mention list. */
  casePanel?: ReactNode;
  /** Active spirals across all tabs; alerted even while the sidebar is collapsed. */
  spirals?: readonly Spiral[];
  /** Listed rows not rendered yet (less urgent than those shown), and how to show more of them. */
  hiddenCount?: number;
  /** What the list shows is behind what was read (aria-busy): more rows follow shortly. */
  updating?: boolean;
  onShowMore?: () => void;
  /** Pointer and focus handlers of the list: while either is in it, the rows shown keep their order. */
  listEvents?: ListHoldEvents;
  /** The rows shown are not the current order (held), how many rows wait, and how to apply it. */
  orderStale?: boolean;
  heldBackCount?: number;
  onApplyOrder?: () => void;
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

/** Where the sidebar's one correction request stands. */
export interface CorrectionState {
  pendingKey?: string | undefined;
  error?: { postKey: string; message: string } | undefined;
}

export function Sidebar({ ref, ...props }: SidebarProps) {
  const { statusText, mentions, noBrands, settingsError, casesError, onOpenOptions, mode, onModeChange, onLog, onOpenCase, casePanel } =
    props;
  const hiddenCount = props.hiddenCount ?? 0;
  const heldBackCount = props.heldBackCount ?? 0;
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
        <span className="cs-count">{mentions.length + hiddenCount + heldBackCount}</span>
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
          {casePanel ? null : (
            <div className="cs-list" {...props.listEvents}>
              {mentions.length > 0 ? (
                <ul className="cs-mentions">
                  {mentions.map((mention) => (
                    <MentionRow
                      key={mention.postKey}
                      mention={mention}
                      due={props.dueLabels?.get(mention.postKey)}
                      backlog={props.backlogLabels?.get(mention.postKey)}
                      replying={replyingLabel(props.replying?.get(mention.postKey))}
                      onLog={onLog}
                      {...(onOpenCase ? { onOpenCase } : {})}
                      {...(props.onShowPost ? { onShowPost: props.onShowPost } : {})}
                      {...(props.onDismiss ? { onDismiss: props.onDismiss } : {})}
                      {...(props.onCorrect ? { onCorrect: props.onCorrect } : {})}
                      correcting={props.correction?.pendingKey === mention.postKey}
                      correctionError={props.correction?.error?.postKey === mention.postKey ? props.correction.error.message : undefined}
                    />
                  ))}
                </ul>
              ) : null}
              {props.onApplyOrder ? (
                <OrderNotice stale={props.orderStale ?? false} heldBack={heldBackCount} onApply={props.onApplyOrder} />
              ) : null}
              {hiddenCount > 0 && props.onShowMore ? (
                <button type="button" className="cs-link cs-more" data-testid="careside-show-more" onClick={props.onShowMore}>
                  {t('sidebar.showMore', hiddenCount, { count: formatNumber(hiddenCount) })}
                </button>
              ) : null}
            </div>
          )}
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
