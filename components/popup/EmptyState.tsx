import { OptionsLink } from '../common/OptionsLink';

export function EmptyState({ hasBrands }: { hasBrands: boolean }) {
  return (
    <section className="popup-section popup-empty" data-testid="popup-empty">
      <p>No open cases.</p>
      {hasBrands ? (
        <p className="popup-muted">Posts that mention your brands on X, Facebook and Yelp can be logged as you browse.</p>
      ) : (
        <p>
          No brands configured yet. <OptionsLink>Configure brands in Options</OptionsLink>
        </p>
      )}
    </section>
  );
}
