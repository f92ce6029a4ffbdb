import { CopyDiagnosticsButton } from './CopyDiagnosticsButton';

export interface StatusLineProps {
  /** Which adapter ran, how many posts it read, how many mention a brand, or why there are none. */
  text: string;
  /** The text says CareSide cannot read this page properly (view-model healthWarning): shown as an alert. */
  alert?: boolean;
  /** Copies the page's diagnostics to the clipboard (offered with the alert); whether it worked. */
  onCopyDiagnostics?: () => Promise<boolean>;
}

export function StatusLine({ text, alert = false, onCopyDiagnostics }: StatusLineProps) {
  if (alert) {
    return (
      <div className="cs-status-alert" data-health="warning">
        <p className="cs-status-alert-text" data-testid="careside-sidebar-status" role="alert">
          {text}
        </p>
        {onCopyDiagnostics ? <CopyDiagnosticsButton onCopy={onCopyDiagnostics} /> : null}
      </div>
    );
  }
  return (
    <p className="cs-status" data-testid="careside-sidebar-status" aria-live="polite">
      {text}
    </p>
  );
}
