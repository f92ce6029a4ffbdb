/** No open cases, brands configured (without brands the popup leads with SetupFirstBrand instead). */
export function EmptyState() {
  return (
    <section className="popup-section popup-empty" data-testid="popup-empty">
      <p>No open cases.</p>
      <p className="popup-muted">Posts that mention your brands on X, Facebook and Yelp can be logged as you browse.</p>
    </section>
  );
}
