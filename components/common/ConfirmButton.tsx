import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface ConfirmButtonProps {
  /** The button that asks first, e.g. "Delete case". */
  label: string;
  /** What will happen, in words (names the case or says how many). */
  question: ReactNode;
  /** The button that does it, e.g. "Delete CS-7F3K". */
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  /** Hooks for tests: `<testId>`, `<testId>-question`, `<testId>-confirm`, `<testId>-cancel`. */
  testId: string;
  /** Extra content inside the confirmation (e.g. a checkbox). */
  children?: ReactNode;
  /** False while something the confirmation needs (a typed word) is missing. */
  canConfirm?: boolean;
}

/**
 * A destructive action behind an inline confirmation step (not window.confirm): focus moves to
 * Cancel, so Enter never destroys by accident; Escape or Cancel return focus to the button.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  testId,
  children,
  canConfirm = true,
}: ConfirmButtonProps) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking || !returnFocus.current) return;
    returnFocus.current = false;
    trigger.current?.focus();
  }, [asking]);

  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  if (!asking) {
    return (
      <button ref={trigger} type="button" data-testid={testId} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div
      className="confirm-step"
      role="group"
      aria-labelledby={`${id}-question`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancel();
      }}
    >
      <p id={`${id}-question`} data-testid={`${testId}-question`}>
        {question}
      </p>
      {children}
      <div className="confirm-step-actions">
        <button
          type="button"
          className="danger"
          data-testid={`${testId}-confirm`}
          disabled={!canConfirm}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        {/* The safe choice gets focus when the step opens. */}
        <button type="button" data-testid={`${testId}-cancel`} onClick={cancel} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  );
}
