import { useEffect, useState } from 'react';
import type { Inspection } from '../../../engine/protocol/api.ts';
import { Pane } from '../../components/Pane.tsx';
import { useLab } from '../../lab/context.ts';
import { useApp } from '../../state/store.ts';
import { schedulingMatrix } from './scheduling.ts';

/**
 * Inspector shows the selected object as the engine describes it: its YAML,
 * its events, and for a Pending pod every scheduler filter's verdict per
 * node. Everything is rendered as text.
 */
export function Inspector() {
  const { lab } = useLab();
  const ref = useApp((s) => s.selected);
  const [data, setData] = useState<Inspection | null>(null);
  const [error, setError] = useState('');
  const [tab, setTab] = useState<'yaml' | 'events' | 'scheduling'>('yaml');

  useEffect(() => {
    if (!ref) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      lab.engine.inspect(ref).then(
        (d) => {
          if (!live) return;
          setData(d);
          setError('');
        },
        (err: unknown) => live && setError((err as Error).message),
      );
    void load();
    // Follow the object while it is shown: reload (at most twice a second) when the cluster changes.
    const unsub = lab.onCluster(() => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void load();
      }, 500);
    });
    return () => {
      live = false;
      unsub();
      if (timer) clearTimeout(timer);
    };
  }, [ref, lab]);

  useEffect(() => setTab('yaml'), [ref]);

  if (!ref) return null;
  const matrix = data?.scheduling?.length ? schedulingMatrix(data.scheduling) : null;
  const tabs: { id: 'yaml' | 'events' | 'scheduling'; label: string }[] = [
    { id: 'yaml', label: 'YAML' },
    { id: 'events', label: `Events${data ? ` (${data.events.length})` : ''}` },
    ...(matrix ? [{ id: 'scheduling' as const, label: 'Why Pending' }] : []),
  ];

  return (
    <Pane id="inspector" label="Inspector">
      <div className="inspector-head">
        <h2 className="inspector-title" data-testid="inspector-title">
          <span className="muted">{ref.kind}</span> {ref.namespace ? `${ref.namespace}/` : ''}
          {ref.name}
        </h2>
        <button type="button" className="tab-close" aria-label="Close the inspector" onClick={() => useApp.setState({ selected: null })}>
          ×
        </button>
      </div>
      <div className="tabbar" role="tablist" aria-label="Inspector">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" className="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="pane-body scroll" role="tabpanel" tabIndex={0} data-testid="inspector">
        {error && <p className="error pad">{error}</p>}
        {!data && !error && <p className="muted pad">Loading…</p>}
        {data && tab === 'yaml' && <pre className="yaml" data-testid="inspector-yaml">{data.yaml}</pre>}
        {data && tab === 'events' &&
          (data.events.length === 0 ? (
            <p className="muted pad">No events.</p>
          ) : (
            <table className="events">
              <thead>
                <tr>
                  <th>Type</th>
                  <th>Reason</th>
                  <th>Age</th>
                  <th>Message</th>
                </tr>
              </thead>
              <tbody>
                {data.events.map((e, i) => (
                  <tr key={i} className={e.type === 'Warning' ? 'warning' : ''}>
                    <td>{e.type}</td>
                    <td>{e.reason}</td>
                    <td>
                      {e.age}
                      {e.count > 1 ? ` (x${e.count})` : ''}
                    </td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        {matrix && tab === 'scheduling' && (
          <table className="verdicts" data-testid="verdicts">
            <caption>Each scheduler filter's verdict for each node</caption>
            <thead>
              <tr>
                <th scope="col">Filter</th>
                {matrix.nodes.map((n) => (
                  <th key={n} scope="col">
                    {n}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.plugins.map((p) => (
                <tr key={p}>
                  <th scope="row">{p}</th>
                  {matrix.nodes.map((n) => {
                    const v = matrix.cell(p, n);
                    return (
                      <td key={n} className={v ? v.verdict : 'skipped'} title={v?.reason ?? ''}>
                        {v ? (v.verdict === 'passed' ? '✓ passed' : `✗ ${v.reason ?? 'failed'}`) : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Pane>
  );
}
