/** Latest instant a JavaScript Date can hold; beyond it toISOString() throws. */
const MAX_DATE_MS = 8.64e15;

/** Epoch milliseconds → ISO string, or undefined for page values that are not a real time. */
export function isoFromMillis(value: number): string | undefined {
  return Number.isFinite(value) && value > 0 && value <= MAX_DATE_MS ? new Date(value).toISOString() : undefined;
}
