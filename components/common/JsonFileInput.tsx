/** A picker for one JSON file. It is cleared after each choice, so choosing the same file again still reports it. */
export function JsonFileInput({
  id,
  testId,
  disabled = false,
  onFile,
}: {
  id: string;
  testId: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}) {
  return (
    <input
      id={id}
      type="file"
      accept=".json,application/json"
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
