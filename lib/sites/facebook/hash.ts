/**
 * Fallback post id when a post shows no permalink: "h" + two FNV-1a passes (different offsets,
 * 64 bits together) of the given text, in base 36. Defined here, not shared, so these ids never
 * change because another module's hash did.
 */
function fnv1a(text: string, offset: number): number {
  let hash = offset;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export function hashId(text: string): string {
  return `h${fnv1a(text, 0x811c9dc5).toString(36)}${fnv1a(text, 0x050c5d1f).toString(36).padStart(7, '0')}`;
}
