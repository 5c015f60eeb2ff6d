import { useEffect, useRef, useState } from 'react';
import { Pane } from '../../components/Pane.tsx';
import { useLab } from '../../lab/context.ts';
import { useApp } from '../../state/store.ts';
import type { GraphView } from './graph-view.ts';
import { afterFirstPrompt } from '../../state/first-prompt.ts';
import { StableLayout } from './layout.ts';
import { buildGraph, diffGraphs, emptyGraph, GRAPH_KINDS, type Graph, type ObjectRef } from './model.ts';

function describe(label: string, kind: string, status: string): string {
  return `${kind} ${label}${status ? `, ${status}` : ''}`;
}

/**
 * TopologyPane draws the cluster. Diffs from the engine are folded in once
 * per animation frame (however many arrive), turned into a graph patch and
 * applied in one cytoscape batch, so a thousand elements stay smooth.
 * Cytoscape itself loads, and the first graph is drawn, once the first
 * prompt is on screen: the learner waits for the prompt, not for the graph.
 */
export function TopologyPane() {
  const { lab } = useLab();
  const filters = useApp((s) => s.filters);
  const namespaces = useApp((s) => s.namespaces);
  const theme = useApp((s) => s.prefs.theme);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<GraphView | null>(null);
  const [ready, setReady] = useState(false);
  const [count, setCount] = useState(0);
  const [announce, setAnnounce] = useState('');

  useEffect(() => {
    let cancelled = false;
    let frame = 0;
    let graph: Graph = emptyGraph();
    const layout = new StableLayout();
    const render = () => {
      frame = 0;
      const v = view.current;
      if (!v) return;
      const next = buildGraph(lab.cluster, useApp.getState().filters);
      const patch = diffGraphs(graph, next);
      graph = next;
      v.apply(patch, layout.place(next));
      setCount(next.nodes.size + next.edges.size);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(render);
    };
    const unsub = lab.onCluster(schedule);
    const unsubFilters = useApp.subscribe((s, prev) => s.filters !== prev.filters && schedule());
    const cancelLoad = afterFirstPrompt(() => void import('./graph-view.ts').then(({ createGraphView }) => {
      if (cancelled || !host.current) return;
      view.current = createGraphView(host.current, useApp.getState().prefs.theme, (n) => {
        const ref = n?.data('ref') as ObjectRef | undefined;
        useApp.setState({ selected: ref ?? null });
      });
      if (new URLSearchParams(location.search).has('testhooks')) (window as unknown as { __cy?: unknown }).__cy = view.current.cy;
      setReady(true);
      schedule();
    }));
    return () => {
      cancelled = true;
      cancelLoad();
      unsub();
      unsubFilters();
      if (frame) cancelAnimationFrame(frame);
      view.current?.destroy();
      view.current = null;
    };
  }, [lab]);

  useEffect(() => view.current?.setTheme(theme), [theme, ready]);

  const setNs = (v: string) => useApp.setState((s) => ({ filters: { ...s.filters, namespaces: v === '' ? null : [v] } }));
  const toggleKind = (k: string) =>
    useApp.setState((s) => ({ filters: { ...s.filters, hiddenKinds: s.filters.hiddenKinds.includes(k) ? s.filters.hiddenKinds.filter((x) => x !== k) : [...s.filters.hiddenKinds, k] } }));

  const onKeyDown = (e: React.KeyboardEvent) => {
    const v = view.current;
    if (!v) return;
    const dir = ({ ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const)[e.key as 'ArrowLeft'];
    if (dir) {
      e.preventDefault();
      const n = v.step(dir);
      if (n) setAnnounce(describe(String(n.data('label')).replace('\n', ' '), String(n.data('kind')), ''));
    } else if (e.key === 'Enter' || e.key === ' ') {
      const n = v.focused();
      const ref = n?.data('ref') as ObjectRef | undefined;
      if (ref) {
        e.preventDefault();
        useApp.setState({ selected: ref });
      }
    } else if (e.key === '+' || e.key === '=') v.zoom(1.25);
    else if (e.key === '-') v.zoom(0.8);
    else if (e.key === '0') v.fit();
  };

  return (
    <Pane id="topology" label="Topology">
      <div className="graph-toolbar" role="toolbar" aria-label="Topology filters">
        <label>
          <span className="visually-hidden">Namespace</span>
          <select value={filters.namespaces?.[0] ?? ''} onChange={(e) => setNs(e.target.value)} aria-label="Namespace">
            <option value="">All namespaces</option>
            {namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <details className="kinds">
          <summary>Kinds</summary>
          <div className="menu" role="group" aria-label="Kinds shown">
            {GRAPH_KINDS.map((k) => (
              <label key={k} className="check">
                <input type="checkbox" checked={!filters.hiddenKinds.includes(k)} onChange={() => toggleKind(k)} /> {k}
              </label>
            ))}
          </div>
        </details>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => view.current?.zoom(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="btn btn-small" onClick={() => view.current?.zoom(0.8)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="btn btn-small" onClick={() => view.current?.fit()}>
          Fit
        </button>
      </div>
      <div
        ref={host}
        className="graph"
        data-testid="graph"
        tabIndex={0}
        role="application"
        aria-roledescription="cluster graph"
        aria-label="Cluster graph: arrow keys move between objects, Enter inspects, + and - zoom, 0 fits"
        onKeyDown={onKeyDown}
      />
      <div className="graph-count muted small" aria-hidden="true">
        {count} elements
      </div>
      <div className="visually-hidden" aria-live="polite">
        {announce}
      </div>
      {!ready && <div className="booting">Loading the graph…</div>}
    </Pane>
  );
}
