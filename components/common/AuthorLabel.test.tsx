import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AuthorLabel } from './AuthorLabel';

const rendered = (post: { authorName: string; authorHandle?: string }) =>
  render(
    <p>
      <AuthorLabel post={post} />
    </p>,
  ).container;

describe('AuthorLabel', () => {
  it('isolates the name and the handle each in a <bdi>, so an override inside cannot reorder the rest', () => {
    const container = rendered({ authorName: 'Dana \u202Eevil', authorHandle: 'dana_travels' });
    expect([...container.querySelectorAll('bdi')].map((bdi) => bdi.textContent)).toEqual(['Dana \u202Eevil', '@dana_travels']);
    expect(container.textContent).toBe('Dana \u202Eevil (@dana_travels)');
  });

  it('shows whichever the page gave: the handle alone, the name alone, or says it is unknown', () => {
    expect(rendered({ authorName: ' ', authorHandle: 'jane' }).innerHTML).toBe('<p><bdi>@jane</bdi></p>');
    expect(rendered({ authorName: 'مرحبا' }).innerHTML).toBe('<p><bdi>مرحبا</bdi></p>');
    expect(rendered({ authorName: '' }).textContent).toBe('unknown author');
  });
});
