import { useEffect } from 'react';
import { useApp, type PaneId } from '../state/store.ts';
import { applyFile } from './files.ts';
import { pageAction } from './keys.ts';
import type { LabSession } from './lab-session.ts';

/** focusPane moves keyboard focus into a pane: the terminal's input, the editor, the graph, the task text. */
export function focusPane(lab: LabSession, pane: PaneId): void {
  if (pane === 'terminal') {
    lab.activeTab()?.focus();
    return;
  }
  if (pane === 'tasks') useApp.setState({ leftOpen: true });
  requestAnimationFrame(() => {
    const root = document.querySelector<HTMLElement>(`[data-pane="${pane}"]`);
    if (!root) return;
    const target =
      pane === 'editor'
        ? (root.querySelector<HTMLElement>('.monaco-editor textarea') ?? root.querySelector<HTMLElement>('button'))
        : pane === 'topology'
          ? root.querySelector<HTMLElement>('[data-testid="graph"]')
          : root.querySelector<HTMLElement>('[role="tabpanel"]');
    (target ?? root).focus();
  });
}

/** usePageShortcuts installs the page's keyboard shortcuts (capture phase, before the focused control). */
export function usePageShortcuts(lab: LabSession): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && useApp.getState().selected && !useApp.getState().dialog && document.activeElement?.closest('[data-pane="inspector"],[data-pane="topology"]')) {
        useApp.setState({ selected: null });
        return;
      }
      const a = pageAction(e);
      if (!a || a.kind === 'copy' || a.kind === 'paste') return;
      e.preventDefault();
      e.stopPropagation();
      const s = useApp.getState();
      switch (a.kind) {
        case 'focus':
          focusPane(lab, a.pane);
          break;
        case 'new-tab':
          void lab.newTab();
          break;
        case 'close-tab':
          if (s.activeTab) void lab.closeTab(s.activeTab);
          break;
        case 'switch-tab': {
          const i = s.tabs.findIndex((t) => t.id === s.activeTab);
          const next = s.tabs[(i + a.dir + s.tabs.length) % s.tabs.length];
          if (next) useApp.setState({ activeTab: next.id });
          break;
        }
        case 'theme':
          useApp.setState({ prefs: { ...s.prefs, theme: s.prefs.theme === 'dark' ? 'light' : 'dark' } });
          break;
        case 'apply':
          if (s.activeFile) void applyFile(lab, s.activeFile);
          break;
        case 'toggle-left':
          useApp.setState({ leftOpen: !s.leftOpen });
          break;
        case 'help':
          useApp.setState({ dialog: { kind: 'help' } });
          break;
      }
    };
    const onFocusPane = (e: Event) => focusPane(lab, (e as CustomEvent<PaneId>).detail);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('kubelab:focus-pane', onFocusPane);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('kubelab:focus-pane', onFocusPane);
    };
  }, [lab]);
}
