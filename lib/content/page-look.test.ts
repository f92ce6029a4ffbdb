import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageTheme, reservePageRoom, showPost } from './page-look';

afterEach(() => {
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  document.body.replaceChildren();
});

describe('the page around the sidebar', () => {
  it('makes room for a docked panel and puts back what the page had', () => {
    document.documentElement.style.setProperty('margin-right', '12px');
    const release = reservePageRoom(document, 340);
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('340px');
    expect(document.documentElement.style.getPropertyPriority('margin-right')).toBe('important');
    release();
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('12px');

    document.documentElement.style.removeProperty('margin-right');
    const releaseAgain = reservePageRoom(document, 340);
    releaseAgain();
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
  });

  it.each([
    ['rgb(0, 0, 0)', 'dark'],
    ['rgb(21, 32, 43)', 'dark'],
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(247, 249, 249)', 'light'],
  ] as const)('reads a page painted %s as %s', (background, theme) => {
    document.body.style.backgroundColor = background;
    expect(pageTheme(document)).toBe(theme);
  });

  it('outlines a shown post for a moment and restores its own style', () => {
    const post = document.createElement('article');
    post.style.outline = '1px dotted red';
    const own = post.style.getPropertyValue('outline');
    const scroll = vi.fn();
    post.scrollIntoView = scroll;
    document.body.append(post);
    let restore: (() => void) | undefined;
    showPost(post, (run) => (restore = run));
    expect(scroll).toHaveBeenCalledOnce();
    expect(post.style.getPropertyValue('outline')).toContain('3px');
    restore?.();
    expect(post.style.getPropertyValue('outline')).toBe(own);
    expect(post.style.getPropertyValue('outline-offset')).toBe('');
  });
});
