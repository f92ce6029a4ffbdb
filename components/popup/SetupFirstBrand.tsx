import { browser } from 'wxt/browser';

/** What the popup leads with before any brand is configured: the way to the welcome page, not a grid of zeros. */
export function SetupFirstBrand() {
  return (
    <section className="popup-section popup-setup" data-testid="popup-setup">
      <h2>Set up your first brand</h2>
      <p>Tell CareSide which brand to watch and its own accounts on X, Facebook and Yelp; it takes a minute.</p>
      <a
        className="popup-setup-link"
        href={browser.runtime.getURL('/welcome.html')}
        target="_blank"
        rel="noopener"
        data-testid="popup-setup-link"
      >
        Set up your first brand
      </a>
    </section>
  );
}
