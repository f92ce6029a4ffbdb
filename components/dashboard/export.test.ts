import { describe, expect, it } from 'vitest';
import { makeCase, T0 } from '../../lib/transfer/testing';
import { buildExportFile } from './export';
import { importFormatOf } from './Transfer';

describe('dashboard export files', () => {
  const cases = [makeCase(1, { priority: 'P2' })];
  const context = { brandNames: new Map([['acme', 'Acme Air']]), timeZone: 'Europe/Paris', assigneeNames: new Map() };

  it('writes CSV with brand names and local times, JSON, and Zendesk tickets, each with its own name and type', () => {
    const csv = buildExportFile('csv', cases, T0, context);
    expect(csv).toMatchObject({ name: 'careside-cases-2025-03-09.csv', type: 'text/csv;charset=utf-8' });
    expect(csv.text).toContain('"Acme Air","X"');
    expect(csv.text).toContain('"2025-03-09 13:00","2025-03-09T12:00:00.000Z"');

    const json = buildExportFile('json', cases, T0, context);
    expect(json.name).toBe('careside-cases-2025-03-09.json');
    expect((JSON.parse(json.text) as { format: string }).format).toBe('careside-cases');

    const zendesk = buildExportFile('zendesk', cases, T0, context);
    expect(zendesk).toMatchObject({ name: 'careside-zendesk-tickets-2025-03-09.json', type: 'application/json' });
    const tickets = (JSON.parse(zendesk.text) as { tickets: { external_id: string; priority: string }[] }).tickets;
    expect(tickets).toEqual([expect.objectContaining({ external_id: cases[0]!.ref, priority: 'high' })]);
  });

  it('tells the import format from the file name', () => {
    expect(importFormatOf('cases.CSV')).toBe('csv');
    expect(importFormatOf('careside-cases-2025-03-09.json')).toBe('json');
    expect(importFormatOf('export.txt')).toBeUndefined();
    expect(importFormatOf('noextension')).toBeUndefined();
  });
});
