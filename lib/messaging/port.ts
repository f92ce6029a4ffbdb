/** The runtime port content scripts send protocol requests over (lib/messaging/client.ts createPortClient). */
export const REQUEST_PORT_NAME = 'careside/requests';

/**
 * One request or answer on the port. The message travels as a JSON string: the browser hands a
 * string across as is, while an object is converted property by property on both sides, and
 * the page then reads a slow copy (measured: ~15 µs per triage result read on the page).
 */
export interface PortEnvelope {
  id: number;
  /** JSON of a protocol message (`{ type, payload }`) or of its answer (an Envelope). */
  json: string;
}

export function isPortEnvelope(value: unknown): value is PortEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const { id, json } = value as Partial<PortEnvelope>;
  return typeof id === 'number' && typeof json === 'string';
}

/** JSON.parse that reports failure as undefined instead of throwing. */
export function parseJson(json: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(json) as unknown };
  } catch {
    return undefined;
  }
}
