import { useId } from 'react';
import { FieldErrors } from './TextField';

/** A labelled textarea edited as one entry per line, with its validation errors shown inline. */
export function LinesField({
  label,
  hint,
  value,
  onChange,
  name,
  errors = [],
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  name: string;
  errors?: readonly string[];
}) {
  const id = useId();
  const describedBy = [`${id}-hint`, errors.length > 0 ? `${id}-errors` : ''].filter(Boolean).join(' ');
  return (
    <div className="options-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={3}
        value={value}
        spellCheck={false}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="options-hint">
        {hint}
      </p>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}
