import { useLab } from '../../lab/context.ts';
import { confirm, useApp } from '../../state/store.ts';

/**
 * TimelinePanel lists the session, one point per command (practice mode);
 * choosing one rewinds the cluster and the hosts' files to just after it.
 */
export function TimelinePanel() {
  const { timeline } = useLab();
  const points = useApp((s) => s.timeline);
  const at = useApp((s) => s.timelineAt);
  const exam = useApp((s) => s.exam.mode === 'exam');
  if (exam) return <p className="muted pad">Rewind is off during an exam.</p>;
  if (points.length === 0) return <p className="muted pad">Run a command: each one becomes a point you can rewind to.</p>;
  return (
    <ol className="timeline" aria-label="Rewind points" reversed>
      {[...points].reverse().map((p) => {
        const current = p.id === at;
        const future = at !== null && p.id > at;
        return (
          <li key={p.id} className={`${current ? 'current' : ''} ${future ? 'future' : ''}`}>
            <span className="tl-id">#{p.id}</span>
            <code className="tl-cmd" title={p.command}>
              {p.command}
            </code>
            <span className="tl-time">{new Date(p.at).toLocaleTimeString()}</span>
            <button
              type="button"
              className="btn btn-small"
              disabled={current}
              aria-label={`Rewind to #${p.id}: ${p.command}`}
              onClick={() =>
                confirm({
                  title: `Rewind to #${p.id}?`,
                  body: `The cluster and every host's files go back to just after “${p.command.split('\n')[0]}”. Later points stay until you run a new command.`,
                  confirm: 'Rewind',
                  onConfirm: () => void timeline.rewind(p.id),
                })
              }
            >
              {current ? 'Now' : 'Rewind'}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
