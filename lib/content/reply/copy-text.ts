/**
 * Copy text to the clipboard from a click handler. The async Clipboard API needs a focused,
 * secure page; when it refuses, a temporary off-screen textarea and execCommand('copy') (the
 * older path, still honoured during a user gesture) are tried. Returns whether either worked.
 */
export async function copyText(text: string, win: Window, container?: Node): Promise<boolean> {
  try {
    if (win.navigator.clipboard && typeof win.navigator.clipboard.writeText === 'function') {
      await win.navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not focused, no permission, or an insecure page: try the older path.
  }
  return legacyCopy(text, win, container);
}

function legacyCopy(text: string, win: Window, container?: Node): boolean {
  const doc = win.document;
  if (typeof doc.execCommand !== 'function') return false;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.left = '-10000px';
  area.style.opacity = '0';
  const parent = container ?? doc.body ?? doc.documentElement;
  const previousFocus = doc.activeElement as HTMLElement | null;
  parent.appendChild(area);
  try {
    area.focus();
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previousFocus?.focus?.();
  }
}
