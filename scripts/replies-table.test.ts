import { describe, expect, it } from 'vitest';
import { formatRepliesTable, repliesTable, SAMPLES } from './replies-table';

describe('replies:table', () => {
  const rows = repliesTable();

  it('covers 14 posts (2 in Spanish, answered in Spanish), 6 industries and 3 sites', () => {
    expect(SAMPLES).toHaveLength(14);
    expect(rows.map((row) => row.language)).toEqual([...Array<string>(12).fill('en'), 'es', 'es']);
    expect(new Set(rows.map((row) => row.industry)).size).toBe(6);
    expect(new Set(rows.map((row) => row.platform)).size).toBe(3);
  });

  it('suggests a lint-clean top reply for each, in its industry’s words, claiming nothing not yet done', () => {
    for (const row of rows) {
      expect(row.reply, row.post).not.toBe('(no suggestion)');
      expect(row.lintCodes, row.reply).toEqual([]);
      expect(row.reply, row.reply).not.toMatch(/sent you|within 24|te he enviado|le hemos enviado/i);
      if (row.industry !== 'airline_travel') expect(row.reply, row.reply).not.toMatch(/\bflight\b/i);
      if (row.industry !== 'retail_ecommerce' && row.industry !== 'restaurant_hospitality')
        expect(row.reply, row.reply).not.toMatch(/\border\b/i);
    }
    // A P1 promises the brand's 15-minute target.
    expect(rows[0]?.priority).toBe('P1');
    expect(rows[0]?.reply).toContain('within 15 minutes');
  });

  it('prints a Markdown table, one row per post', () => {
    const text = formatRepliesTable(rows);
    expect(text.trim().split('\n')).toHaveLength(2 + 14);
    expect(text).toContain('| 1 | Airline / travel | X | Acme Air | en |');
    expect(text).toContain('| 13 | Retail / e-commerce | X | Northwind Outfitters | es |');
  });
});
