import { describe, expect, it } from 'vitest';
import type { SavedReply } from '../replies/saved-replies';
import { checkSavedReplyDraft, previewSavedReply, upsertSavedReply } from './saved-reply-draft';
import { parseSettingsImport, exportSettings } from './io';
import { SettingsSchema } from './schema';

const existing: SavedReply = { id: 'refund-timeline', brandId: 'acme-air', title: 'Refund timeline', body: 'Refunds take 7 days.' };

describe('checkSavedReplyDraft', () => {
  it('makes the id from the title, unique among the others, and keeps it when editing', () => {
    const added = checkSavedReplyDraft({ brandId: 'acme-air', title: ' Refund timeline ', body: 'Again {caseRef}' }, [existing], null);
    expect(added).toEqual({
      ok: true,
      reply: { id: 'refund-timeline-2', brandId: 'acme-air', title: 'Refund timeline', body: 'Again {caseRef}' },
    });
    const edited = checkSavedReplyDraft({ brandId: 'acme-air', title: 'Refunds', body: 'x' }, [], 'refund-timeline');
    expect(edited.ok && edited.reply.id).toBe('refund-timeline');
  });

  it('says what is wrong with an empty title, an empty body or an unknown variable', () => {
    const checked = checkSavedReplyDraft({ brandId: 'acme-air', title: '', body: 'Hi {firstname}' }, [], null);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues.map((issue) => issue.path[0])).toEqual(['title', 'body']);
    expect(checked.issues[1]!.message).toMatch(/Unknown template variable \{firstname\}/);
  });

  it('upserts in place or at the end, and lints the body as an X reply', () => {
    const updated = { ...existing, body: 'New' };
    expect(upsertSavedReply([existing], updated, existing.id)).toEqual([updated]);
    expect(upsertSavedReply([existing], { ...existing, id: 'other' }, null)).toHaveLength(2);
    const preview = previewSavedReply('We apologise for any inconvenience.', { brandName: 'Acme', signature: '' });
    expect(preview?.platform).toBe('x');
    expect(preview?.findings.map((finding) => finding.code)).toContain('lip_service');
  });
});

describe('saved replies in the settings file', () => {
  it('export and import keep them; files without them (older exports) import with none', () => {
    const settings = SettingsSchema.parse({ version: 1, brands: [{ id: 'acme-air', name: 'Acme Air' }], savedReplies: [existing] });
    const again = parseSettingsImport(exportSettings(settings));
    expect(again.ok && again.settings.savedReplies).toEqual([existing]);
    const old = parseSettingsImport(JSON.stringify({ version: 1, brands: [{ id: 'acme-air', name: 'Acme Air' }] }));
    expect(old.ok && old.settings.savedReplies).toEqual([]);
  });

  it('refuses duplicate ids, naming the other', () => {
    const file = JSON.stringify({ version: 1, brands: [{ id: 'acme-air', name: 'Acme Air' }], savedReplies: [existing, existing] });
    const result = parseSettingsImport(file);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join(' ')).toMatch(/duplicate saved reply id "refund-timeline" \(also used by savedReplies\[0\]\)/);
  });
});
