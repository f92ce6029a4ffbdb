import { describe, expect, it } from 'vitest';
import { findHandoffClaim, lintReply, type LintOptions } from './lint';

const X: LintOptions = { platform: 'x', handedOff: [], targetMinutes: 60 };
const codes = (text: string, options: LintOptions = X) => lintReply(text, options).map((f) => f.code);

describe('lintReply in Spanish', () => {
  it('passes a good Spanish reply', () => {
    const text = '@dana Lamento mucho que tu maleta no haya llegado. Te enviaremos un DM sobre el caso CS-7F3K en un plazo de 1 hora. ^Sam';
    expect(lintReply(text, X)).toEqual([]);
  });

  it('flags "te he enviado un DM" and "revisa tus mensajes" until the handoff is on the timeline', () => {
    for (const text of [
      'Te he enviado un DM sobre el caso CS-7F3K.',
      'Le hemos enviado un mensaje privado (caso CS-7F3K).',
      'Te enviamos un MD con el caso CS-7F3K.',
      'Te acabo de enviar un correo, caso CS-7F3K.',
      'Revisa tus mensajes directos, caso CS-7F3K.',
      'Ya te hemos contactado, caso CS-7F3K.',
    ]) {
      expect(codes(text), text).toContain('unverified_claim');
    }
    expect(codes('Te he enviado un DM sobre el caso CS-7F3K.', { ...X, handedOff: ['x_dm'] })).not.toContain('unverified_claim');
    // An email claim is never backed by a DM handoff.
    expect(codes('Te he enviado un correo sobre el caso CS-7F3K.', { ...X, handedOff: ['x_dm'] })).toContain('unverified_claim');
  });

  it('does not take a promise ("te enviaremos", "le vamos a escribir") for a claim', () => {
    expect(findHandoffClaim('Te enviaremos un DM sobre el caso CS-7F3K.')).toBeUndefined();
    expect(findHandoffClaim('Le enviaremos un mensaje privado en un plazo de 1 hora.')).toBeUndefined();
    expect(findHandoffClaim('Te he enviado un DM.')?.channel).toBe('dm');
    expect(findHandoffClaim('Le hemos enviado un correo.')?.channel).toBe('email');
  });

  it('flags promised times beyond the target', () => {
    expect(codes('Te responderemos en un plazo de 24 horas (caso CS-7F3K).')).toContain('promise_beyond_target');
    expect(codes('Te responderemos dentro de dos días, caso CS-7F3K.')).toContain('promise_beyond_target');
    expect(codes('Te responderemos en menos de 30 minutos, caso CS-7F3K.')).not.toContain('promise_beyond_target');
    expect(codes('Te responderemos en un plazo de 1 hora, caso CS-7F3K.')).not.toContain('promise_beyond_target');
  });

  it('flags Spanish stock phrases and accepts Spanish next steps', () => {
    expect(codes('Disculpe las molestias ocasionadas. Escríbanos por mensaje privado.')).toContain('lip_service');
    expect(codes('Su opinión es muy importante para nosotros. Escríbanos por mensaje privado.')).toContain('lip_service');
    expect(codes('Gracias por su paciencia.')).toEqual(expect.arrayContaining(['lip_service', 'no_next_step']));
    expect(codes('Gracias por su paciencia. Escríbanos por mensaje privado.')).not.toContain('no_next_step');
    expect(codes('Lo sentimos mucho.')).toContain('no_next_step');
  });

  it('flags Spanish order and booking numbers in public', () => {
    expect(codes('Hemos encontrado tu pedido n.º 4821377, caso CS-7F3K.')).toContain('personal_data');
    expect(codes('Tu localizador ABC123 ya está cambiado, caso CS-7F3K.')).toContain('personal_data');
    expect(codes('Envíanos el número de pedido por DM, caso CS-7F3K.')).not.toContain('personal_data');
  });
});
