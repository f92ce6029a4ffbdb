import { INDUSTRIES, IndustrySchema, type Industry } from '../../lib/domain/industry';
import { t } from '../../lib/i18n/t';

/** The brand's industry, as the options page and the welcome page both ask for it. */
export function IndustrySelect({ id, value, onChange }: { id: string; value: Industry; onChange: (industry: Industry) => void }) {
  return (
    <select
      id={id}
      name="industry"
      value={value}
      aria-describedby={`${id}-hint`}
      onChange={(event) => {
        const parsed = IndustrySchema.safeParse(event.target.value);
        if (parsed.success) onChange(parsed.data);
      }}
    >
      {INDUSTRIES.map((industry) => (
        <option key={industry} value={industry}>
          {t(`industry.${industry}`)}
        </option>
      ))}
    </select>
  );
}
