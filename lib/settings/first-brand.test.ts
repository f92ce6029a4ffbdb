import { describe, expect, it } from 'vitest';
import { emptyBrandDraft } from './brand-form';
import { checkFirstBrand } from './first-brand';
import { DEFAULT_SETTINGS, SettingsSchema } from './schema';

const brand = (patch: Partial<ReturnType<typeof emptyBrandDraft>>) => ({ ...emptyBrandDraft(), ...patch });

describe('checkFirstBrand', () => {
  it('adds the brand to the stored settings, with handles normalised and the id made from the name', () => {
    const stored = SettingsSchema.parse({ version: 1, brands: [], agentSignature: '^Dana' });
    const checked = checkFirstBrand(
      stored,
      brand({
        name: 'Acme Air',
        industry: 'airline_travel',
        handlesX: '@AcmeAirHelp\nhttps://x.com/AcmeAir',
        handlesYelp: 'https://www.yelp.com/biz/acme-air-sfo?osq=acme',
      }),
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.settings.agentSignature).toBe('^Dana');
    expect(checked.settings.brands).toEqual([
      expect.objectContaining({
        id: 'acme-air',
        name: 'Acme Air',
        industry: 'airline_travel',
        handles: { x: ['AcmeAirHelp', 'AcmeAir'], facebook: [], yelp: ['acme-air-sfo'] },
      }),
    ]);
  });

  it('refuses a handle that is no handle, with the sentence and the field it is in', () => {
    const checked = checkFirstBrand(DEFAULT_SETTINGS, brand({ name: 'Acme Air', handlesX: '@Acme Air Help' }));
    expect(checked).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: ['brands', 0, 'handles', 'x', 0] })],
      messages: [
        'Brand 1 "Acme Air", X handles entry 1: "@Acme Air Help" is not a handle: an X handle is one word of letters, digits and _ (up to 15), e.g. AcmeAirHelp',
      ],
    });
  });
});
