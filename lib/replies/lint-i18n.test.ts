import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installLocaleMessages } from '../i18n/testing';
import { lintReply } from './lint';

const X = { platform: 'x' as const };
const messages = (text: string, options: Parameters<typeof lintReply>[1] = X) => lintReply(text, options).map((finding) => finding.message);

// The findings are read by the agent: they follow the browser's UI language, not the reply's.
describe('reply-check findings in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('words each finding in Spanish, quoting the reply as written', () => {
    expect(messages('')).toEqual(['La respuesta está vacía.']);
    expect(messages('Hi {customerName}, DM us your order number.')).toContain('«{customerName}» no se ha rellenado.');
    expect(messages('We apologize for any inconvenience.')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^«apologize for any inconvenience» es una frase hecha/),
        expect.stringMatching(/^Falta un siguiente paso/),
      ]),
    );
    expect(messages('Write to jane@example.com, DM us')).toContain(
      'Esta respuesta pública muestra una dirección de correo. Pasa los datos personales al canal privado.',
    );
  });

  it('counts and limits with Spanish numbers and names the channel', () => {
    const long = messages('DM us. ' + 'a'.repeat(9_000), { platform: 'facebook' });
    expect(long).toContain(
      'Demasiado larga para un comentario de Facebook. Tiene 9007 caracteres; el límite de un comentario de Facebook es 8000.',
    );
    expect(messages('DM us.\u202e\u202e')).toContain(
      'La respuesta contiene 2 caracteres invisibles de dirección o formato (suelen venir pegados de un nombre malicioso); X los rechaza. Elimínalos.',
    );
    expect(messages('DM us, we will fix it within 24 hours.', { ...X, targetMinutes: 15 })[0]).toMatch(
      /objetivo de respuesta de este caso \(15 min\)/,
    );
  });
});
