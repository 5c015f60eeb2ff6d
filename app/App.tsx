import { useEffect } from 'react';
import { Notices } from './components/Notices.tsx';
import { Split, type SplitItem } from './components/Split.tsx';
import { DialogHost } from './DialogHost.tsx';
import { EditorPane } from './features/editor/EditorPane.tsx';
import { showExamAlerts } from './features/exam/exam-run.ts';
import { Header } from './features/header/Header.tsx';
import { LeftPanel } from './features/tasks/LeftPanel.tsx';
import { TerminalPane } from './features/terminal/TerminalPane.tsx';
import { Inspector } from './features/topology/Inspector.tsx';
import { TopologyPane } from './features/topology/TopologyPane.tsx';
import { useLab } from './lab/context.ts';
import { usePageShortcuts } from './lab/use-shortcuts.ts';
import { TabConflict } from './lab/TabConflict.tsx';
import { useApp } from './state/store.ts';

/** App is the layout: header, then tasks | terminal over editor | topology over inspector. */
export function App() {
  const { lab } = useLab();
  const theme = useApp((s) => s.prefs.theme);
  const leftOpen = useApp((s) => s.leftOpen);
  const hasFiles = useApp((s) => s.files.length > 0);
  const selected = useApp((s) => s.selected !== null);
  usePageShortcuts(lab);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem('kubelab.theme', theme);
    } catch {
      // storage may be off; the theme is also saved with the lab
    }
  }, [theme]);

  useEffect(() => {
    const t = setInterval(() => {
      const now = Date.now();
      useApp.setState({ now });
      showExamAlerts(now);
    }, 1000);
    return () => clearInterval(t);
  }, []);

  const center: SplitItem[] = hasFiles
    ? [
        { key: 'terminal', label: 'terminal', node: <TerminalPane />, min: 140 },
        { key: 'editor', label: 'editor', node: <EditorPane />, min: 160 },
      ]
    : [{ key: 'terminal', label: 'terminal', node: <TerminalPane />, min: 140 }];
  const right: SplitItem[] = selected
    ? [
        { key: 'topology', label: 'topology', node: <TopologyPane />, min: 160 },
        { key: 'inspector', label: 'inspector', node: <Inspector />, min: 160 },
      ]
    : [{ key: 'topology', label: 'topology', node: <TopologyPane />, min: 160 }];
  const columns: SplitItem[] = [
    ...(leftOpen ? [{ key: 'left', label: 'task panel', node: <LeftPanel />, min: 200 }] : []),
    {
      key: 'center',
      label: 'terminal and editor',
      min: 380,
      node: (
        <div className="column">
          <Split dir="column" items={center} />
          {!hasFiles && <EditorPane />}
        </div>
      ),
    },
    { key: 'right', label: 'topology', node: <Split dir="column" items={right} />, min: 280 },
  ];

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={() => lab.activeTab()?.focus()}>
        Skip to the terminal
      </a>
      <Header />
      <main id="main" className="workspace">
        <Split dir="row" items={columns} />
      </main>
      <Notices />
      <DialogHost />
      <TabConflict />
    </div>
  );
}
