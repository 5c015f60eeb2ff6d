import { createContext, useContext } from 'react';
import type { LabSession } from './lab-session.ts';
import type { Timeline } from './timeline.ts';

/** LabHandle is what components reach the lab through. */
export interface LabHandle {
  lab: LabSession;
  timeline: Timeline;
}

/** LabContext carries the page's one lab. */
export const LabContext = createContext<LabHandle | null>(null);

/** useLab returns the lab (inside the provider). */
export function useLab(): LabHandle {
  const h = useContext(LabContext);
  if (!h) throw new Error('useLab outside LabContext');
  return h;
}
