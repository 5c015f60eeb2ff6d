import type { KObject } from '../../../../api/types.ts';
import type { RunContext } from '../../cli/command.ts';
import { UsageError } from '../../cli/command.ts';
import type { FlagDef } from '../../cli/flags.ts';
import type { ApiResource } from '../../discovery.ts';
import { klogError } from '../../errors.ts';
import { nameOf, printJson, printYaml, stripManagedFields } from '../../printers/objects.ts';
import { parseOutput, runJsonPath, runTemplate } from '../../printers/output.ts';
import { LAST_APPLIED, withLastApplied } from '../apply/last-applied.ts';

/**
 * What every writing kubectl command shares: the --dry-run strategy, the
 * print flags of a write (-o yaml|json|name), --save-config, --validate and
 * --field-manager, and the "<kind>/<name> <verb>" line with its dry-run suffix.
 */

export type DryRun = 'none' | 'client' | 'server';

/** DRY_RUN_FLAG is kubectl's --dry-run (NoOptDefVal "unchanged" means a bare --dry-run). */
export const DRY_RUN_FLAG: FlagDef = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

/** OUTPUT_FLAG is -o for commands that print the object they wrote. */
export const OUTPUT_FLAG: FlagDef = {
  name: 'output',
  short: 'o',
  type: 'string',
  usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};

/** PRINT_FLAGS are the print flags kubectl adds alongside -o. */
export const PRINT_FLAGS: FlagDef[] = [
  OUTPUT_FLAG,
  { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
];

export const SAVE_CONFIG_FLAG: FlagDef = {
  name: 'save-config',
  type: 'bool',
  usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
};

export const VALIDATE_FLAG: FlagDef = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  usage: `Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.`,
};

/** fieldManagerFlag is --field-manager with the command's default manager name. */
export function fieldManagerFlag(def: string): FlagDef {
  return { name: 'field-manager', type: 'string', default: def, usage: 'Name of the manager used to track field ownership.' };
}

/** GENERATOR_FLAGS are the flags every `create <generator>` has besides its own. */
export function generatorFlags(manager = 'kubectl-create'): FlagDef[] {
  return [DRY_RUN_FLAG, fieldManagerFlag(manager), ...PRINT_FLAGS, SAVE_CONFIG_FLAG, VALIDATE_FLAG];
}

/** klogWarning is a klog W line as kubectl prints it to stderr. */
export function klogWarning(c: RunContext, where: string, msg: string): string {
  return `W${klogError(c.proc.sys.runtime.now, 1000 + (c.proc.argv.length % 97), where, msg).slice(1)}\n`;
}

/** dryRun reads --dry-run as cmdutil.GetDryRunStrategy does, with its deprecation warnings and error. */
export function dryRun(c: RunContext): DryRun {
  if (!c.flags.values.has('dry-run')) return 'none';
  const v = c.flag<string>('dry-run');
  if (v === 'unchanged') {
    c.err(klogWarning(c, 'helpers.go:703', '--dry-run is deprecated and can be replaced with --dry-run=client.'));
    return 'client';
  }
  if (v === 'client' || v === 'server' || v === 'none') return v;
  if (['true', '1', 't', 'T', 'TRUE', 'True'].includes(v)) {
    c.err(klogWarning(c, 'helpers.go:717', `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=client.`));
    return 'client';
  }
  if (['false', '0', 'f', 'F', 'FALSE', 'False'].includes(v)) {
    c.err(klogWarning(c, 'helpers.go:719', `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=none.`));
    return 'none';
  }
  throw new UsageError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`, 'none');
}

/** dryRunSuffix is what kubectl appends to the operation line. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** checkOutput validates -o before anything is written, as kubectl's ToPrinter does. */
export function checkOutput(c: RunContext): string {
  const o = c.flags.values.has('output') ? c.flag<string>('output') : '';
  const base = o.split('=')[0]!;
  if (o === '' || ['yaml', 'json', 'name'].includes(o)) return o;
  if (['jsonpath', 'jsonpath-as-json', 'go-template', 'template'].includes(base)) return o;
  throw new UsageError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`, 'none');
}

/** validationMode maps --validate to the server's fieldValidation. */
export function validationMode(c: RunContext): 'Strict' | 'Warn' | 'Ignore' {
  if (!c.flags.values.has('validate')) return 'Strict';
  const v = c.flag<string>('validate').toLowerCase();
  if (v === 'strict' || v === 'true') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore' || v === 'false') return 'Ignore';
  throw new UsageError(`invalid - validate option "${c.flag<string>('validate')}"; must be one of: strict (or true), warn, ignore (or false)`, 'none');
}

/** PrintTarget names the printed object: its kind and group for "kind.group/name". */
export interface PrintTarget {
  kind: string;
  group: string;
}

/** targetOf makes a PrintTarget from an object's apiVersion and kind. */
export function targetOf(obj: KObject): PrintTarget {
  const av = obj.apiVersion ?? '';
  return { kind: obj.kind ?? '', group: av.includes('/') ? av.slice(0, av.indexOf('/')) : '' };
}

/**
 * printResult prints what a write command prints: the object in the -o
 * format, or "<kind>/<name> <verb>[ (dry run)]". Generated objects keep their
 * field order in JSON; objects from the server are printed with sorted keys.
 */
export function printResult(c: RunContext, obj: KObject, verb: string, d: DryRun, opts: { fromServer: boolean; target?: PrintTarget }): void {
  const o = c.flags.values.has('output') ? c.flag<string>('output') : '';
  const t = opts.target ?? targetOf(obj);
  const shown = c.flags.values.get('show-managed-fields') === true ? obj : stripManagedFields(obj);
  if (o === 'yaml') c.out(printYaml(shown));
  else if (o === 'json') c.out(printJson(shown, opts.fromServer));
  else if (o === 'name') c.out(`${nameOf(t.kind, t.group, obj.metadata?.name ?? '')}\n`);
  else if (o !== '') c.out(printTemplated(c, o, shown));
  else c.out(`${nameOf(t.kind, t.group, obj.metadata?.name ?? '')} ${verb}${dryRunSuffix(d)}\n`);
}

/** printTemplated prints an object through -o jsonpath=… or -o go-template=… (with --template), as the get printers do. */
function printTemplated(c: RunContext, o: string, obj: KObject): string {
  const template = c.flags.values.has('template') ? c.flag<string>('template') : '';
  const allowMissing = c.flags.values.has('allow-missing-template-keys') ? c.flag<boolean>('allow-missing-template-keys') : true;
  const spec = parseOutput(o, template, allowMissing, (path) => c.f.proc.fs.readFile(c.f.abs(path)));
  if (spec.kind === 'jsonpath') return runJsonPath(spec, obj);
  if (spec.kind === 'template') return runTemplate(spec, obj);
  return printYaml(obj);
}

/**
 * maybeSaveConfig adds the last-applied annotation when --save-config is set.
 * Generated objects serialise in struct order, objects read from files with
 * sorted keys (they are unstructured), hence sorted.
 */
export function maybeSaveConfig(c: RunContext, obj: KObject, sorted = false): KObject {
  if (c.flags.values.get('save-config') !== true) return obj;
  return sorted ? withLastApplied(obj) : withLastAppliedOrdered(obj);
}

/** goCompactJson is Go's json.Marshal of an ordered value: compact, with <, > and & escaped. */
export function goCompactJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** withLastAppliedOrdered annotates a generated object with its own configuration in field order. */
export function withLastAppliedOrdered(obj: KObject): KObject {
  const ann = { ...(obj.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  const meta: Record<string, unknown> = { ...obj.metadata };
  if (Object.keys(ann).length) meta.annotations = ann;
  else delete meta.annotations;
  const text = `${goCompactJson({ ...obj, metadata: meta })}\n`;
  const out = { ...obj, metadata: { ...obj.metadata } } as KObject;
  out.metadata.annotations = { ...ann, [LAST_APPLIED]: text };
  return out;
}

/**
 * submitCreate finishes a generator: under client dry-run it prints the
 * generated object; otherwise it creates it (server dry-run too) and prints
 * the server's answer. wrap is the generator's "failed to create x" prefix.
 */
export function submitCreate(c: RunContext, res: ApiResource | PrintTarget & { ref: ApiResource }, obj: KObject, wrap?: string): number {
  const r = 'ref' in res ? res.ref : res;
  const d = dryRun(c);
  checkOutput(c);
  const mode = validationMode(c);
  const saved = maybeSaveConfig(c, obj);
  if (d === 'client') {
    printResult(c, saved, 'created', d, { fromServer: false });
    return 0;
  }
  const ns = r.namespaced ? (obj.metadata?.namespace ?? c.f.namespace()) : undefined;
  let created: KObject;
  try {
    created = c.f.client().create(r, ns, saved, { dryRun: d === 'server', fieldManager: c.flag<string>('field-manager') || 'kubectl-create', fieldValidation: mode });
  } catch (e) {
    if (wrap && e instanceof Error && 'status' in e) throw new WrappedError(`${wrap}${e.message}`);
    throw e;
  }
  printResult(c, created, 'created', d, { fromServer: true });
  return 0;
}

/** WrappedError is an error kubectl prints as "error: <message>" (a server error wrapped by fmt.Errorf). */
export class WrappedError extends Error {}

/** RawError is an error kubectl prints as it is, without "error: ". */
export class RawError extends Error {}
