import { useEffect, useRef } from 'react';
import { closeFile, saveFile, setContent } from '../../lab/files.ts';
import type { LabSession } from '../../lab/lab-session.ts';
import type { OpenFile } from '../../persistence/snapshot.ts';
import { useApp } from '../../state/store.ts';
import { languageFor, modelUri } from './language.ts';
import { monaco } from './monaco-setup.ts';
import { enableVim, type VimHandle } from './vim.ts';

/**
 * MonacoEditor is the editor's lazily loaded half: one Monaco instance, one
 * model per open file (created on first view, kept with its undo history
 * and view state), vim keys on demand, Ctrl+S to save.
 */
export default function MonacoEditor({ lab, file }: { lab: LabSession; file: OpenFile }) {
  const host = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const views = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const current = useRef(file.key);
  const theme = useApp((s) => s.prefs.theme);
  const vim = useApp((s) => s.prefs.vim);

  useEffect(() => {
    const ed = monaco.editor.create(host.current!, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      renderWhitespace: 'boundary',
      theme: useApp.getState().prefs.theme === 'dark' ? 'vs-dark' : 'vs',
      accessibilitySupport: 'auto',
      ariaLabel: 'Editor',
      quickSuggestions: { other: true, strings: true, comments: false },
    });
    editor.current = ed;
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void saveFile(lab, current.current));
    const sub = ed.onDidChangeModelContent(() => {
      const m = ed.getModel();
      if (m) setContent(current.current, m.getValue());
    });
    if (new URLSearchParams(location.search).has('testhooks')) (window as unknown as { __monaco?: unknown }).__monaco = { monaco, editor: ed };
    return () => {
      sub.dispose();
      ed.dispose();
      editor.current = null;
    };
  }, [lab]);

  // Show the active file's model, creating it the first time.
  useEffect(() => {
    const ed = editor.current;
    if (!ed) return;
    const prev = ed.getModel();
    if (prev && current.current !== file.key) views.current.set(current.current, ed.saveViewState());
    current.current = file.key;
    const uri = monaco.Uri.parse(modelUri(file));
    let model = monaco.editor.getModel(uri);
    if (!model) model = monaco.editor.createModel(file.content, languageFor(file.path, file.content), uri);
    else if (model.getValue() !== file.content) model.setValue(file.content);
    if (ed.getModel() !== model) {
      ed.setModel(model);
      const view = views.current.get(file.key);
      if (view) ed.restoreViewState(view);
    }
    ed.focus();
  }, [file.key, file.content, file]);

  // Dispose the models of closed files.
  const keys = useApp((s) => s.files.map((f) => modelUri(f)).join('\n'));
  useEffect(() => {
    const open = new Set(keys.split('\n'));
    for (const m of monaco.editor.getModels()) if (m.uri.scheme === 'file' && !open.has(m.uri.toString())) m.dispose();
  }, [keys]);

  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [theme]);

  useEffect(() => {
    if (!vim || !editor.current || !status.current) return;
    const h: VimHandle = enableVim(editor.current, status.current, {
      write: () => void saveFile(lab, current.current),
      quit: (force) => void closeFile(lab, current.current, { force }),
      writeQuit: () => void closeFile(lab, current.current, { save: true }),
      dirty: () => {
        const f = useApp.getState().files.find((x) => x.key === current.current);
        return !!f && f.content !== f.saved;
      },
    });
    return () => h.dispose();
  }, [vim, lab]);

  return (
    <div className="monaco-wrap">
      <div ref={host} className="monaco-host" data-testid="monaco" />
      <div ref={status} className={`vim-status ${vim ? '' : 'hidden'}`} aria-live="polite" />
    </div>
  );
}
