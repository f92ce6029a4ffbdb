import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../domain/post';
import { CATEGORY_IDS } from '../domain/triage';
import { DEFAULT_TEMPLATES } from './default-templates';
import { lintReply } from './lint';
import { renderTemplate, ReplyTemplateListSchema, templateVariables, TONES, type TemplateValues } from './templates';
import { tweetLength } from './twitter-length';

// Long-but-realistic values: the longest X handle, an 8-character ref, a long signature.
const LINK = 'https://help.acme-outfitters.example.com/contact?topic=orders&case=CS-7F3KABCD';
const worstValues = (body: string): TemplateValues => ({
  firstName: '@abcdefghijklmno',
  brand: 'Acme Outfitters',
  signature: 'The Acme Outfitters Support team',
  caseRef: 'CS-7F3KABCD',
  channel: body.includes('{handoffLink}') ? 'our contact form' : 'private message',
  handoffLink: LINK,
});

describe('DEFAULT_TEMPLATES', () => {
  it('are valid templates with unique ids', () => {
    expect(ReplyTemplateListSchema.safeParse(DEFAULT_TEMPLATES).success).toBe(true);
  });

  it('cover every category x platform x tone with both handoff styles, plus private messages', () => {
    for (const category of CATEGORY_IDS) {
      for (const platform of PLATFORMS) {
        for (const tone of TONES) {
          const matching = DEFAULT_TEMPLATES.filter(
            (t) => t.kind === 'public' && t.category === category && t.platform === platform && t.tone === tone,
          );
          expect(matching.filter((t) => t.body.includes('{handoffLink}'))).toHaveLength(1);
          expect(matching.filter((t) => !t.body.includes('{handoffLink}'))).toHaveLength(1);
        }
      }
      for (const tone of TONES) {
        expect(DEFAULT_TEMPLATES.some((t) => t.kind === 'private' && t.category === category && t.tone === tone)).toBe(true);
      }
    }
    const generic = DEFAULT_TEMPLATES.filter((t) => t.category === 'any' && t.kind === 'public');
    expect(new Set(generic.map((t) => t.tone))).toEqual(new Set(TONES));
  });

  it('every public template names the case ref, a private channel and signs', () => {
    for (const template of DEFAULT_TEMPLATES.filter((t) => t.kind === 'public')) {
      const used = templateVariables(template.body);
      expect(used, template.id).toEqual(expect.arrayContaining(['firstName', 'caseRef', 'channel', 'signature']));
    }
  });

  it('render lint-clean on their platform, and X ones fit 280 with long values', () => {
    for (const template of DEFAULT_TEMPLATES) {
      const platforms = template.platform === 'any' ? PLATFORMS : [template.platform];
      for (const platform of platforms) {
        const text = renderTemplate(template.body, worstValues(template.body));
        const findings = lintReply(text, { platform, kind: template.kind, allowed: [LINK] });
        expect(findings, `${template.id} on ${platform}: ${text}`).toEqual([]);
        if (platform === 'x' && template.kind === 'public') {
          expect(tweetLength(text).weightedLength, template.id).toBeLessThanOrEqual(280);
        }
      }
    }
  });

  it('category templates mention something specific to the category', () => {
    const specific: Record<string, RegExp> = {
      billing_refund: /refund|charge|billing|money/i,
      delivery_delay: /order|deliver|arrived/i,
      cancellation: /cancel/i,
      lost_damaged: /damage|missing|lost/i,
      staff_service: /treated|team|service/i,
      product_defect: /working|product|fault/i,
      account_login: /account/i,
      booking: /booking/i,
      outage: /down|outage|disruption/i,
    };
    for (const template of DEFAULT_TEMPLATES) {
      const pattern = specific[template.category];
      if (pattern !== undefined) expect(template.body, template.id).toMatch(pattern);
    }
  });

  it('never ask for sensitive data in public', () => {
    for (const template of DEFAULT_TEMPLATES.filter((t) => t.kind === 'public')) {
      expect(template.body, template.id).not.toMatch(/password|card number/i);
    }
  });
});
