import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { builtInTemplates } from './built-in-templates';
import { defaultTemplates } from './default-templates';
import { chooseReplyLanguage } from './reply-language';

describe('chooseReplyLanguage', () => {
  it('replies in Spanish to a Spanish post, saying so', () => {
    const choice = chooseReplyLanguage('Llevo tres semanas esperando mi pedido y nadie me responde, es inaceptable', builtInTemplates());
    expect(choice).toEqual({ post: 'es', reply: 'es', note: 'Post in Spanish: replies in Spanish.' });
  });

  it('replies in English to an English post, with no note', () => {
    expect(chooseReplyLanguage('My order has not arrived and nobody answers', builtInTemplates())).toEqual({ post: 'en', reply: 'en' });
  });

  it('falls back to English when the post’s language has no templates, and says so', () => {
    const french = chooseReplyLanguage(
      "Toujours pas de remboursement depuis 3 semaines, c'est une honte pour le service client",
      builtInTemplates(),
    );
    expect(french).toEqual({ post: 'fr', reply: 'en', note: 'Post in French: no French templates, English shown.' });
    // Spanish without Spanish templates (a template list of English only) falls back too.
    const spanish = chooseReplyLanguage('Llevo tres semanas esperando mi pedido y nadie me responde', defaultTemplates());
    expect(spanish.reply).toBe('en');
    expect(spanish.note).toBe('Post in Spanish: no Spanish templates, English shown.');
  });

  it('words the note in the reader’s language, naming the post’s language in it', () => {
    installLocaleMessages(fakeBrowser.i18n, 'es', 'es');
    const notes = [
      chooseReplyLanguage('Llevo tres semanas esperando mi pedido y nadie me responde, es inaceptable', builtInTemplates()).note,
      chooseReplyLanguage("Toujours pas de remboursement depuis 3 semaines, c'est une honte pour le service client", builtInTemplates())
        .note,
    ];
    expect(notes).toEqual([
      'Publicación en español: respuestas en español.',
      'Publicación en francés: no hay plantillas en francés, se muestran en inglés.',
    ]);
    expect(englishLeaks(notes.join('\n'))).toEqual([]);
  });
});
