import type { EngineEvent } from '../engine/protocol/api.ts';
import type { LabSession } from './lab/lab-session.ts';
import { useApp } from './state/store.ts';
import type { EngineSupervisor } from './engine/supervisor.ts';

/**
 * installTestHooks exposes the lab to end-to-end tests as window.__kubelab,
 * only when the page is opened with ?testhooks. It gives nothing the page
 * does not already hold; it spares tests from scraping a canvas.
 */
export function installTestHooks(lab: LabSession, supervisor?: EngineSupervisor): void {
  if (!new URLSearchParams(location.search).has('testhooks')) return;
  (window as unknown as { __kubelab: unknown }).__kubelab = {
    lab,
    store: useApp,
    /** buffer is the active terminal's text, one line per row */
    buffer: () => lab.activeTab()?.bufferText() ?? '',
    /** mode is the active terminal's line-editor mode ('edit' at a prompt) */
    mode: () => lab.activeTab()?.controller.mode,
    /** graphNodes lists the cluster objects the page knows, as kind/namespace/name */
    graphNodes: () => [...lab.cluster.objects.values()].map((o) => `${o.kind}/${o.namespace ? o.namespace + '/' : ''}${o.name}`),
    /** inject feeds an engine event to the page as if the engine had sent it (graph load tests) */
    inject: (e: EngineEvent) => lab.handleEvent(e),
    /** killEngine ends the engine's worker abruptly, as a crash would; the watchdog must notice */
    killEngine: () => supervisor?.terminateWorker(),
  };
}
