import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installLocaleMessages } from '../i18n/testing';
import { issuesFromZod } from '../validation/issues';
import { z } from '../validation/zod';
import { normalizeHandle } from './brand-handles';

describe('settings validation messages in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('refuses a handle with spaces in Spanish, quoting what was pasted', () => {
    expect(normalizeHandle('x', '@Acme Air Help')).toEqual({
      error: '«@Acme Air Help» no es un usuario: un usuario de X es una sola palabra de letras, cifras y _ (hasta 15), p. ej. AcmeAirHelp',
    });
    expect(normalizeHandle('facebook', '  ')).toEqual({ error: 'no puede estar vacío' });
  });

  it('words schema issues in Spanish', () => {
    const schema = z.object({ name: z.string().min(1).max(3), count: z.number() });
    const input = { name: 'Acme', count: 'x' };
    const result = schema.safeParse(input);
    expect(result.success ? [] : issuesFromZod(result.error, input).map((issue) => issue.message)).toEqual([
      'es demasiado largo (máximo 3 caracteres)',
      'debería ser un número, no texto',
    ]);
  });
});
