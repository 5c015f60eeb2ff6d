import type { OpenFile } from '../persistence/snapshot.ts';
import { confirm, notify, useApp } from '../state/store.ts';
import type { LabSession } from './lab-session.ts';

const files = () => useApp.getState().files;
const find = (key: string) => files().find((f) => f.key === key);

function update(key: string, patch: Partial<OpenFile>): void {
  useApp.setState((s) => ({ files: s.files.map((f) => (f.key === key ? { ...f, ...patch } : f)) }));
}

function remove(key: string): void {
  useApp.setState((s) => {
    const rest = s.files.filter((f) => f.key !== key);
    return { files: rest, activeFile: s.activeFile === key ? (rest[rest.length - 1]?.key ?? null) : s.activeFile };
  });
}

/** isApiEdit tells a `kubectl edit` buffer (kubectl's temporary file) from a file opened by vi or nano. */
export function isApiEdit(f: Pick<OpenFile, 'kind' | 'path'>): boolean {
  return f.kind === 'edit' && /(^|\/)kubectl-edit-[^/]*$/.test(f.path);
}

/** setContent records an edit in the buffer. */
export function setContent(key: string, content: string): void {
  update(key, { content });
}

/**
 * saveFile is :w. A file opened from the page is written to its host at once;
 * a buffer of vi, nano or kubectl edit is handed over when the editor quits,
 * as those programs read the file only then.
 */
export async function saveFile(lab: LabSession, key: string): Promise<void> {
  const f = find(key);
  if (!f) return;
  if (f.kind === 'file') {
    try {
      await lab.engine.writeFile(f.host, f.path, f.content);
      update(key, { saved: f.content });
      lab.saver.schedule();
    } catch (err) {
      notify('error', `"${f.path}" could not be written: ${(err as Error).message}`);
    }
    return;
  }
  update(key, { written: f.content, saved: f.content });
}

/**
 * closeFile is :q (save: false), :wq (save: true) or :q! (force). For an
 * edit request it answers the engine: the content to use, or null when
 * nothing was written, which vi and kubectl edit treat as "no changes".
 */
export async function closeFile(lab: LabSession, key: string, opts: { save?: boolean; force?: boolean } = {}): Promise<boolean> {
  const f = find(key);
  if (!f) return false;
  const dirty = f.content !== f.saved;
  if (dirty && !opts.save && !opts.force) {
    confirm({
      title: 'Discard changes?',
      body: `${f.title} has changes that are not saved.`,
      confirm: 'Discard',
      danger: true,
      onConfirm: () => void closeFile(lab, key, { force: true }),
    });
    return false;
  }
  if (f.kind === 'file') {
    if (opts.save) await saveFile(lab, key);
    remove(key);
    lab.saver.schedule();
    return true;
  }
  const content = opts.save ? f.content : (f.written ?? null);
  remove(key);
  // Back to the terminal, where the command that opened the editor goes on (as leaving vi does).
  if (!useApp.getState().files.some((x) => x.kind === 'edit')) window.dispatchEvent(new CustomEvent('kubelab:focus-pane', { detail: 'terminal' }));
  try {
    await lab.engine.finishEdit(f.requestId!, content);
  } catch (err) {
    notify('error', `The editor could not hand the file back: ${(err as Error).message}`);
  }
  return true;
}

/** displayPath is the path as typed in a shell at cwd: relative below it, absolute elsewhere. */
export function displayPath(path: string, cwd: string | undefined): string {
  if (cwd && cwd !== '/' && path.startsWith(cwd + '/')) return path.slice(cwd.length + 1);
  return path;
}

/**
 * applyFile saves the file and runs `kubectl apply -f <file>` in a terminal
 * on the file's host, typed visibly, as the learner would.
 */
export async function applyFile(lab: LabSession, key: string): Promise<void> {
  const f = find(key);
  if (!f || isApiEdit(f)) return;
  const tab = f.session ? ([...lab.tabs.values()].find((t) => t.session === f.session) ?? lab.tabOnHost(f.host)) : lab.tabOnHost(f.host);
  if (!tab) return;
  if (f.kind === 'edit') await closeFile(lab, key, { save: true });
  else await saveFile(lab, key);
  if (tab.info && tab.info.host !== f.host) notify('warning', `The terminal runs on ${tab.info.host}, the file is on ${f.host}.`);
  useApp.setState({ activeTab: tab.id });
  tab.controller.run(`kubectl apply -f ${displayPath(f.path, tab.info?.cwd)}`);
  tab.focus();
}

/** openHostFile opens a file of a host in the editor (creating it when saved, if it does not exist). */
export async function openHostFile(lab: LabSession, host: string, path: string): Promise<void> {
  const key = `${host}:${path}`;
  if (find(key)) {
    useApp.setState({ activeFile: key });
    return;
  }
  let content = '';
  try {
    content = await lab.engine.readFile(host, path);
  } catch {
    content = '';
  }
  const f: OpenFile = { key, host, path, title: path.split('/').pop() || path, content, saved: content, kind: 'file' };
  useApp.setState((s) => ({ files: [...s.files, f], activeFile: key }));
  lab.saver.schedule();
}

/** dropEditRequests closes buffers of edit requests: their commands ended with the lab they ran in. */
export function dropEditRequests(): void {
  useApp.setState((s) => {
    const rest = s.files.filter((f) => f.kind !== 'edit');
    return { files: rest, activeFile: rest.some((f) => f.key === s.activeFile) ? s.activeFile : (rest[0]?.key ?? null) };
  });
}

/** reloadCleanFiles re-reads unmodified open files from the (restored) hosts. */
export async function reloadCleanFiles(lab: LabSession): Promise<void> {
  for (const f of files()) {
    if (f.kind !== 'file' || f.content !== f.saved) continue;
    const content = await lab.engine.readFile(f.host, f.path).catch(() => '');
    update(f.key, { content, saved: content });
  }
}
