/**
 * Monaco, set up once for kubelab: the editor API with the features a YAML
 * author uses, the YAML tokenizer, and monaco-yaml with the Kubernetes
 * schema. This module is the editor's lazily loaded chunk; nothing in the
 * first page load imports it.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/definitions/yaml/register';
// The completion widget and snippets are not part of any features/*/register entry.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import schema from './schema/kubernetes.schema.json';
import YamlWorker from './yaml.worker.ts?worker';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

/**
 * monaco-yaml 5.5 still creates its worker the pre-0.53 way (label +
 * moduleId); Monaco now wants a Worker. This copy of the API builds the
 * worker the way Monaco's own createWebWorker does internally.
 */
type CreateOpts = { createData?: unknown; host?: Record<string, (...args: unknown[]) => unknown>; keepIdleModels?: boolean };
function createWebWorker(opts: CreateOpts) {
  const worker = new YamlWorker();
  worker.postMessage('ignore');
  worker.postMessage(opts.createData);
  return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels } as Parameters<typeof monaco.editor.createWebWorker>[0]);
}
const shimmed = { ...monaco, editor: { ...monaco.editor, createWebWorker } } as unknown as typeof monaco;

/** SCHEMA_URI names the Kubernetes schema (it is never fetched: the schema is given inline). */
export const SCHEMA_URI = 'kubelab://schemas/kubernetes.json';

configureMonacoYaml(shimmed as unknown as Parameters<typeof configureMonacoYaml>[0], {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: [{ uri: SCHEMA_URI, fileMatch: ['**/*.yaml', '**/*.yml', '**/kubectl-edit-*'], schema: schema as never }],
});

export { monaco };
