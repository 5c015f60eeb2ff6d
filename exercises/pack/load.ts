import { LineCounter, parseDocument, type Node } from 'yaml';
import { validateNode, type Located } from './schema-dsl.ts';
import { EXERCISE_SCHEMA, PACK_SCHEMA } from './schema.ts';
import type { Exercise, Pack, PackError } from './types.ts';

/** PackFiles are a pack's files by their path inside the pack (pack.yaml, rbac.yaml, rbac.md, lab.yaml…). */
export type PackFiles = Record<string, string>;

/** LoadResult is a valid pack, or every mistake found in it. */
export type LoadResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

interface Parsed {
  value: unknown;
  errors: PackError[];
}

/** parseYaml reads one YAML file with positions, returning its value and its syntax and schema errors. */
function parseChecked(file: string, text: string, schema: typeof PACK_SCHEMA): Parsed {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const where: Located = { file, lc };
  const syntax = [...doc.errors, ...doc.warnings].map((e) => {
    const p = lc.linePos(e.pos[0]);
    return { file, line: p.line, col: p.col, message: e.message.split('\n')[0]! };
  });
  if (doc.errors.length) return { value: undefined, errors: syntax };
  const errors = validateNode(doc.contents as Node, schema, where, '', 0);
  return { value: errors.length ? undefined : doc.toJS(), errors };
}

/** parseExercise reads one exercise file (and its Markdown task beside it, if any). */
export function parseExercise(file: string, text: string, taskMarkdown?: string): { exercise?: Exercise; errors: PackError[] } {
  const r = parseChecked(file, text, EXERCISE_SCHEMA);
  if (!r.value) return { errors: r.errors };
  const v = r.value as Omit<Exercise, 'source'> & { apiVersion: string; kind: string };
  const task = v.task ?? taskMarkdown;
  if (!task) return { errors: [{ file, line: 1, col: 1, message: `task: required field is missing (write it here or in ${mdName(file)})` }] };
  const { apiVersion: _a, kind: _k, ...rest } = v;
  const exercise: Exercise = { ...rest, task, weight: v.weight ?? 4, setup: v.setup ?? [], hints: v.hints ?? [], source: file };
  return { exercise, errors: [] };
}

function mdName(file: string): string {
  return file.replace(/\.ya?ml$/, '.md');
}

/**
 * loadPack validates every file of a pack and builds it. A pack is a folder
 * holding pack.yaml and one YAML file per exercise; a single exercise file on
 * its own is a pack of one.
 */
export function loadPack(files: PackFiles, name = 'pack'): LoadResult {
  const errors: PackError[] = [];
  const packText = files['pack.yaml'];
  let meta: { id: string; title: string; description?: string; lab?: string; exercises?: string[] } = { id: name, title: name };
  if (packText !== undefined) {
    const r = parseChecked('pack.yaml', packText, PACK_SCHEMA);
    errors.push(...r.errors);
    if (r.value) meta = r.value as typeof meta;
  }
  const listed = meta.exercises ?? Object.keys(files).filter((f) => /\.ya?ml$/.test(f) && f !== 'pack.yaml' && f !== meta.lab && !f.startsWith('lab')).sort();
  const exercises: Exercise[] = [];
  const ids = new Map<string, string>();
  for (const f of listed) {
    const text = files[f];
    if (text === undefined) {
      errors.push({ file: 'pack.yaml', line: 1, col: 1, message: `exercises: no file named ${f} in the pack` });
      continue;
    }
    const r = parseExercise(f, text, files[mdName(f)]);
    errors.push(...r.errors);
    if (!r.exercise) continue;
    const dup = ids.get(r.exercise.id);
    if (dup) errors.push({ file: f, line: 1, col: 1, message: `id: "${r.exercise.id}" is already used by ${dup}` });
    ids.set(r.exercise.id, f);
    exercises.push(r.exercise);
  }
  let lab: string | undefined;
  if (meta.lab) {
    lab = files[meta.lab];
    if (lab === undefined) errors.push({ file: 'pack.yaml', line: 1, col: 1, message: `lab: no file named ${meta.lab} in the pack` });
  }
  if (!exercises.length && !errors.length) errors.push({ file: packText !== undefined ? 'pack.yaml' : name, line: 1, col: 1, message: 'the pack has no exercises' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, pack: { id: meta.id, title: meta.title, description: meta.description ?? '', lab, exercises } };
}
