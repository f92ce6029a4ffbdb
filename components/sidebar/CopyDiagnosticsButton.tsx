import { useRef, useState } from 'react';
import { t } from '../../lib/i18n/t';

/** How long the button says "Copied" before it offers to copy again. */
const COPIED_FOR_MS = 4_000;

type CopyState = 'idle' | 'copying' | 'copied' | 'failed';

/**
 * One literal key per call: a union-typed key makes TypeScript try every message overload of t(), which cost ESLint's
 * type-aware no-misused-promises 155 s on this file alone.
 */
function buttonLabel(state: CopyState): string {
  if (state === 'copying') return t('sidebar.copying');
  if (state === 'copied') return `✓ ${t('sidebar.copied')}`;
  return t('sidebar.copyDiagnostics');
}

function noteText(state: CopyState): string {
  if (state === 'failed') return t('sidebar.copyFailed');
  if (state === 'copied') return t('sidebar.copiedNote');
  return t('sidebar.copyNote');
}

/** "Copy diagnostics" on the health warning: says "Copied" once the clipboard has it. */
export function CopyDiagnosticsButton({ onCopy }: { onCopy: () => Promise<boolean> }) {
  const [state, setState] = useState<CopyState>('idle');
  const resetTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const copy = async () => {
    clearTimeout(resetTimer.current);
    setState('copying');
    const copied = await onCopy().catch(() => false);
    setState(copied ? 'copied' : 'failed');
    resetTimer.current = setTimeout(() => setState('idle'), COPIED_FOR_MS);
  };
  return (
    <div className="cs-status-alert-actions">
      <button
        type="button"
        className="cs-button cs-diagnostics-button"
        data-testid="careside-copy-diagnostics"
        data-state={state}
        disabled={state === 'copying'}
        onClick={() => void copy()}
      >
        {buttonLabel(state)}
      </button>
      <span className="cs-diagnostics-note" aria-live="polite">
        {noteText(state)}
      </span>
    </div>
  );
}
