import { describe, expect, it } from 'vitest';
import { z } from '../validation/zod';
import type { Case } from '../domain/case';
import { hostileCases, makeCase, T0 } from './testing';
import { caseToZendeskTicket, casesToZendesk, serializeZendeskExport, ZENDESK_BATCH_SIZE, zendeskBatches, zendeskTag } from './zendesk';

const MIN = 60_000;
const isoUtc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/**
 * The ticket fields CareSide writes, as the Ticket Import API documents them
 * (developer.zendesk.com/api-reference/ticketing/tickets/ticket_import/ and the Tickets API's
 * properties): strict, so a misspelt or undocumented field fails here.
 */
const DocumentedComment = z.object({ body: z.string().min(1), created_at: isoUtc, public: z.boolean() }).strict();
const DocumentedTicket = z
  .object({
    subject: z.string().min(1),
    comments: z.array(DocumentedComment).min(1),
    requester: z.object({ name: z.string().min(1) }).strict(),
    tags: z.array(z.string().regex(/^[\p{L}\p{N}_-]+$/u)),
    external_id: z.string().min(1),
    priority: z.enum(['urgent', 'high', 'normal', 'low']).optional(),
    status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']),
    created_at: isoUtc,
    updated_at: isoUtc,
    solved_at: isoUtc.optional(),
  })
  .strict();
const DocumentedRequest = z.object({ tickets: z.array(DocumentedTicket).max(ZENDESK_BATCH_SIZE) }).strict();

describe('Zendesk ticket import export', () => {
  const c: Case = {
    ...makeCase(1, {
      ref: 'CS-7F3K',
      status: 'resolved',
      priority: 'P1',
      firstResponseAt: T0 + MIN,
      resolvedAt: T0 + 30 * MIN,
      updatedAt: T0 + 31 * MIN,
    }),
    category: 'lost_damaged',
    assignee: 'Sam Lee',
    brandIds: ['acme-air'],
    tags: ['Lost bag', 'vip'],
    post: {
      ...makeCase(1).post,
      authorName: 'Dana',
      authorHandle: 'dana_travels',
      text: 'My bag never\narrived',
      postedAt: '2025-03-09T11:00:00Z',
    },
    notes: [{ id: 'n1', text: 'Called Dana', createdAt: T0 + 10 * MIN, author: 'Sam' }],
  };

  it('maps a case field by field to the documented ticket shape', () => {
    const ticket = caseToZendeskTicket(c, new Map([['acme-air', 'Acme Air']]));
    expect(DocumentedTicket.parse(ticket)).toEqual(ticket);
    expect(ticket).toEqual({
      subject: 'X: Dana (@dana_travels): My bag never arrived',
      comments: [
        {
          body: 'My bag never\narrived\n\nDana (@dana_travels) on X: https://x.com/someone/status/1001',
          created_at: '2025-03-09T11:00:00.000Z',
          public: true,
        },
        {
          body: 'CareSide case CS-7F3K · P1 · Lost or damaged item · brand Acme Air · assigned to Sam Lee',
          created_at: '2025-03-09T12:00:00.000Z',
          public: false,
        },
        { body: 'Called Dana\n\n(Sam)', created_at: '2025-03-09T12:10:00.000Z', public: false },
      ],
      requester: { name: 'Dana (@dana_travels)' },
      tags: ['careside', 'x', 'lost_damaged', 'acme-air', 'lost_bag', 'vip'],
      external_id: 'CS-7F3K',
      priority: 'urgent',
      status: 'solved',
      created_at: '2025-03-09T12:00:00.000Z',
      updated_at: '2025-03-09T12:31:00.000Z',
      solved_at: '2025-03-09T12:30:00.000Z',
    });
  });

  it('maps P1..P4 to urgent, high, normal, low and every status to a Zendesk one', () => {
    const priorities = (['P1', 'P2', 'P3', 'P4'] as const).map((priority) => caseToZendeskTicket(makeCase(1, { priority })).priority);
    expect(priorities).toEqual(['urgent', 'high', 'normal', 'low']);
    expect(caseToZendeskTicket(makeCase(1)).priority).toBeUndefined();
    const statuses = (['new', 'responded', 'handed_off', 'waiting_on_customer', 'resolved', 'closed'] as const).map((status) =>
      caseToZendeskTicket(makeCase(1, { status, ...(status === 'closed' ? { outcome: 'spam', closedAt: T0 + MIN } : {}) })),
    );
    expect(statuses.map((ticket) => ticket.status)).toEqual(['new', 'open', 'open', 'pending', 'solved', 'closed']);
    expect(statuses.at(-1)?.solved_at).toBe('2025-03-09T12:01:00.000Z');
    expect(statuses[0]?.solved_at).toBeUndefined();
  });

  it('keeps hostile text as plain text and every ticket in the documented shape', () => {
    const cases = hostileCases();
    const data = JSON.parse(serializeZendeskExport(cases)) as unknown;
    const parsed = z
      .object({ tickets: z.array(DocumentedTicket) })
      .strict()
      .parse(data);
    expect(parsed.tickets.map((ticket) => ticket.external_id)).toEqual(cases.map((item) => item.ref));
    parsed.tickets.forEach((ticket, i) => {
      expect(ticket.comments[0]?.body.startsWith(cases[i]?.post.text || '(no text)')).toBe(true);
      // eslint-disable-next-line no-control-regex -- one plain line, no control characters
      for (const line of [ticket.subject, ticket.requester.name]) expect(line).not.toMatch(/[\u0000-\u001F\u007F]/);
    });
  });

  it('splits into requests of at most 100 tickets', () => {
    const cases = Array.from({ length: 250 }, (_, i) => makeCase(i));
    const batches = zendeskBatches(casesToZendesk(cases));
    expect(batches.map((batch) => batch.tickets.length)).toEqual([100, 100, 50]);
    for (const batch of batches) expect(DocumentedRequest.parse(batch)).toEqual(batch);
    expect(batches.flatMap((batch) => batch.tickets.map((ticket) => ticket.external_id))).toEqual(cases.map((item) => item.ref));
  });

  it.each([
    ['Late bag!', 'late_bag'],
    ['  refund  ', 'refund'],
    ['über-späť', 'über-späť'],
    ['a/b:c', 'a_b_c'],
    ['!!!', ''],
  ])('zendeskTag(%j) -> %j', (input, output) => {
    expect(zendeskTag(input)).toBe(output);
  });
});
