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
      <h2 id="options-brands-heading">Brands</h2>
      <p className="options-hint">
        CareSide flags posts on X, Facebook and Yelp that mention these brands. Posts by the brand&apos;s own accounts are not flagged.
      </p>
      {brands.length === 0 && <p className="options-empty">No brands yet. Add the first one.</p>}
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
        Add brand
      </button>
    </section>
  );
}
