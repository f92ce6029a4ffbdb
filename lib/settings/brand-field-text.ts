/**
 * Labels and hints of a brand's handle fields, shared by the options page and the welcome page so
 * both say the same thing about what counts.
 */
export const HANDLE_FIELD_TEXT = {
  handlesX: {
    label: 'X handles',
    hint: "The brand's own X accounts, one per line, e.g. AcmeAirHelp (an @ or the profile address works too). Posts that @mention them count as mentions; posts by them are the brand's own.",
  },
  handlesFacebook: {
    label: 'Facebook pages',
    hint: "The brand's own Facebook page usernames, one per line, e.g. AcmeAir (or paste the page address). Posts by these pages are the brand's own.",
  },
  handlesYelp: {
    label: 'Yelp businesses',
    hint: "The brand's Yelp business pages, one per line: paste the address (yelp.com/biz/…) or the id after /biz/.",
  },
} as const;
