import type { KObject } from '../../../../api/types.ts';
import { describeEvents } from './events.ts';
import { limitRangeRows, quotaRows } from './policy.ts';
import type { DescribeContext } from './types.ts';
import { PrefixWriter, printAnnotations, printLabels } from './writer.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read loosely */
type Any = any;

function header(w: PrefixWriter, o: KObject, namespaced = true): void {
  w.write(0, `Name:\t${o.metadata.name}\n`);
  if (namespaced) w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
}

/** describeConfigMap is ConfigMapDescriber. */
export function describeConfigMap(o: KObject, d: DescribeContext): string {
  const cm = o as Any;
  const w = new PrefixWriter();
  header(w, o);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data[k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${k}: ${atob(cm.binaryData[k]).length} bytes\n`);
  w.write(0, '\n');
  if (d.showEvents) describeEvents(w, d.events(o, 'ConfigMap'), d.now);
  return w.text();
}

/** describeSecret is SecretDescriber: sizes, never values (except a service account token). */
export function describeSecret(o: KObject): string {
  const s = o as Any;
  const w = new PrefixWriter();
  header(w, o);
  w.write(0, `\nType:\t${s.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(s.data ?? {}).sort()) {
    const raw = atob(s.data[k]);
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${raw}\n`);
    else w.write(0, `${k}:\t${raw.length} bytes\n`);
  }
  return w.text();
}

const SECRETS = { group: '', version: 'v1', plural: 'secrets', namespaced: true };

/** describeEndpoints is EndpointsDescriber. */
export function describeEndpoints(o: KObject, d: DescribeContext): string {
  const ep = o as Any;
  const w = new PrefixWriter();
  header(w, o);
  w.write(0, 'Subsets:\n');
  for (const sub of ep.subsets ?? []) {
    const ips = (xs: Any[] | undefined) => (xs ?? []).map((a: Any) => a.ip).join(',') || '<none>';
    w.write(1, `Addresses:\t${ips(sub.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${ips(sub.notReadyAddresses)}\n`);
    if (sub.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of sub.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    w.write(0, '\n');
  }
  if (d.showEvents) describeEvents(w, d.events(o, 'Endpoints'), d.now);
  return w.text();
}

/** describeServiceAccount is ServiceAccountDescriber. */
export function describeServiceAccount(o: KObject, d: DescribeContext): string {
  const sa = o as Any;
  const w = new PrefixWriter();
  header(w, o);
  let secrets: Any[] = [];
  try {
    secrets = d.client.list(SECRETS, o.metadata.namespace).items;
  } catch {
    secrets = [];
  }
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets.filter((s) => s.type === 'kubernetes.io/service-account-token' && s.metadata.annotations?.['kubernetes.io/service-account.name'] === o.metadata.name).map((s) => s.metadata.name as string);
  const rows: [string, string[], boolean][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s: Any) => s.name), false],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s: Any) => s.name), true],
    ['Tokens:            ', tokens, false],
  ];
  for (const [head, names, check] of rows) {
    if (names.length === 0) {
      w.write(0, `${head}\t<none>\n`);
      continue;
    }
    let prefix = head;
    for (const n of names) {
      w.write(0, `${prefix}\t${n}${check && !existing.has(n) ? ' (not found)' : ''}\n`);
      prefix = '                   ';
    }
  }
  if (d.showEvents) describeEvents(w, d.events(o, 'ServiceAccount'), d.now);
  return w.text();
}

const QUOTAS = { group: '', version: 'v1', plural: 'resourcequotas', namespaced: true };
const LIMITS = { group: '', version: 'v1', plural: 'limitranges', namespaced: true };

/** describeNamespace is NamespaceDescriber: status, quotas and limit ranges. */
export function describeNamespace(o: KObject, d: DescribeContext): string {
  const ns = o as Any;
  const w = new PrefixWriter();
  header(w, o, false);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const list = (ref: typeof QUOTAS): Any[] => {
    try {
      return d.client.list(ref, o.metadata.name).items;
    } catch {
      return [];
    }
  };
  const quotas = list(QUOTAS);
  w.write(0, '\n');
  if (quotas.length === 0) w.write(0, 'No resource quota.\n');
  else {
    w.write(0, 'Resource Quotas\n');
    for (const q of quotas) {
      w.write(1, `Name:\t${q.metadata.name}\n`);
      if (q.spec?.scopes?.length) w.write(1, `Scopes:\t${q.spec.scopes.join(', ')}\n`);
      quotaRows(w, 1, q, '--------\t---\t---\n');
    }
  }
  const limits = list(LIMITS);
  w.write(0, '\n');
  if (limits.length === 0) w.write(0, 'No LimitRange resource.\n');
  else {
    w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    for (const l of limits) limitRangeRows(w, l, ' ');
  }
  return w.text();
}

/** describePriorityClass is PriorityClassDescriber (annotations as one label-formatted line). */
export function describePriorityClass(o: KObject, d: DescribeContext): string {
  const pc = o as Any;
  const w = new PrefixWriter();
  const annotations = Object.keys(o.metadata.annotations ?? {}).sort().map((k) => `${k}=${o.metadata.annotations![k]}`).join(',') || '<none>';
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Value:\t${pc.value ?? 0}\n`);
  w.write(0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
  w.write(0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? 'PreemptLowerPriority'}\n`);
  w.write(0, `Description:\t${pc.description ?? ''}\n`);
  w.write(0, `Annotations:\t${annotations}\n`);
  if (d.showEvents) describeEvents(w, d.events(o, 'PriorityClass'), d.now);
  return w.text();
}
