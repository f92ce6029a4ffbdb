import type { ReactNode } from 'react';

export interface Message {
  kind: 'success' | 'error' | 'info';
  text: string;
  details?: string[];
}

/** The one place save/import/export results appear; a live region so screen readers hear them. */
export function OptionsMessage({ message, children }: { message: Message | null; children?: ReactNode }) {
  return (
    <div
      className={`options-message${message ? ` options-message-${message.kind}` : ''}`}
      data-testid="options-message"
      data-kind={message?.kind}
      role="status"
      aria-live="polite"
    >
      {message && (
        <>
          <p>{message.text}</p>
          {message.details && message.details.length > 0 && (
            <ul>
              {message.details.map((detail, index) => (
                <li key={index}>{detail}</li>
              ))}
            </ul>
          )}
          {children}
        </>
      )}
    </div>
  );
}
