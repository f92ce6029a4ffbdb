import { useId, type ReactNode } from 'react';

/** Problems with one field, announced next to it. */
export function FieldErrors({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="options-field-errors" role="alert">
      {errors.map((error, index) => (
        <li key={index}>{error}</li>
      ))}
    </ul>
  );
}

/** A labelled one-line input with an optional hint and its validation errors shown inline. */
export function TextField({
  label,
  value,
  onChange,
  name,
  hint,
  errors = [],
  placeholder,
  inputMode,
  maxLength,
  suffix,
  type = 'text',
  autoComplete,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  name: string;
  hint?: string;
  errors?: readonly string[];
  placeholder?: string;
  /** Keyboard hint only: the input stays type="text" so what was typed is kept and checked as typed. */
  inputMode?: 'text' | 'numeric' | 'email' | 'url';
  maxLength?: number;
  /** Shown after the input, e.g. "minutes (4 h)". */
  suffix?: ReactNode;
  type?: 'text' | 'password';
  autoComplete?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', errors.length > 0 ? `${id}-errors` : ''].filter(Boolean).join(' ');
  return (
    <div className="options-field">
      <label htmlFor={id}>{label}</label>
      <div className="options-input-row">
        <input
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          value={value}
          placeholder={placeholder}
          maxLength={maxLength}
          spellCheck={false}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        {suffix && <span className="options-suffix">{suffix}</span>}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="options-hint">
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}
