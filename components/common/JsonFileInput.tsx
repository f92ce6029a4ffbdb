/** A picker for one file (JSON unless `accept` says otherwise). It is cleared after each choice, so choosing the same file again still reports it. */
export function JsonFileInput({
  id,
  testId,
  disabled = false,
  accept = '.json,application/json',
  onFile,
}: {
  id: string;
  testId: string;
  disabled?: boolean;
  /** The picker's file types; JSON unless given. */
  accept?: string;
  onFile: (file: File) => void;
}) {
  return (
    <input
      id={id}
      type="file"
      accept={accept}
      data-testid={testId}
      disabled={disabled}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
