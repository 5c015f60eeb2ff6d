import { Dialog } from './components/Dialog.tsx';
import { OpenFileDialog } from './features/editor/OpenFileDialog.tsx';
import { SHORTCUTS } from './lab/keys.ts';
import { useApp } from './state/store.ts';

/** DialogHost shows the current dialog: a confirmation, the shortcuts, or "open file". */
export function DialogHost() {
  const dialog = useApp((s) => s.dialog);
  const close = () => useApp.setState({ dialog: null });
  if (!dialog) return null;
  if (dialog.kind === 'open-file') return <OpenFileDialog />;
  if (dialog.kind === 'help') {
    return (
      <Dialog
        title="Keyboard shortcuts"
        onClose={close}
        actions={
          <button type="button" className="btn btn-primary" onClick={close} autoFocus>
            Close
          </button>
        }
      >
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">In the terminal every bash/readline key works as on the exam: Ctrl-A/E/K/U/W/Y/L/R/C/D, Alt-B/F/D/., arrows, Tab.</p>
      </Dialog>
    );
  }
  return (
    <Dialog
      title={dialog.title}
      onClose={close}
      actions={
        <>
          <button type="button" className="btn" onClick={close} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className={`btn ${dialog.danger ? 'btn-danger' : 'btn-primary'}`}
            onClick={() => {
              close();
              dialog.onConfirm();
            }}
          >
            {dialog.confirm}
          </button>
        </>
      }
    >
      <p>{dialog.body}</p>
    </Dialog>
  );
}
