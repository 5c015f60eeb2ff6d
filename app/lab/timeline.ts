import type { TimelinePoint } from '../persistence/snapshot.ts';
import { isQuotaError } from './saver.ts';
import { notify, useApp } from '../state/store.ts';
import type { LabSession } from './lab-session.ts';
import { dropEditRequests, reloadCleanFiles } from './files.ts';
import { sessionFor } from './restore.ts';

/** MAX_POINTS bounds the rewind timeline; the oldest points go first. */
export const MAX_POINTS = 200;

/**
 * planPoint computes the timeline after recording a new point: points ahead
 * of the current one (left by a rewind) are dropped, and the oldest go when
 * the timeline is full. It returns the new list and the ids to delete.
 */
export function planPoint(timeline: TimelinePoint[], at: number | null, point: TimelinePoint, max = MAX_POINTS): { timeline: TimelinePoint[]; drop: number[] } {
  const kept = at === null ? timeline : timeline.filter((p) => p.id <= at);
  const drop = timeline.filter((p) => !kept.includes(p)).map((p) => p.id);
  const next = [...kept, point];
  while (next.length > max) drop.push(next.shift()!.id);
  return { timeline: next, drop };
}

/**
 * Timeline is rewind, in practice mode: after every command the engine's
 * state is saved as a point; rewinding boots the engine from a point, so the
 * cluster and every host's files are as they were just after that command.
 */
export class Timeline {
  constructor(private readonly lab: LabSession) {
    lab.onCommand = (tab, command) => this.record(command, tab.id);
    lab.onFreshBoot = () => this.record('(lab started)', '');
  }

  private async record(command: string, tab: string): Promise<Uint8Array | undefined> {
    if (useApp.getState().exam.mode !== 'practice') return undefined;
    const state = await this.lab.engine.saveState();
    const s = useApp.getState();
    const id = Math.max(0, ...s.timeline.map((p) => p.id)) + 1;
    if (!(await this.storePoint(id, state))) return state;
    const plan = planPoint(s.timeline, s.timelineAt, { id, at: Date.now(), command, tab });
    useApp.setState({ timeline: plan.timeline, timelineAt: id });
    if (plan.drop.length) void this.lab.store.deletePoints(plan.drop).catch(() => undefined);
    return state;
  }

  /**
   * storePoint keeps a point's state. When the browser's storage is full it
   * gives up the older half of the timeline to make room; when even that is
   * not enough the point is skipped (the lab itself still saves).
   */
  private async storePoint(id: number, state: Uint8Array): Promise<boolean> {
    try {
      await this.lab.store.putPoint(id, state);
      return true;
    } catch (err) {
      if (!isQuotaError(err)) throw err;
    }
    const points = useApp.getState().timeline;
    const drop = points.slice(0, Math.ceil(points.length / 2)).map((p) => p.id);
    await this.lab.store.deletePoints(drop).catch(() => undefined);
    useApp.setState((s) => ({ timeline: s.timeline.filter((p) => !drop.includes(p.id)) }));
    try {
      await this.lab.store.putPoint(id, state);
      notify('warning', "The browser's storage is nearly full: the oldest rewind points were dropped.", 10000);
      return true;
    } catch {
      notify('warning', "The browser's storage is full: this command is not a rewind point.", 10000);
      return false;
    }
  }

  /** rewind restores the lab as it was just after point `id`. */
  async rewind(id: number): Promise<void> {
    const point = useApp.getState().timeline.find((p) => p.id === id);
    const state = await this.lab.store.getPoint(id);
    if (!point || !state) {
      notify('error', 'That point of the timeline is no longer stored.');
      return;
    }
    await this.lab.saver.pause(async () => {
      const info = await this.lab.bootEngine(state);
      dropEditRequests();
      const unused = new Map(info.sessions.map((x) => [x.id, x]));
      for (const tab of this.lab.tabs.values()) {
        const session = await sessionFor(this.lab.engine, tab, unused);
        tab.attach(session);
        tab.controller.notice(`\x1b[2m── rewound to #${id}: ${point.command.split('\n')[0]} ──\x1b[0m`, session.prompt);
      }
      await reloadCleanFiles(this.lab);
      useApp.setState({ timelineAt: id });
    });
    notify('info', `Rewound to #${id}.`);
  }
}
