import { parseSelector, SelectorParseError } from '../../../../base/labels.ts';
import { parseQuantity, QuantityError } from '../../../../base/quantity.ts';
import type { RunContext } from '../../cli/command.ts';
import { WrappedError, submitCreate } from './common.ts';
import { commandFromHelp } from './help.ts';
import { enforcedNamespace, make, nameArg, objectMeta } from './meta.ts';

/** toLabelSelector is metav1.ParseToLabelSelector: equality requirements become matchLabels, the rest matchExpressions. */
export function toLabelSelector(s: string): Record<string, unknown> {
  let sel;
  try {
    sel = parseSelector(s);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new WrappedError(`couldn't parse the selector string "${s}": ${e.message}`);
    throw e;
  }
  const matchLabels: Record<string, string> = {};
  const exprs: Record<string, unknown>[] = [];
  const ops: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
  for (const r of sel.requirements) {
    if (r.operator === '=' || r.operator === '==') matchLabels[r.key] = r.values[0] ?? '';
    else if (ops[r.operator]) {
      const e: Record<string, unknown> = { key: r.key, operator: ops[r.operator] };
      if (r.operator === 'in' || r.operator === 'notin') e.values = [...r.values].sort();
      exprs.push(e);
    } else throw new WrappedError(`"${r.operator}" is not a valid label selector operator`);
  }
  const out: Record<string, unknown> = {};
  if (Object.keys(matchLabels).length) out.matchLabels = Object.fromEntries(Object.entries(matchLabels).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (exprs.length) out.matchExpressions = exprs;
  return out;
}

/** intOrString is intstr.Parse. */
export function intOrString(s: string): number | string {
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

async function runNamespace(c: RunContext): Promise<number> {
  const name = nameArg(c);
  return submitCreate(c, c.f.discovery().resolve('namespaces'), make('v1', 'Namespace', { metadata: objectMeta(name), spec: {}, status: {} }));
}

async function runServiceAccount(c: RunContext): Promise<number> {
  const name = nameArg(c);
  return submitCreate(c, c.f.discovery().resolve('serviceaccounts'), make('v1', 'ServiceAccount', { metadata: objectMeta(name, enforcedNamespace(c)) }), 'failed to create serviceaccount: ');
}

async function runQuota(c: RunContext): Promise<number> {
  const name = nameArg(c);
  const hard: Record<string, string> = {};
  const hardText = c.flag<string>('hard');
  for (const stmt of hardText ? hardText.split(',') : []) {
    const parts = stmt.split('=');
    if (parts.length !== 2) throw new WrappedError(`Invalid argument syntax ${stmt}, expected <resource>=<value>`);
    try {
      hard[parts[0]!.trim()] = parseQuantity(parts[1]!.trim()).toString();
    } catch (e) {
      if (e instanceof QuantityError) throw new WrappedError(`${parts[1]!.trim()}: ${e.message}`);
      throw e;
    }
  }
  const scopesText = c.flag<string>('scopes');
  const scopes = scopesText ? scopesText.split(',').map((s) => s.trim()) : [];
  if (scopes.some((s) => s === '')) throw new WrappedError('invalid resource quota scope ""');
  const spec: Record<string, unknown> = {};
  if (Object.keys(hard).length) spec.hard = Object.fromEntries(Object.entries(hard).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (scopes.length) spec.scopes = scopes;
  return submitCreate(c, c.f.discovery().resolve('resourcequotas'), make('v1', 'ResourceQuota', { metadata: objectMeta(name, enforcedNamespace(c)), spec, status: {} }), 'failed to create quota: ');
}

async function runPriorityClass(c: RunContext): Promise<number> {
  const name = nameArg(c);
  const body: Record<string, unknown> = { metadata: objectMeta(name), value: c.flag<number>('value') };
  if (c.flag<boolean>('global-default')) body.globalDefault = true;
  if (c.flag<string>('description')) body.description = c.flag<string>('description');
  body.preemptionPolicy = c.flag<string>('preemption-policy');
  return submitCreate(c, c.f.discovery().resolve('priorityclasses.scheduling.k8s.io'), make('scheduling.k8s.io/v1', 'PriorityClass', body), 'failed to create priorityclass: ');
}

async function runPdb(c: RunContext): Promise<number> {
  const name = nameArg(c);
  const min = c.flag<string>('min-available');
  const max = c.flag<string>('max-unavailable');
  const selector = c.flag<string>('selector');
  if (!selector) throw new WrappedError('a selector must be specified');
  if (!min && !max) throw new WrappedError('one of min-available or max-unavailable must be specified');
  if (min && max) throw new WrappedError('min-available and max-unavailable cannot be both specified');
  if (min && !/^[0-9]+%?$/.test(min)) throw new WrappedError('invalid format specified for min-available');
  if (max && !/^[0-9]+%?$/.test(max)) throw new WrappedError('invalid format specified for max-unavailable');
  const spec: Record<string, unknown> = {};
  if (min) spec.minAvailable = intOrString(min);
  spec.selector = toLabelSelector(selector);
  if (max) spec.maxUnavailable = intOrString(max);
  const obj = make('policy/v1', 'PodDisruptionBudget', {
    metadata: objectMeta(name, enforcedNamespace(c)),
    spec,
    status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  });
  return submitCreate(c, c.f.discovery().resolve('poddisruptionbudgets.policy'), obj, 'failed to create poddisruptionbudgets: ');
}

export const createNamespaceCommand = commandFromHelp('create namespace', { run: runNamespace });
export const createServiceAccountCommand = commandFromHelp('create serviceaccount', { run: runServiceAccount });
export const createQuotaCommand = commandFromHelp('create quota', { run: runQuota });
export const createPriorityClassCommand = commandFromHelp('create priorityclass', { run: runPriorityClass });
export const createPdbCommand = commandFromHelp('create poddisruptionbudget', { run: runPdb });
