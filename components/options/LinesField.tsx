import { useId } from 'react';

/** A labelled textarea edited as one entry per line. */
export function LinesField({
  label,
  hint,
  value,
  onChange,
  name,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  name: string;
}) {
  const id = useId();
  return (
    <div className="options-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={3}
        value={value}
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="options-hint">
        {hint}
      </p>
    </div>
  );
}
