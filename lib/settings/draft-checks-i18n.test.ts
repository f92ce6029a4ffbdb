import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishLeaks, installLocaleMessages } from '../i18n/testing';
import { ReplyTemplateSchema } from '../replies/templates';
import { formatIssue, type ValidationIssue } from '../validation/issues';
import { checkDraft, draftFromSettings, emptyBrandDraft } from './brand-form';
import { draftPathLabeler } from './draft-labels';
import { checkSavedReplyDraft } from './saved-reply-draft';
import { DEFAULT_SETTINGS } from './schema';
import { checkTemplateDraft, emptyTemplateDraft, templateDraftFrom } from './template-draft';

// The options page shows these sentences beside their fields and in its error summary.
const refund = ReplyTemplateSchema.parse({ id: 'refund', category: 'any', platform: 'any', tone: 'warm', kind: 'public', body: 'Hi' });

function issuesOf(check: { ok: true } | { ok: false; issues: ValidationIssue[] }): ValidationIssue[] {
  if (check.ok) throw new Error('expected the draft to be refused');
  return check.issues;
}

describe('options drafts’ validation in Spanish', () => {
  beforeEach(() => installLocaleMessages(fakeBrowser.i18n, 'es', 'es'));

  it('words the brand, number, saved-reply and template checks in Spanish', () => {
    const draft = {
      ...draftFromSettings(DEFAULT_SETTINGS),
      brands: [{ ...emptyBrandDraft(), name: '!!!', handlesX: '@Acme Air Help' }],
      responseTargets: { P1: '15', P2: 'diez', P3: '60', P4: '0' },
    };
    const settingsIssues = issuesOf(checkDraft(draft));
    expect(settingsIssues.map((issue) => issue.message)).toContain('debe ser un número entero');
    expect(settingsIssues.map((issue) => issue.message)).toContain(
      'necesita al menos una letra o un dígito (el id de la marca se forma con él)',
    );
    const lines = [
      ...settingsIssues.map((issue) => formatIssue(issue, draftPathLabeler(draft))),
      ...issuesOf(checkSavedReplyDraft({ brandId: '', title: '', body: 'Hi {firstname}' }, [], null)).map((issue) => issue.message),
      ...issuesOf(checkTemplateDraft({ ...templateDraftFrom(refund) }, [refund])).map((issue) => issue.message),
      ...issuesOf(checkTemplateDraft({ ...emptyTemplateDraft(), id: 'Bad Id', body: ' ' }, [])).map((issue) => issue.message),
    ];
    expect(lines).toContain('otra plantilla ya usa el id "refund"');
    expect(lines).toContain('elige la marca a la que pertenece esta respuesta');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(englishLeaks(lines.join('\n'))).toEqual([]);
  });
});
