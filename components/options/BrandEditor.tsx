import { t } from '../../lib/i18n/t';
import { emptyBrandDraft, resolveDraftIds, type BrandDraft } from '../../lib/settings/brand-form';
import type { ValidationIssue } from '../../lib/validation/issues';
import { BrandFields } from './BrandFields';

/** The list of brands: add, edit, remove. Changes stay local until Save. */
export function BrandEditor({
  brands,
  issues,
  onChange,
}: {
  brands: readonly BrandDraft[];
  issues: readonly ValidationIssue[];
  onChange: (brands: BrandDraft[]) => void;
}) {
  const ids = resolveDraftIds(brands);
  const update = (key: string, patch: Partial<BrandDraft>) =>
    onChange(brands.map((brand) => (brand.key === key ? { ...brand, ...patch } : brand)));

  return (
    <section className="options-section" aria-labelledby="options-brands-heading">
      <h2 id="options-brands-heading">{t('options.brands')}</h2>
      <p className="options-hint">{t('options.brandsHint')}</p>
      {brands.length === 0 && <p className="options-empty">{t('options.noBrands')}</p>}
      {brands.map((brand, index) => (
        <BrandFields
          key={brand.key}
          draft={brand}
          id={ids[index] ?? ''}
          index={index}
          issues={issues}
          onChange={(patch) => update(brand.key, patch)}
          onRemove={() => onChange(brands.filter((other) => other.key !== brand.key))}
        />
      ))}
      <button type="button" onClick={() => onChange([...brands, emptyBrandDraft()])} data-testid="options-add-brand">
        {t('options.addBrand')}
      </button>
    </section>
  );
}
