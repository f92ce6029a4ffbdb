import { t } from '../i18n/t';
import type { SettingsDraft } from './brand-form';
import { jsonPath, type PathLabeler } from '../validation/issues';

type Path = readonly (string | number)[];

const BRAND_FIELD_LABELS: Record<string, () => string> = {
  id: () => t('draftLabel.brandId'),
  name: () => t('draftLabel.name'),
  aliases: () => t('draftLabel.aliases'),
  hashtags: () => t('draftLabel.hashtags'),
  exclusions: () => t('draftLabel.exclusions'),
};
const HANDLE_LABELS: Record<string, () => string> = {
  x: () => t('draftLabel.xHandles'),
  facebook: () => t('draftLabel.facebookPages'),
  yelp: () => t('draftLabel.yelpBusinesses'),
};
/** Keyed by the path below `handoff`, joined with dots. */
const HANDOFF_LABELS: Record<string, () => string> = {
  'x.dm': () => t('draftLabel.xDm'),
  'facebook.messengerPage': () => t('draftLabel.messengerPage'),
  email: () => t('draftLabel.supportEmail'),
  'email.address': () => t('draftLabel.supportEmail'),
  'email.subjectPrefix': () => t('draftLabel.emailSubjectPrefix'),
  contactForm: () => t('draftLabel.contactForm'),
  'contactForm.url': () => t('draftLabel.contactFormUrl'),
  'contactForm.param': () => t('draftLabel.contactFormParam'),
};
const SPIRAL_LABELS: Record<string, () => string> = {
  minSimilar: () => t('draftLabel.spiralMinSimilar'),
  windowMinutes: () => t('draftLabel.spiralWindow'),
};
const TEMPLATE_FIELD_LABELS: Record<string, () => string> = {
  id: () => t('draftLabel.templateId'),
  category: () => t('draftLabel.templateCategory'),
  platform: () => t('draftLabel.templatePlatform'),
  tone: () => t('draftLabel.templateTone'),
  kind: () => t('draftLabel.templateKind'),
  body: () => t('draftLabel.templateBody'),
};

function brandLabel(draft: SettingsDraft, brandIndex: number, rest: Path): string {
  const name = draft.brands[brandIndex]?.name.trim();
  const brand = name
    ? t('draftLabel.brandNamed', { n: String(brandIndex + 1), name })
    : t('draftLabel.brand', { n: String(brandIndex + 1) });
  if (rest.length === 0) return brand;
  const [field, second, third] = rest;
  if (field === 'handoff') {
    const key = rest.slice(1).join('.');
    return t('draftLabel.field', { brand, label: HANDOFF_LABELS[key]?.() ?? t('draftLabel.privateChannels') });
  }
  const isHandle = field === 'handles';
  const label = isHandle
    ? (HANDLE_LABELS[String(second)]?.() ?? t('draftLabel.handles'))
    : (BRAND_FIELD_LABELS[String(field)]?.() ?? String(field));
  const entry = isHandle ? third : second;
  return typeof entry === 'number'
    ? t('draftLabel.fieldEntry', { brand, label, n: String(entry + 1) })
    : t('draftLabel.field', { brand, label });
}

function templateLabel(draft: SettingsDraft, index: number, field: string | number | undefined): string {
  const id = draft.replyTemplates[index]?.id;
  const n = String(index + 1);
  const template = id ? t('draftLabel.templateNamed', { n, id }) : t('draftLabel.template', { n });
  return field === undefined
    ? template
    : t('draftLabel.templateField', { template, label: TEMPLATE_FIELD_LABELS[String(field)]?.() ?? String(field) });
}

/**
 * Labels issue paths in the form's words: ['brands', 1, 'handles', 'x', 0] ->
 * 'Brand 2 "Acme Air", X handles entry 1'. Entries, not lines: blank lines are dropped.
 */
export function draftPathLabeler(draft: SettingsDraft): PathLabeler {
  return (path) => {
    const [root, second, ...rest] = path;
    switch (root) {
      case 'agentSignature':
        return t('draftLabel.agentSignature');
      case 'brands':
        return typeof second === 'number' ? brandLabel(draft, second, rest) : t('draftLabel.brands');
      case 'responseTargets':
        return typeof second === 'string' ? t('draftLabel.responseTarget', { priority: second }) : t('draftLabel.responseTargets');
      case 'spirals':
        return SPIRAL_LABELS[String(second)]?.() ?? t('draftLabel.spiralAlerts');
      case 'retention':
        return t('draftLabel.retention');
      case 'backlogAgeHours':
        return t('draftLabel.backlogAge');
      case 'replyTemplates':
        return typeof second === 'number' ? templateLabel(draft, second, rest[0]) : t('draftLabel.templates');
      default:
        return jsonPath(path);
    }
  };
}
