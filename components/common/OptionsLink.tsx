import type { MouseEvent, ReactNode } from 'react';
import { browser } from 'wxt/browser';

/**
 * Link to the options page. openOptionsPage focuses an already open options tab
 * instead of opening another; the href keeps it a real, inspectable link.
 */
export function OptionsLink({ children, className }: { children: ReactNode; className?: string }) {
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage();
  };
  return (
    <a className={className} href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener" onClick={open}>
      {children}
    </a>
  );
}
