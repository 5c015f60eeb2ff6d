import { lazy, Suspense } from 'react';
import { Pane } from '../../components/Pane.tsx';
import { useLab } from '../../lab/context.ts';
import { applyFile, closeFile, isApiEdit, saveFile } from '../../lab/files.ts';
import { setPrefs, useApp } from '../../state/store.ts';

const MonacoEditor = lazy(() => import('./MonacoEditor.tsx'));

/**
 * EditorPane: the open files as tabs, their actions (save, save and close,
 * apply), the vim toggle, and Monaco, which loads only when a file opens.
 */
export function EditorPane() {
  const { lab } = useLab();
  const files = useApp((s) => s.files);
  const activeKey = useApp((s) => s.activeFile);
  const vim = useApp((s) => s.prefs.vim);
  const file = files.find((f) => f.key === activeKey) ?? files[0];

  if (!file) {
    return (
      <Pane id="editor" label="Editor" className="editor-empty">
        <div className="editor-hint">
          <strong>Editor</strong> <span className="muted">— opens with</span> <code>vi</code>, <code>vim</code>, <code>nano</code> <span className="muted">or</span> <code>kubectl edit</code>
          <button type="button" className="btn btn-small" onClick={() => useApp.setState({ dialog: { kind: 'open-file' } })}>
            Open file…
          </button>
        </div>
      </Pane>
    );
  }
  const dirty = file.content !== file.saved;
  const apiEdit = isApiEdit(file);
  return (
    <Pane id="editor" label="Editor">
      <div className="tabbar" role="tablist" aria-label="Open files">
        {files.map((f) => (
          <div key={f.key} className={`tab-wrap ${f.key === file.key ? 'active' : ''}`}>
            <button type="button" role="tab" className="tab" aria-selected={f.key === file.key} title={`${f.host}:${f.path}`} onClick={() => useApp.setState({ activeFile: f.key })}>
              {f.content !== f.saved ? '● ' : ''}
              {f.title}
            </button>
            <button type="button" className="tab-close" aria-label={`Close ${f.title}`} onClick={() => void closeFile(lab, f.key)}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="tab-add" aria-label="Open a file" title="Open a file of a host" onClick={() => useApp.setState({ dialog: { kind: 'open-file' } })}>
          +
        </button>
      </div>
      <div className="editor-toolbar" role="toolbar" aria-label="File actions">
        <span className="file-path" title={file.kind === 'edit' ? 'opened by a command in the terminal' : 'opened from the page'}>
          {file.host}:{file.path}
        </span>
        <span className="spacer" />
        <label className="check">
          <input type="checkbox" checked={vim} onChange={(e) => setPrefs({ vim: e.target.checked })} /> vim keys
        </label>
        {file.kind === 'file' ? (
          <button type="button" className="btn btn-small" disabled={!dirty} onClick={() => void saveFile(lab, file.key)} title="Ctrl+S">
            Save
          </button>
        ) : (
          <>
            <button type="button" className="btn btn-small" onClick={() => void saveFile(lab, file.key)} title="Ctrl+S (:w) — handed over on close">
              Write
            </button>
            <button type="button" className="btn btn-small" onClick={() => void closeFile(lab, file.key, { save: true })} title=":wq">
              Save &amp; close
            </button>
          </>
        )}
        {!apiEdit && (
          <button type="button" className="btn btn-small btn-primary" onClick={() => void applyFile(lab, file.key)} title="Save, then run kubectl apply -f in the terminal (Alt+Shift+A)">
            Apply
          </button>
        )}
      </div>
      <div className="editor-body">
        <Suspense fallback={<div className="booting">Loading the editor…</div>}>
          <MonacoEditor lab={lab} file={file} />
        </Suspense>
      </div>
    </Pane>
  );
}
