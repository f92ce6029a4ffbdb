import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMPLATE_VARIABLES } from '../../lib/replies/templates';
import { SettingsSchema } from '../../lib/settings/schema';
import { message, renderOptions, save, stored, type } from './testing';

afterEach(cleanup);

const delay = {
  id: 'delay-x',
  category: 'delivery_delay',
  platform: 'x',
  tone: 'concise',
  kind: 'public',
  body: 'Sorry {firstName}, a 3h delay is not OK. DM us with case {caseRef} and we will rebook you today. {signature}',
} as const;
const acme = SettingsSchema.parse({
  version: 1,
  brands: [{ id: 'acme-air', name: 'Acme Air' }],
  agentSignature: '^Dana',
  replyTemplates: [delay],
});

const section = () => within(screen.getByTestId('options-templates'));
const editor = () => within(screen.getByTestId('options-template-editor'));
const lint = () => screen.getByTestId('options-template-lint');
const listedIds = () => screen.queryAllByTestId('options-template').map((item) => item.dataset.templateId);

function fillNewTemplate(fields: { id: string; category?: string; platform?: string; tone?: string; kind?: string; body: string }) {
  fireEvent.click(screen.getByTestId('options-template-add'));
  type(editor().getByLabelText('Template id'), fields.id);
  if (fields.category) type(editor().getByLabelText('Category'), fields.category);
  if (fields.platform) type(editor().getByLabelText('Platform'), fields.platform);
  if (fields.tone) type(editor().getByLabelText('Tone'), fields.tone);
  if (fields.kind) type(editor().getByLabelText('Kind'), fields.kind);
  type(editor().getByLabelText('Body'), fields.body);
}

describe('Reply templates section', () => {
  it('lists the team templates and offers every category and platform plus "any"', async () => {
    await renderOptions(acme);
    expect(listedIds()).toEqual(['delay-x']);
    expect(section().getByText(delay.body)).toBeTruthy();
    expect(screen.getByTestId('options-template').textContent).toContain('Delivery / delay · X · concise · public reply (move to private)');

    fireEvent.click(screen.getByTestId('options-template-add'));
    const options = (label: string) => [...editor().getByLabelText<HTMLSelectElement>(label).options].map((option) => option.value);
    expect(options('Category')).toEqual(expect.arrayContaining(['any', 'billing_refund', 'outage', 'other']));
    expect(options('Platform')).toEqual(['any', 'x', 'facebook', 'yelp']);
    expect(options('Tone')).toEqual(['warm', 'concise', 'formal']);
    expect(options('Kind')).toEqual(['public', 'private']);
    expect(options('Strategy')).toEqual(['', 'public_answer', 'ask_detail']);
    expect(options('Industry')).toEqual([
      '',
      'airline_travel',
      'restaurant_hospitality',
      'retail_ecommerce',
      'software_app',
      'telecom_utilities',
      'banking_finance',
      'generic',
    ]);
    const variables = screen.getByTestId('options-template-variables').textContent ?? '';
    for (const name of TEMPLATE_VARIABLES) expect(variables).toContain(`{${name}}`);
  });

  it('adds a template and saves it', async () => {
    await renderOptions(acme);
    fillNewTemplate({
      id: 'refund-private',
      category: 'billing_refund',
      platform: 'any',
      tone: 'formal',
      kind: 'private',
      body: 'Hello {firstName}, your refund for case {caseRef} is with our finance team; we will reply within one business day. {signature}',
    });
    expect(lint().textContent).toContain('No problems found.');
    fireEvent.click(editor().getByRole('button', { name: 'Add template' }));
    expect(screen.queryByTestId('options-template-editor')).toBeNull();
    expect(listedIds()).toEqual(['delay-x', 'refund-private']);
    expect(await stored()).toEqual(acme);

    save();
    await waitFor(() => expect(message().dataset.kind).toBe('success'));
    expect(await stored()).toEqual({
      ...acme,
      replyTemplates: [
        delay,
        {
          id: 'refund-private',
          category: 'billing_refund',
          platform: 'any',
          tone: 'formal',
          kind: 'private',
          body: 'Hello {firstName}, your refund for case {caseRef} is with our finance team; we will reply within one business day. {signature}',
        },
      ],
    });
  });

  it('saves a strategy and an industry chosen in the editor', async () => {
    await renderOptions(acme);
    fillNewTemplate({
      id: 'delay-answer',
      category: 'delivery_delay',
      platform: 'x',
      body: '{firstName} Rebooking is open under Manage booking on our website. Case {caseRef}. {signature}',
    });
    type(editor().getByLabelText('Strategy'), 'public_answer');
    type(editor().getByLabelText('Industry'), 'airline_travel');
    fireEvent.click(editor().getByRole('button', { name: 'Add template' }));
    save();
    await waitFor(() => expect(message().dataset.kind).toBe('success'));
    const { replyTemplates } = (await stored()) as { replyTemplates: { id: string }[] };
    const saved = replyTemplates.find((template) => template.id === 'delay-answer');
    expect(saved).toMatchObject({ strategy: 'public_answer', industry: 'airline_travel' });
    expect(screen.getAllByTestId('options-template')[1]?.textContent).toContain(
      'public reply (answer in public) · Airline / travel brands',
    );
  });

  it('edits a template in place and deletes one', async () => {
    await renderOptions({ ...acme, replyTemplates: [delay, { ...delay, id: 'delay-fb', platform: 'facebook' }] });
    fireEvent.click(section().getByRole('button', { name: 'Edit delay-x' }));
    expect(editor().getByLabelText<HTMLInputElement>('Template id').value).toBe('delay-x');
    type(editor().getByLabelText('Tone'), 'warm');
    fireEvent.click(editor().getByRole('button', { name: 'Update template' }));
    fireEvent.click(section().getByRole('button', { name: 'Delete delay-fb' }));
    expect(listedIds()).toEqual(['delay-x']);

    save();
    await waitFor(() => expect(message().dataset.kind).toBe('success'));
    expect(await stored()).toEqual({ ...acme, replyTemplates: [{ ...delay, tone: 'warm' }] });
  });

  it('flags lip service while the body is typed', async () => {
    await renderOptions(acme);
    fillNewTemplate({ id: 'sorry', body: 'We apologize for any inconvenience. {signature}' });
    const findings = within(lint()).getAllByRole('listitem');
    expect(findings.map((item) => item.dataset.code)).toEqual(['no_next_step', 'lip_service']);
    expect(lint().textContent).toContain('"apologize for any inconvenience" is a stock phrase');
    expect(lint().textContent).toContain('Checked as an X public reply (the strictest platform for "any")');
    expect(lint().textContent).toContain('We apologize for any inconvenience. ^Dana');

    type(
      editor().getByLabelText('Body'),
      'Sorry {firstName}, that delay is on us. DM us with case {caseRef} and we will fix it today. {signature}',
    );
    expect(lint().textContent).toContain('No problems found.');
  });

  it('shows schema errors inline, does not add an invalid template, refuses to save and keeps the stored value', async () => {
    await renderOptions(acme);
    fillNewTemplate({ id: 'delay-x', body: 'Hi {firstname}, DM us with case {caseRef}. {signature}' });
    expect(
      editor()
        .getAllByRole('alert')
        .map((alert) => alert.textContent),
    ).toEqual([
      'another template already uses the id "delay-x"',
      'Unknown template variable {firstname}. Known variables: {firstName}, {brand}, {signature}, {caseRef}, {handoffLink}, {channel}, {replyTime}.',
    ]);
    expect(editor().getByLabelText('Body').getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(editor().getByRole('button', { name: 'Add template' }));
    expect(screen.getByTestId('options-template-editor')).toBeTruthy();
    expect(listedIds()).toEqual(['delay-x']);

    save();
    await waitFor(() => expect(message().dataset.kind).toBe('error'));
    expect(message().textContent).toContain('Finish the reply template you are editing first');
    expect(await stored()).toEqual(acme);

    fireEvent.click(editor().getByRole('button', { name: 'Cancel' }));
    expect(listedIds()).toEqual(['delay-x']);
  });

  it('shows every field error after a refused add, even untouched ones', async () => {
    await renderOptions(acme);
    fireEvent.click(screen.getByTestId('options-template-add'));
    expect(editor().queryAllByRole('alert')).toHaveLength(0);
    fireEvent.click(editor().getByRole('button', { name: 'Add template' }));
    expect(
      editor()
        .getAllByRole('alert')
        .map((alert) => alert.textContent),
    ).toEqual(['template id: lowercase letters, digits, "_", "." and "-"', 'template body must not be empty']);
  });
});
