import { describe, expect, it } from 'vitest';
import { ReplyTemplateSchema, type ReplyTemplate } from '../replies/templates';
import {
  checkTemplateDraft,
  emptyTemplateDraft,
  previewTemplate,
  strictestPlatform,
  templateDraftFrom,
  upsertTemplate,
} from './template-draft';

const delay = ReplyTemplateSchema.parse({
  id: 'delay-x',
  category: 'delivery_delay',
  platform: 'x',
  tone: 'concise',
  kind: 'public',
  body: 'Sorry {firstName}, a 3h delay is not OK. DM us with case {caseRef} and we will rebook you today. {signature}',
});
const refund: ReplyTemplate = { ...delay, id: 'refund', category: 'billing_refund', platform: 'any', kind: 'private' };
const sample = { brandName: 'Acme Air', signature: '^Dana' };

describe('checkTemplateDraft', () => {
  it('accepts a valid draft, trimming the id', () => {
    expect(checkTemplateDraft({ ...templateDraftFrom(delay), id: ' delay-x ' }, [refund])).toEqual({ ok: true, template: delay });
  });

  it('keeps a strategy and an industry, and leaves them out when blank', () => {
    const answer: ReplyTemplate = { ...delay, strategy: 'public_answer', industry: 'airline_travel' };
    const draft = templateDraftFrom(answer);
    expect(draft).toMatchObject({ strategy: 'public_answer', industry: 'airline_travel' });
    expect(checkTemplateDraft(draft, [])).toEqual({ ok: true, template: answer });
    expect(checkTemplateDraft({ ...draft, strategy: '', industry: '' }, [])).toEqual({ ok: true, template: delay });
    expect(templateDraftFrom(delay)).toMatchObject({ strategy: '', industry: '' });
  });

  it('reports each bad field by name, in words', () => {
    const result = checkTemplateDraft({ ...emptyTemplateDraft(), id: 'Delay X', tone: 'snarky', body: 'Hi {firstname}' }, []);
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: ['id'], message: 'template id: lowercase letters, digits, "_", "." and "-"' },
        { path: ['tone'], message: 'must be "warm" or "concise" or "formal"' },
        {
          path: ['body'],
          message:
            'Unknown template variable {firstname}. Known variables: {firstName}, {brand}, {signature}, {caseRef}, {handoffLink}, {channel}, {replyTime}.',
        },
      ],
    });
    expect(checkTemplateDraft({ ...emptyTemplateDraft(), id: 'blank', body: '  \n ' }, [])).toEqual({
      ok: false,
      issues: [{ path: ['body'], message: 'template body must not be empty' }],
    });
  });

  it('refuses an id another template uses', () => {
    expect(checkTemplateDraft({ ...templateDraftFrom(delay), id: 'refund' }, [refund])).toEqual({
      ok: false,
      issues: [{ path: ['id'], message: 'another template already uses the id "refund"' }],
    });
  });
});

describe('upsertTemplate', () => {
  it('replaces the edited template in place, even when its id changed, and appends new ones', () => {
    const renamed = { ...delay, id: 'delay-x-v2' };
    expect(upsertTemplate([delay, refund], renamed, 'delay-x')).toEqual([renamed, refund]);
    expect(upsertTemplate([refund], delay, null)).toEqual([refund, delay]);
    expect(upsertTemplate([refund], delay, 'gone-meanwhile')).toEqual([refund, delay]);
  });
});

describe('previewTemplate', () => {
  it('renders with sample values and finds nothing wrong in a specific reply with a next step', () => {
    const preview = previewTemplate(templateDraftFrom(delay), sample);
    expect(preview).toMatchObject({ platform: 'x', kind: 'public', findings: [] });
    expect(preview?.text).toBe('Sorry @jane_traveller, a 3h delay is not OK. DM us with case CS-7F3K and we will rebook you today. ^Dana');
  });

  it('flags lip service and a missing next step while typing', () => {
    const preview = previewTemplate({ ...templateDraftFrom(delay), body: 'We apologize for any inconvenience. {signature}' }, sample);
    expect(preview?.findings.map((finding) => finding.code)).toEqual(['no_next_step', 'lip_service']);
    expect(preview?.findings[1]?.message).toContain('"apologize for any inconvenience" is a stock phrase');
  });

  it('warns that a template claiming a sent message is only suggested once that handoff is on the timeline', () => {
    const body = "{firstName} We've sent you a DM about case {caseRef}. {signature}";
    const preview = previewTemplate({ ...templateDraftFrom(delay), body }, sample);
    expect(preview?.findings).toMatchObject([{ code: 'unverified_claim', severity: 'warning' }]);
    expect(preview?.findings[0]?.message).toContain("once such a handoff is on the case's timeline");
    expect(previewTemplate({ ...templateDraftFrom(delay), kind: 'private', body }, sample)?.findings).toEqual([]);
  });

  it('checks "any platform" against the strictest limit for the kind', () => {
    expect(strictestPlatform('public')).toBe('x');
    expect(strictestPlatform('private')).toBe('facebook');
    const long = `Hi {firstName}, ${'we are rebooking you now and will confirm by DM. '.repeat(6)}{signature}`;
    const publicAny = previewTemplate({ ...templateDraftFrom(delay), platform: 'any', body: long }, sample);
    expect(publicAny?.platform).toBe('x');
    expect(publicAny?.findings.map((finding) => finding.code)).toContain('over_limit');
    const onFacebook = previewTemplate({ ...templateDraftFrom(delay), platform: 'facebook', body: long }, sample);
    expect(onFacebook?.findings.map((finding) => finding.code)).not.toContain('over_limit');
  });

  it('does not flag the handoff link as personal data, and signs for the team without a signature', () => {
    const body = 'Hi {firstName}, sorry your bag is lost. Send us details at {handoffLink} quoting {caseRef}. {signature}';
    const preview = previewTemplate({ ...templateDraftFrom(delay), platform: 'facebook', body }, { brandName: 'Acme Air', signature: ' ' });
    expect(preview?.findings).toEqual([]);
    expect(preview?.text).toMatch(/^Hi Jane, .* The Acme Air team$/);
  });

  it('has nothing to show for an empty body or one with an unknown variable', () => {
    expect(previewTemplate(emptyTemplateDraft(), sample)).toBeNull();
    expect(previewTemplate({ ...emptyTemplateDraft(), body: 'Hi {name}' }, sample)).toBeNull();
  });
});

describe('a template’s language', () => {
  it('survives editing, and a blank choice means English', () => {
    const spanish: ReplyTemplate = {
      id: 'es-refund',
      category: 'billing_refund',
      platform: 'x',
      tone: 'warm',
      kind: 'public',
      language: 'es',
      body: '{firstName} Tu reembolso está en camino (caso {caseRef}). {signature}',
    };
    expect(checkTemplateDraft(templateDraftFrom(spanish), [])).toEqual({ ok: true, template: spanish });
    const english = checkTemplateDraft({ ...templateDraftFrom(spanish), language: '' }, []);
    expect(english.ok && english.template.language).toBeUndefined();
  });
});
