/**
 * Read a count as Facebook prints it: "48", "2,345", "1.2K", "3M", "1,5 K". Returns undefined
 * for anything else rather than guessing.
 */
export function parseCount(raw: string): number | undefined {
  const compact = raw.replace(/[\s\u00a0\u202f]+/g, '');
  const match = /^(\d[\d.,]*)([KkMm]?)$/.exec(compact);
  if (!match) return undefined;
  const digits = match[1] ?? '';
  const multiplier = { '': 1, k: 1_000, m: 1_000_000 }[(match[2] ?? '').toLowerCase()] ?? 1;
  let value: number;
  if (/^\d+$/.test(digits)) value = Number(digits);
  else if (multiplier > 1 && /^\d+[.,]\d+$/.test(digits)) value = Number(digits.replace(',', '.'));
  else if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(digits)) value = Number(digits.replace(/[.,]/g, ''));
  else return undefined;
  const count = Math.round(value * multiplier);
  return Number.isSafeInteger(count) ? count : undefined;
}

/** Run a pattern whose first group is a count over a label; undefined when it does not match. */
export function countFrom(pattern: RegExp, label: string): number | undefined {
  const raw = pattern.exec(label.trim())?.[1];
  return raw === undefined ? undefined : parseCount(raw);
}
