import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { useLab } from '../../lab/context.ts';
import { openHostFile } from '../../lab/files.ts';
import { useApp } from '../../state/store.ts';

/** OpenFileDialog asks for a host and a path and opens that file in the editor. */
export function OpenFileDialog() {
  const { lab } = useLab();
  const hosts = useApp((s) => s.hosts);
  const tab = lab.activeTab();
  const [host, setHost] = useState(tab?.info?.host ?? hosts[0] ?? '');
  const [path, setPath] = useState(tab?.info?.cwd ? `${tab.info.cwd.replace(/\/$/, '')}/` : '/root/');
  const close = () => useApp.setState({ dialog: null });
  const open = () => {
    if (!path.startsWith('/')) return;
    close();
    void openHostFile(lab, host, path);
  };
  return (
    <Dialog
      title="Open a file"
      onClose={close}
      actions={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={open} disabled={!path.startsWith('/') || path.endsWith('/')}>
            Open
          </button>
        </>
      }
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          open();
        }}
      >
        <label>
          Host
          <select value={host} onChange={(e) => setHost(e.target.value)}>
            {hosts.map((h) => (
              <option key={h}>{h}</option>
            ))}
          </select>
        </label>
        <label>
          Path
          <input value={path} onChange={(e) => setPath(e.target.value)} autoFocus spellCheck={false} />
        </label>
      </form>
    </Dialog>
  );
}
