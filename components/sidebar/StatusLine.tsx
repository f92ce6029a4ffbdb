import { CopyDiagnosticsButton } from './CopyDiagnosticsButton';

export interface StatusLineProps {
  /** Which adapter ran, how many posts it read, how many mention a brand, or why there are none. */
  text: string;
  /** The text says CareSide cannot read this page properly (view-model healthWarning): shown as an alert. */
  alert?: boolean;
  /** Copies the page's diagnostics to the clipboard (offered with the alert); whether it worked. */
  onCopyDiagnostics?: () => Promise<boolean>;
  /** The read-share check's last look (read-share.ts), as data attributes for tests and devtools. */
  readShare?: { containers: number; read: number; healthyStart: boolean };
}

const readShareData = (readShare: StatusLineProps['readShare']) =>
  readShare ? { 'data-read-share': `${readShare.read}/${readShare.containers}`, 'data-healthy-start': String(readShare.healthyStart) } : {};

export function StatusLine({ text, alert = false, onCopyDiagnostics, readShare }: StatusLineProps) {
  if (alert) {
    return (
      <div className="cs-status-alert" data-health="warning">
        <p className="cs-status-alert-text" data-testid="careside-sidebar-status" role="alert" {...readShareData(readShare)}>
          {text}
        </p>
        {onCopyDiagnostics ? <CopyDiagnosticsButton onCopy={onCopyDiagnostics} /> : null}
      </div>
    );
  }
  return (
    <p className="cs-status" data-testid="careside-sidebar-status" aria-live="polite" {...readShareData(readShare)}>
      {text}
    </p>
  );
}
