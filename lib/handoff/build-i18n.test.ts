import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HandoffChannelConfigSchema } from '../domain/brand-handoff';
import { PostSchema } from '../domain/post';
import { installLocaleMessages } from '../i18n/testing';
import { listHandoffTargets } from './build';

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
