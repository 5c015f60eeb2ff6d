import { Pane } from '../../components/Pane.tsx';
import { useApp } from '../../state/store.ts';
import { TasksPanel } from './TasksPanel.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';

/** LeftPanel holds the tasks and the rewind timeline, as two tabs. */
export function LeftPanel() {
  const tab = useApp((s) => s.leftTab);
  const tabs = [
    { id: 'tasks', label: 'Tasks' },
    { id: 'timeline', label: 'Timeline' },
  ] as const;
  return (
    <Pane id="tasks" label="Tasks">
      <div className="tabbar" role="tablist" aria-label="Task panel">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`left-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`left-panel-${t.id}`}
            className="tab"
            onClick={() => useApp.setState({ leftTab: t.id })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="pane-body scroll" role="tabpanel" id={`left-panel-${tab}`} aria-labelledby={`left-tab-${tab}`} tabIndex={0}>
        {tab === 'tasks' ? <TasksPanel /> : <TimelinePanel />}
      </div>
    </Pane>
  );
}
