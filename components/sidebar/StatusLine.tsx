export interface StatusLineProps {
  /** Which adapter ran, how many posts it read, how many mention a brand, or why there are none. */
  text: string;
}

export function StatusLine({ text }: StatusLineProps) {
  return (
    <p className="cs-status" data-testid="careside-sidebar-status" aria-live="polite">
      {text}
    </p>
  );
}
