import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HandoffChannelConfigSchema } from '../domain/brand-handoff';
import { PostSchema } from '../domain/post';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { listHandoffTargets } from './build';
import { contactFormUrl, HandoffError, mailtoUrl, messengerUrl, xDmComposeUrl, xProfileUrl } from './links';

const BASE = { postId: '1', kind: 'post' as const, authorName: 'Dana K.', text: 'Where is my refund?', reach: {} };
const config = HandoffChannelConfigSchema.parse({
  x: { dm: true },
  facebook: { messengerPage: 'AcmeAir' },
  email: { address: 'care@acme.example' },
  contactForm: { url: 'https://acme.example/contact', param: 'case' },
});

function labels(platform: 'x' | 'yelp', extra: Record<string, string> = {}) {
  const url = platform === 'x' ? 'https://x.com/dana_k/status/1' : 'https://www.yelp.com/biz/acme-sf?hrid=1';
  const post = PostSchema.parse({ ...BASE, platform, url, ...extra });
  return listHandoffTargets({ post, caseRef: 'CS-7F3K', brandName: 'Acme', config, privateMessage: 'Hola' }).map((target) => target.label);
}

// Handoff buttons are the agent's UI: they follow the browser's language (messages to the customer do not).
describe('handoff labels in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('labels every channel in Spanish', () => {
    expect(labels('x', { authorHandle: 'dana_k', authorId: '783214' })).toEqual([
      'Abrir MD con @dana_k',
      'Darle nuestro correo (care@acme.example)',
      'Enlace al formulario de contacto',
    ]);
    expect(labels('x', { authorHandle: 'dana_k' })[0]).toBe('Abrir el perfil de @dana_k para enviar un MD');
    expect(labels('yelp')[0]).toBe('Escribir a Dana en Yelp');
  });
});

function refusal(build: () => string): string {
  try {
    build();
  } catch (error) {
    if (error instanceof HandoffError) return error.message;
    throw error;
  }
  throw new Error('the link was built');
}

describe('handoff link refusals in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('words every refused id, handle, page, address and URL in Spanish, quoting the bad value', () => {
    const refusals = [
      refusal(() => xDmComposeUrl('12a', 'Hola')),
      refusal(() => xProfileUrl('dana/k')),
      refusal(() => messengerUrl('acme/../x')),
      refusal(() => mailtoUrl({ address: 'care at acme', subject: 'Caso', body: '' })),
      refusal(() => contactFormUrl('http://acme.example/contact', 'case', 'CS-7F3K')),
    ];
    expect(refusals).toEqual([
      'El ID de usuario de X debe tener solo dígitos, no «12a».',
      '«dana/k» no es un usuario de X.',
      '«acme/../x» no es un nombre de usuario de página de Facebook.',
      '«care at acme» no es una dirección de correo.',
      'La URL del formulario de contacto debe ser https: «http://acme.example/contact».',
    ]);
    expect(englishLeaks(refusals.join('\n'))).toEqual([]);
  });
});
