import { loadPack, type LoadResult } from '../../../exercises/pack/load.ts';
import { formatPackError } from '../../../exercises/pack/types.ts';
import { confirm, notify, useApp, type OpenedPack } from '../../state/store.ts';
import type { LabSession } from '../../lab/lab-session.ts';
import { bundledPacks } from '../tasks/packs.ts';
import { startPractice } from '../tasks/practice.ts';
import { fetchPack } from './remote-pack.ts';
import { readShareParams } from './share.ts';

/** addPack shows a loaded pack beside the shipped ones (replacing one with the same id), or its errors. */
function addPack(r: LoadResult, source: string, url?: string): boolean {
  if (!r.ok) {
    useApp.setState({ packErrors: r.errors.map((e) => `${source}: ${formatPackError(e)}`) });
    notify('error', `The pack ${source} could not be opened: ${r.errors.length} problem(s), listed in the Tasks panel.`, 10000);
    return false;
  }
  useApp.setState((s) => ({ packErrors: [], openedPacks: [...s.openedPacks.filter((o) => o.pack.id !== r.pack.id), { pack: r.pack, ...(url ? { url } : {}) }] }));
  return true;
}

/** openPackUrl opens a pack published at a URL. */
export async function openPackUrl(url: string): Promise<boolean> {
  return addPack(await fetchPack(url), url, url);
}

/** openPackFiles opens a pack from files the learner picked (a pack.yaml with its exercises, or one exercise). */
export async function openPackFiles(files: File[]): Promise<boolean> {
  const texts: Record<string, string> = {};
  for (const f of files) texts[f.name] = await f.text();
  const name = files.length === 1 ? files[0]!.name.replace(/\.ya?ml$/, '') : 'pack';
  return addPack(loadPack(texts, name), files.map((f) => f.name).join(', '));
}

/** allPacks are the shipped packs and the opened ones. */
export async function allPacks(): Promise<OpenedPack[]> {
  const { packs } = await bundledPacks();
  const opened = useApp.getState().openedPacks;
  return [...packs.filter((p) => !opened.some((o) => o.pack.id === p.id)).map((pack) => ({ pack })), ...opened];
}

/**
 * openShareLink acts on the page's address once the lab runs: `?pack=` opens
 * that pack, `?exercise=pack/id` offers to start that exercise (starting it
 * replaces the lab, so the learner confirms).
 */
export async function openShareLink(lab: LabSession, search: string): Promise<void> {
  const want = readShareParams(search);
  if (want.packUrl && !(await openPackUrl(want.packUrl))) return;
  if (!want.exercise) return;
  const found = (await allPacks()).find((p) => p.pack.id === want.exercise!.pack);
  const ex = found?.pack.exercises.find((e) => e.id === want.exercise!.exercise);
  if (!found || !ex) {
    notify('error', `The link names an exercise that is not here: ${want.exercise.pack}/${want.exercise.exercise}.`, 10000);
    return;
  }
  useApp.setState({ leftOpen: true, leftTab: 'tasks' });
  confirm({ title: `Start “${ex.title}”?`, body: 'This link opens an exercise. The lab is replaced by a fresh one, set up for it.', confirm: 'Start', onConfirm: () => void startPractice(lab, found.pack, ex) });
}
