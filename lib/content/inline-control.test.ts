import { describe, expect, it, vi } from 'vitest';
import { createInlineHost, INLINE_TAG, POST_KEY_ATTRIBUTE, renderInline, TRIAGE_PENDING } from './inline-control';

function shadowOf(host: HTMLElement): ShadowRoot {
  if (!host.shadowRoot) throw new Error('no open shadow root');
  return host.shadowRoot;
}

describe('inline control', () => {
  it('is a careside-inline host with an open shadow root and a Log case button', () => {
    const host = createInlineHost(document, 'x:1', () => {});
    renderInline(host, 'x:1', { kind: 'log' });
    expect(host.tagName.toLowerCase()).toBe(INLINE_TAG);
    expect(host.getAttribute(POST_KEY_ATTRIBUTE)).toBe('x:1');
    const button = shadowOf(host).querySelector('[data-testid="careside-log-case"]');
    expect(button?.textContent).toBe('Log case');
    expect(shadowOf(host).querySelector('[data-testid="careside-case-badge"]')).toBeNull();
  });

  it('shows the case reference and status once logged', () => {
    const host = createInlineHost(document, 'x:1', () => {});
    renderInline(host, 'x:1', { kind: 'case', ref: 'CS-7F3K', statusLabel: 'New' });
    expect(shadowOf(host).querySelector('[data-testid="careside-case-badge"]')?.textContent).toBe('CS-7F3K · New');
    expect(shadowOf(host).querySelector('[data-testid="careside-log-case"]')).toBeNull();
  });

  it('shows the first-response countdown beside the badge, marked by its state, and drops it once answered', () => {
    const host = createInlineHost(document, 'x:1', () => {});
    const due = () => shadowOf(host).querySelector<HTMLElement>('[data-testid="careside-case-due"]');
    renderInline(host, 'x:1', { kind: 'case', ref: 'CS-7F3K', statusLabel: 'New', due: { text: 'due in 12 min', state: 'ok' } });
    expect(due()?.textContent).toBe('due in 12 min');
    expect(due()?.dataset.state).toBe('ok');
    renderInline(host, 'x:1', { kind: 'case', ref: 'CS-7F3K', statusLabel: 'New', due: { text: 'overdue by 3 min', state: 'breached' } });
    expect(due()?.textContent).toBe('overdue by 3 min');
    expect(due()?.dataset.state).toBe('breached');
    renderInline(host, 'x:1', { kind: 'case', ref: 'CS-7F3K', statusLabel: 'Responded' });
    expect(due()).toBeNull();
    expect(shadowOf(host).querySelector('[data-testid="careside-case-badge"]')?.textContent).toBe('CS-7F3K · Responded');
  });

  it('says who else is replying beside the badge, and stops saying it when they close', () => {
    const host = createInlineHost(document, 'x:1', () => {});
    const replying = () => shadowOf(host).querySelector('[data-testid="careside-inline-replying"]');
    renderInline(host, 'x:1', { kind: 'case', ref: 'CS-7F3K', statusLabel: 'New', replying: 'Priya is replying' });
    expect(replying()?.textContent).toBe('Priya is replying');
    renderInline(host, 'x:1', { kind: 'case', ref: 'CS-7F3K', statusLabel: 'New', replying: '<b>Priya</b>, Sam are replying' });
    expect(replying()?.textContent).toBe('<b>Priya</b>, Sam are replying');
    expect(replying()?.children).toHaveLength(0);
    renderInline(host, 'x:1', { kind: 'case', ref: 'CS-7F3K', statusLabel: 'New' });
    expect(replying()).toBeNull();
    expect(shadowOf(host).querySelector('[data-testid="careside-case-badge"]')?.textContent).toBe('CS-7F3K · New');
  });

  it('renders hostile text as text, never as markup', () => {
    const host = createInlineHost(document, 'x:1', () => {});
    document.body.append(host);
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    renderInline(host, 'x:1', { kind: 'error', message: hostile });
    const alert = shadowOf(host).querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(hostile);
    expect(alert?.children).toHaveLength(0);
    expect(shadowOf(host).querySelector('img, script')).toBeNull();
    renderInline(host, 'x:1', { kind: 'case', ref: hostile, statusLabel: hostile });
    expect(shadowOf(host).querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    host.remove();
  });

  it('disables the button while logging and shows errors next to it', () => {
    const host = createInlineHost(document, 'x:1', () => {});
    renderInline(host, 'x:1', { kind: 'pending' });
    const pending = shadowOf(host).querySelector<HTMLButtonElement>('[data-testid="careside-log-case"]');
    expect(pending?.disabled).toBe(true);
    expect(pending?.textContent).toBe('Logging…');
    renderInline(host, 'x:1', { kind: 'error', message: 'CareSide background unreachable' });
    const retry = shadowOf(host).querySelector<HTMLButtonElement>('[data-testid="careside-log-case"]');
    expect(retry?.disabled).toBe(false);
    expect(shadowOf(host).querySelector('[role="alert"]')?.textContent).toBe('CareSide background unreachable');
  });

  it('logs the post the host shows at click time and keeps the click from the page', () => {
    const onLog = vi.fn();
    const article = document.createElement('article');
    const pageClick = vi.fn();
    article.addEventListener('click', pageClick);
    const host = createInlineHost(document, 'x:1', onLog);
    article.append(host);
    document.body.append(article);
    renderInline(host, 'x:1', { kind: 'log' });
    // The site recycled the element for another post: the same host now stands for x:2.
    renderInline(host, 'x:2', { kind: 'log' });
    shadowOf(host).querySelector<HTMLButtonElement>('button')?.click();
    expect(onLog).toHaveBeenCalledExactlyOnceWith('x:2', expect.objectContaining({ type: 'click' }));
    expect(pageClick).not.toHaveBeenCalled();
    article.remove();
  });

  it('updates the control in place, writing only what changed', () => {
    const host = createInlineHost(document, 'x:1', () => {});
    renderInline(host, 'x:1', { kind: 'log' });
    const button = shadowOf(host).querySelector('button');
    const observer = new MutationObserver(() => undefined);
    observer.observe(shadowOf(host), { subtree: true, childList: true, characterData: true, attributes: true });
    renderInline(host, 'x:1', { kind: 'log' });
    expect(observer.takeRecords()).toEqual([]);
    renderInline(host, 'x:1', { kind: 'pending' });
    expect(shadowOf(host).querySelector('button')).toBe(button);
    expect(button?.disabled).toBe(true);
    expect(observer.takeRecords().length).toBeGreaterThan(0);
    renderInline(host, 'x:1', { kind: 'case', ref: 'CS-7F3K', statusLabel: 'New' });
    renderInline(host, 'x:1', { kind: 'log', triage: { label: 'P2 · Refund', explain: () => 'P2: complaint' } });
    // The button leads, so a triage label arriving (and changing width) never moves it from under the pointer.
    expect([...shadowOf(host).querySelectorAll('[data-testid]')].map((part) => part.getAttribute('data-testid'))).toEqual([
      'careside-log-case',
      'careside-triage',
    ]);
    expect(button?.disabled).toBe(false);
    observer.disconnect();
  });

  it("is built showing a new post's first state, so its first render writes nothing", () => {
    const host = createInlineHost(document, 'x:1', () => {});
    const observer = new MutationObserver(() => undefined);
    observer.observe(shadowOf(host), { subtree: true, childList: true, characterData: true, attributes: true });
    renderInline(host, 'x:1', { kind: 'log', triage: TRIAGE_PENDING });
    expect(observer.takeRecords()).toEqual([]);
    const triage = shadowOf(host).querySelector<HTMLElement>('[data-testid="careside-triage"]');
    expect(triage?.textContent).toBe(TRIAGE_PENDING.label);
    expect(triage?.className).toBe('triage pending');

    renderInline(host, 'x:1', { kind: 'log', triage: { label: 'P1 · Refund', explain: () => 'P1: complaint' } });
    expect(triage?.textContent).toBe('P1 · Refund');
    expect(triage?.className).toBe('triage');
    expect(
      observer
        .takeRecords()
        .map((record) => record.type)
        .sort(),
    ).toEqual(['attributes', 'characterData']);
    observer.disconnect();
  });

  it('builds the reason tooltip when the pointer first comes over the control, and keeps it current after', () => {
    const host = createInlineHost(document, 'x:1', () => {});
    document.body.append(host);
    const triage = shadowOf(host).querySelector<HTMLElement>('[data-testid="careside-triage"]');
    const explain = vi.fn(() => 'P1: complaint');
    renderInline(host, 'x:1', { kind: 'log', triage: { label: 'P1 · Refund', explain } });
    expect(explain).not.toHaveBeenCalled();
    expect(triage?.hasAttribute('title')).toBe(false);

    // Browsers retarget an event from inside the shadow root to the host for document listeners.
    const hover = () => host.dispatchEvent(new Event('pointerover', { bubbles: true }));
    hover();
    expect(triage?.title).toBe('P1: complaint');
    hover();
    expect(explain).toHaveBeenCalledTimes(1);

    // Keyboard focus in a control fills its tooltip the same way.
    const other = createInlineHost(document, 'x:2', () => {});
    document.body.append(other);
    renderInline(other, 'x:2', { kind: 'log', triage: { label: 'P3 · Other', explain: () => 'P3: not urgent' } });
    other.dispatchEvent(new Event('focusin', { bubbles: true }));
    expect(shadowOf(other).querySelector<HTMLElement>('[data-testid="careside-triage"]')?.title).toBe('P3: not urgent');
    other.remove();

    // A new answer for a control already hovered: its tooltip follows at once.
    renderInline(host, 'x:1', { kind: 'log', triage: { label: 'P2 · Refund', explain: () => 'P2: complaint, answered' } });
    expect(triage?.title).toBe('P2: complaint, answered');
    host.remove();
  });

  it('shares one stylesheet between controls instead of a <style> per post', () => {
    const first = createInlineHost(document, 'x:1', () => {});
    const second = createInlineHost(document, 'x:2', () => {});
    const sheet = shadowOf(first).adoptedStyleSheets[0];
    expect(sheet).toBeDefined();
    expect(shadowOf(second).adoptedStyleSheets[0]).toBe(sheet);
    expect(shadowOf(first).querySelector('style')).toBeNull();
  });

  it('falls back to a <style> where stylesheets cannot be constructed', () => {
    const detached = document.implementation.createHTMLDocument('no window');
    const host = createInlineHost(detached, 'x:1', () => {});
    renderInline(host, 'x:1', { kind: 'log' });
    expect(shadowOf(host).querySelector('style')?.textContent).toContain(':host');
    expect(shadowOf(host).querySelector('[data-testid="careside-log-case"]')?.textContent).toBe('Log case');
  });

  it('renders each control from fresh copies: changing one leaves the others alone', () => {
    const first = createInlineHost(document, 'x:1', () => {});
    const second = createInlineHost(document, 'x:2', () => {});
    renderInline(first, 'x:1', { kind: 'log', triage: { label: 'P1 · Refund', explain: () => 'P1: complaint' } });
    renderInline(second, 'x:2', { kind: 'pending' });
    const triage = shadowOf(first).querySelector<HTMLElement>('[data-testid="careside-triage"]');
    expect(triage?.textContent).toBe('P1 · Refund');
    expect(shadowOf(first).querySelector<HTMLButtonElement>('button')?.disabled).toBe(false);
    expect(shadowOf(second).querySelector<HTMLButtonElement>('button')?.textContent).toBe('Logging…');
    expect(shadowOf(second).querySelector('[data-testid="careside-triage"]')).toBeNull();
  });
});
