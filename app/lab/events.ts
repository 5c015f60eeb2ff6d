import type { EngineEvent, SessionInfo } from '../../engine/protocol/api.ts';
import type { OpenFile } from '../persistence/snapshot.ts';
import { notify, useApp } from '../state/store.ts';
import type { LabSession } from './lab-session.ts';

/** tabTitle names a tab after where its shell runs, user@host, as terminal emulators title it. */
export function tabTitle(info: SessionInfo): string {
  return `${info.user}@${info.host}`;
}

/**
 * routeEvent hands one engine event to the part of the page that shows it:
 * output to its terminal, session changes to tab titles (ssh, sudo -i,
 * exit), edit requests to the editor, cluster diffs to the topology.
 */
export function routeEvent(lab: LabSession, e: EngineEvent): void {
  switch (e.type) {
    case 'output':
      lab.tabForSession(e.session)?.controller.output(e.data);
      break;
    case 'session': {
      const tab = lab.tabForSession(e.session.id);
      if (!tab) break;
      tab.info = e.session;
      useApp.setState((s) => ({ tabs: s.tabs.map((t) => (t.id === tab.id ? { ...t, title: tabTitle(e.session) } : t)) }));
      break;
    }
    case 'edit':
      openEdit(e);
      break;
    case 'cluster': {
      lab.cluster.apply(e.diff);
      const ns = lab.cluster.namespaces();
      if (ns.join(',') !== useApp.getState().namespaces.join(',')) useApp.setState({ namespaces: ns });
      lab.emitCluster();
      break;
    }
    case 'notice':
      notify(e.level, e.text);
      break;
    case 'clock':
      break;
  }
}

/** openEdit opens the buffer of vi, nano or kubectl edit and moves the keyboard there. */
function openEdit(e: Extract<EngineEvent, { type: 'edit' }>): void {
  const key = `edit:${e.requestId}`;
  const file: OpenFile = { key, host: e.host, path: e.path, title: e.title ?? e.path.split('/').pop() ?? e.path, content: e.content, saved: e.content, kind: 'edit', requestId: e.requestId, session: e.session, written: null };
  useApp.setState((s) => ({ files: [...s.files.filter((f) => f.key !== key), file], activeFile: key }));
  window.dispatchEvent(new CustomEvent('kubelab:focus-pane', { detail: 'editor' }));
}
