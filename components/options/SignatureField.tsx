import { useId } from 'react';

export function SignatureField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <section className="options-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Replies</h2>
      <div className="options-field">
        <label htmlFor={id}>Agent signature</label>
        <input
          id={id}
          name="agentSignature"
          type="text"
          maxLength={50}
          placeholder="^Dana"
          value={value}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(event.target.value)}
        />
        <p id={`${id}-hint`} className="options-hint">
          Added to the end of suggested replies. Up to 50 characters. Kept in this browser only: not exported, and never replaced by an
          import.
        </p>
      </div>
    </section>
  );
}
