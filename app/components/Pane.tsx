import type { ReactNode } from 'react';
import type { PaneId } from '../state/store.ts';

/** Pane is one of the four work areas: a labelled region that Alt+1…4 can focus. */
export function Pane({ id, label, children, className = '' }: { id: PaneId | 'inspector'; label: string; children: ReactNode; className?: string }) {
  return (
    <section className={`pane pane-${id} ${className}`} data-pane={id} aria-label={label} tabIndex={-1}>
      {children}
    </section>
  );
}
