import { describe, expect, it } from 'vitest';
import { fillSavedReply, replaceSlashQuery, SavedReplySchema, searchSavedReplies, slashQueryAt, type SavedReply } from './saved-replies';

const reply = (id: string, title: string, body: string): SavedReply => ({ id, brandId: 'acme-air', title, body });
const REPLIES = [
  reply('baggage', 'Baggage desk hours', 'The baggage desk is open from the first to the last flight.'),
  reply('refund', 'Refund timeline', 'Refunds reach your card within 7 days. Case {caseRef}.'),
  reply('reembolso', 'Reembolsó: plazos', 'Los reembolsos llegan en 7 días.'),
  reply('wifi', 'Wi-Fi on board', 'Refund for Wi-Fi that did not work: reply with your seat.'),
];

describe('searchSavedReplies', () => {
  it('lists every reply for an empty query, in saved order', () => {
    expect(searchSavedReplies(REPLIES, '').map((r) => r.id)).toEqual(['baggage', 'refund', 'reembolso', 'wifi']);
  });

  it('finds by title first (prefix before contains), then by body, ignoring case and accents', () => {
    expect(searchSavedReplies(REPLIES, 'ref').map((r) => r.id)).toEqual(['refund', 'wifi']);
    expect(searchSavedReplies(REPLIES, 'REEMBOLSO').map((r) => r.id)).toEqual(['reembolso']);
    expect(searchSavedReplies(REPLIES, 'desk last').map((r) => r.id)).toEqual(['baggage']);
    expect(searchSavedReplies(REPLIES, 'nothing like it')).toEqual([]);
  });

  it('shows at most the list size', () => {
    const many = Array.from({ length: 20 }, (_, index) => reply(`r${index}`, `Reply ${index}`, 'text'));
    expect(searchSavedReplies(many, 'reply')).toHaveLength(8);
  });
});

describe('slashQueryAt', () => {
  it('opens on "/" at the start or after a space, with what follows up to the caret', () => {
    expect(slashQueryAt('/ref', 4)).toEqual({ start: 0, query: 'ref' });
    expect(slashQueryAt('Hi there /bag des', 17)).toEqual({ start: 9, query: 'bag des' });
    expect(slashQueryAt('Hi\n/', 4)).toEqual({ start: 3, query: '' });
  });

  it('never opens inside "24/7", a link, or past a line break', () => {
    expect(slashQueryAt('open 24/7', 9)).toBeUndefined();
    expect(slashQueryAt('see https://acme.example/help', 29)).toBeUndefined();
    expect(slashQueryAt('/ref\nmore', 9)).toBeUndefined();
    expect(slashQueryAt(`/${'x'.repeat(41)}`, 42)).toBeUndefined();
    expect(slashQueryAt('no slash', 8)).toBeUndefined();
  });
});

describe('inserting', () => {
  it('replaces the "/query" with the reply and puts the caret after it', () => {
    const text = 'Hi @dana /ref thanks';
    const slash = slashQueryAt(text, 13)!;
    expect(replaceSlashQuery(text, slash, 'Refunds take 7 days.')).toEqual({ text: 'Hi @dana Refunds take 7 days. thanks', caret: 29 });
  });

  it('fills the variables it has values for and leaves the others for the linter', () => {
    expect(fillSavedReply('{firstName} case {caseRef} via {handoffLink}', { firstName: '@dana', caseRef: 'CS-7F3K' })).toBe(
      '@dana case CS-7F3K via {handoffLink}',
    );
  });
});

describe('SavedReplySchema', () => {
  it('needs a title and a body with known variables only', () => {
    expect(SavedReplySchema.safeParse(reply('ok', 'Title', 'Body {caseRef}')).success).toBe(true);
    expect(SavedReplySchema.safeParse(reply('ok', '  ', 'Body')).success).toBe(false);
    expect(SavedReplySchema.safeParse(reply('ok', 'Title', '   ')).success).toBe(false);
    expect(SavedReplySchema.safeParse(reply('ok', 'Title', 'Hi {firstname}')).success).toBe(false);
    expect(SavedReplySchema.safeParse(reply('Not An Id', 'Title', 'Body')).success).toBe(false);
  });
});
