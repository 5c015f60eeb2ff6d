import { useApp } from '../state/store.ts';

/** Notices shows short messages in a polite live region (read out by screen readers). */
export function Notices() {
  const notices = useApp((s) => s.notices);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`}>
          {n.text}
        </div>
      ))}
    </div>
  );
}
