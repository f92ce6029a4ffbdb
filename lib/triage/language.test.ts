import { describe, expect, it } from 'vitest';
import { detectComplaint, triagePost } from './index';
import { detectLanguage } from './language';
import { normalizeText } from './text';

const language = (text: string) => detectLanguage(normalizeText(text));
const acme = { brandTerms: ['Acme', 'Acme Air', '@AcmeAir'] };

describe('language detection', () => {
  it.each([
    ['en', '@AcmeAir my flight was cancelled and nobody at the desk can help'],
    ['en', 'Love it'],
    ['en', 'How do I do that?'],
    ['es', 'Mi vuelo fue cancelado y nadie responde, es una vergüenza'],
    ['fr', 'Mon colis est toujours pas arrivé et personne ne répond depuis une semaine'],
    ['de', 'Mein Paket ist seit fünf Tagen verspätet und niemand antwortet'],
    ['pt', 'Meu pedido ainda não chegou e ninguém responde'],
    ['ja', '荷物が届かない。三日経っても返信がない、最悪です'],
    ['zh', '我的行李在桃園機場遺失了，三天了客服都沒有回覆，太失望了'],
    ['ko', '짐이 분실되었습니다. 아무도 답을 안 해요'],
    ['it', 'Il mio volo è stato cancellato e nessuno risponde, che vergogna'],
  ])('%s: %s', (expected, text) => {
    expect(language(text)).toBe(expected);
  });

  it('does not read links or handles as words of another language', () => {
    expect(language('@SouthwestAir https://t.co/OQUKSo3s2O subscribe please https://t.co/OQUKSo3s2O')).toBe('en');
  });
});

describe('complaints in other languages', () => {
  it.each([
    'Mi vuelo fue cancelado y nadie responde, es una vergüenza',
    '@AcmeAir llevo 3 días esperando mi maleta y todavía no me han respondido',
    "Mon colis n'est toujours pas arrivé et personne ne répond, c'est honteux",
    'Remboursement toujours pas reçu après trois semaines, inadmissible',
    'Mein Paket ist seit 5 Tagen verspätet und niemand antwortet',
    'Die App funktioniert nicht und der Kundenservice ist eine Frechheit',
    'Meu pedido ainda não chegou e ninguém responde, péssimo atendimento',
    'Cobraram duas vezes no meu cartão, quero o reembolso',
    '荷物が届かない。三日経っても返信がない、最悪です',
    'アプリが動かない。サポートに連絡したのに返事がない',
    '我的行李在桃園機場遺失了，三天了客服都沒有回覆，太失望了',
    '订单已经等了5天还没收到，客服也不回复，太差了',
  ])('flags %s', (text) => {
    const result = detectComplaint(text, acme);
    expect(result.isComplaint).toBe(true);
    expect(result.cues[0]).toMatch(/complaint cue/);
  });

  it.each([
    'Muchas gracias por la ayuda, el vuelo fue perfecto',
    'Merci pour votre aide, le vol était parfait',
    'Vielen Dank für die schnelle Hilfe, alles bestens',
    'Obrigado pela ajuda, o voo foi ótimo',
    'ありがとうございます、とても快適なフライトでした',
    '谢谢你们的帮助，航班非常准时',
  ])('does not flag %s', (text) => {
    expect(detectComplaint(text, acme).isComplaint).toBe(false);
  });

  it('says when it cannot judge a language, instead of "not a complaint"', () => {
    const result = triagePost(
      { kind: 'post', text: '@AcmeAir 짐이 분실되었습니다. 3일째 아무도 답을 안 해요', reach: { views: 2_000 } },
      acme,
    );
    expect(result.complaint.isComplaint).toBe(false);
    expect(result.complaint.cues).toEqual(['language: ko, complaint not judged']);
    expect(result.priority.explanation).toBe('P4: ko: complaint not judged, ranked by reach, 2k views');
  });

  it('judges a zh-TW lost-luggage complaint with no reply in 3 days', () => {
    const result = triagePost(
      { kind: 'post', text: '@AcmeAir 我的行李在桃園機場遺失了，三天了客服都沒有回覆', reach: { views: 2_000 } },
      acme,
    );
    expect(result.complaint.isComplaint).toBe(true);
    expect(result.priority.explanation).toMatch(/^P\d: complaint/);
  });
});
