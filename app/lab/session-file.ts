import { decodeSession, encodeSession } from '../persistence/codec.ts';
import { notify } from '../state/store.ts';
import { dropEditRequests } from './files.ts';
import type { LabSession } from './lab-session.ts';

/** exportSession downloads the lab as a session file. */
export async function exportSession(lab: LabSession): Promise<void> {
  const engine = await lab.engine.saveState();
  const text = encodeSession({ savedAt: Date.now(), engine, ui: lab.snapshot() });
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  a.href = url;
  a.download = `kubelab-${stamp}.kubelab.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** importSession replaces the lab with the one in a session file. */
export async function importSession(lab: LabSession, file: File): Promise<void> {
  let snap;
  try {
    snap = decodeSession(await file.text());
  } catch (err) {
    notify('error', `${file.name}: ${(err as Error).message}`);
    return;
  }
  await lab.saver.pause(async () => {
    dropEditRequests();
    await lab.store.clear();
    await lab.restoreSnapshot(snap);
  });
  notify('info', `Imported ${file.name}.`);
}
