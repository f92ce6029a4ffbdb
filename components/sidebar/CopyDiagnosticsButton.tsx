import { useRef, useState } from 'react';
import { t, type MessageKey } from '../../lib/i18n/t';

/** How long the button says "Copied" before it offers to copy again. */
const COPIED_FOR_MS = 4_000;

type CopyState = 'idle' | 'copying' | 'copied' | 'failed';

const LABELS: Record<CopyState, MessageKey> = {
  idle: 'sidebar.copyDiagnostics',
  copying: 'sidebar.copying',
  copied: 'sidebar.copied',
  failed: 'sidebar.copyFailed',
};

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
        {state === 'copied' ? `✓ ${t(LABELS.copied)}` : t(LABELS[state === 'failed' ? 'idle' : state])}
      </button>
      <span className="cs-diagnostics-note" aria-live="polite">
        {state === 'failed' ? t(LABELS.failed) : state === 'copied' ? t('sidebar.copiedNote') : t('sidebar.copyNote')}
      </span>
    </div>
  );
}
