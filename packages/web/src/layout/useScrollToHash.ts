import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * Once a page's records are on screen, brings the one a link named (`…/progress#report-I8`) into
 * view, so that a task's link lands on its item rather than at the top of a long page.
 */
export function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [ready, hash]);
}
