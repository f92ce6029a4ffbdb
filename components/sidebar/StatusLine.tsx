export interface StatusLineProps {
  /** Which adapter ran, how many posts it read, how many mention a brand, or why there are none. */
  text: string;
  /** The text says CareSide cannot read this page properly (view-model healthWarning): shown as an alert. */
  alert?: boolean;
}

export function StatusLine({ text, alert = false }: StatusLineProps) {
  if (alert) {
    return (
      <p className="cs-status cs-status-alert" data-testid="careside-sidebar-status" data-health="warning" role="alert">
        {text}
      </p>
    );
  }
  return (
    <p className="cs-status" data-testid="careside-sidebar-status" aria-live="polite">
      {text}
    </p>
  );
}
