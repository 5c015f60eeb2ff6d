import { fieldErr, type FieldError } from '../../base/errors.ts';
import { nonNegative } from './meta.ts';
import { each, isConfigMapKey, isDns1123Label, isDns1123Subdomain } from './names.ts';
import { validateContainerPorts, validatePortNumOrName } from './ports.ts';
import { validateContainerResources } from './resources.ts';
import { isSet, list, num, rec, str, type Obj } from './util.ts';

/** One container's checks (validateContainerCommon and the probes, env and mounts it calls). */

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RELAXED_ENV_MSG = "a valid environment variable name must consist only of printable ASCII characters other than '='";

function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(env).forEach((ev, i) => {
    const ip = `${path}[${i}]`;
    const name = str(ev.name);
    if (!name) errs.push(fieldErr.required(`${ip}.name`, ''));
    else if (!/^[\x20-\x7e]+$/.test(name) || name.includes('=')) errs.push(fieldErr.invalid(`${ip}.name`, name, RELAXED_ENV_MSG));
    if (isSet(ev.valueFrom)) errs.push(...validateValueFrom(rec(ev.valueFrom), str(ev.value), `${ip}.valueFrom`));
  });
  return errs;
}

function keySelector(sel: Obj, path: string, nameField = 'name'): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sel[nameField]);
  if (!name) errs.push(fieldErr.required(`${path}.${nameField}`, ''));
  else errs.push(...each(`${path}.${nameField}`, name, isDns1123Subdomain(name)));
  const key = str(sel.key);
  if (!key) errs.push(fieldErr.required(`${path}.key`, ''));
  else errs.push(...each(`${path}.key`, key, isConfigMapKey(key)));
  return errs;
}

function validateValueFrom(vf: Obj, value: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (isSet(vf.fieldRef)) {
    n++;
    const fp = str(rec(vf.fieldRef).fieldPath);
    if (!fp) errs.push(fieldErr.required(`${path}.fieldRef.fieldPath`, ''));
  }
  if (isSet(vf.resourceFieldRef)) {
    n++;
    if (!str(rec(vf.resourceFieldRef).resource)) errs.push(fieldErr.required(`${path}.resourceFieldRef.resource`, ''));
  }
  if (isSet(vf.configMapKeyRef)) {
    n++;
    errs.push(...keySelector(rec(vf.configMapKeyRef), `${path}.configMapKeyRef`));
  }
  if (isSet(vf.secretKeyRef)) {
    n++;
    errs.push(...keySelector(rec(vf.secretKeyRef), `${path}.secretKeyRef`));
  }
  if (n === 0) errs.push(fieldErr.invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (value) errs.push(fieldErr.invalid(path, '', 'may not be specified when `value` is not empty'));
  else if (n > 1) errs.push(fieldErr.invalid(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

function validateEnvFrom(envFrom: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(envFrom).forEach((ef, i) => {
    const ip = `${path}[${i}]`;
    let n = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      if (!isSet(ef[kind])) continue;
      n++;
      const name = str(rec(ef[kind]).name);
      if (!name) errs.push(fieldErr.required(`${ip}.${kind}.name`, ''));
      else errs.push(...each(`${ip}.${kind}.name`, name, isDns1123Subdomain(name)));
    }
    if (n === 0) errs.push(fieldErr.invalid(ip, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(fieldErr.invalid(ip, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateMounts(mounts: unknown, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const points = new Set<string>();
  list(mounts).forEach((m, i) => {
    const ip = `${path}[${i}]`;
    const name = str(m.name);
    if (!name) errs.push(fieldErr.required(`${ip}.name`, ''));
    if (!volumes.has(name)) errs.push(fieldErr.notFound(`${ip}.name`, name));
    const mp = str(m.mountPath);
    if (!mp) errs.push(fieldErr.required(`${ip}.mountPath`, ''));
    if (points.has(mp)) errs.push(fieldErr.invalid(`${ip}.mountPath`, mp, 'must be unique'));
    points.add(mp);
    const sub = str(m.subPath);
    if (sub) errs.push(...localDescendingPath(sub, `${path}.subPath`));
  });
  return errs;
}

function localDescendingPath(p: string, path: string): FieldError[] {
  if (p.startsWith('/')) return [fieldErr.invalid(path, p, 'must be a relative path')];
  if (p.split('/').includes('..')) return [fieldErr.invalid(path, p, "must not contain '..'")];
  return [];
}

/** validateHandler is validateHandler for probes and lifecycle hooks. */
function validateHandler(h: Obj, path: string, kinds: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const present = kinds.filter((k) => isSet(h[k]));
  if (present.length === 0) return [fieldErr.required(path, 'must specify a handler type')];
  if (present.length > 1) errs.push(fieldErr.forbidden(`${path}.${present[1]}`, 'may not specify more than 1 handler type'));
  const k = present[0]!;
  const v = rec(h[k]);
  if (k === 'exec' && (!Array.isArray(v.command) || v.command.length === 0)) errs.push(fieldErr.required(`${path}.exec.command`, ''));
  if (k === 'httpGet') {
    if (!str(v.path)) errs.push(fieldErr.required(`${path}.httpGet.path`, ''));
    errs.push(...validatePortNumOrName(v.port, `${path}.httpGet.port`));
    const scheme = str(v.scheme);
    if (scheme && scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(fieldErr.notSupported(`${path}.httpGet.scheme`, scheme, ['HTTP', 'HTTPS']));
  }
  if (k === 'tcpSocket') errs.push(...validatePortNumOrName(v.port, `${path}.tcpSocket.port`));
  if (k === 'grpc') errs.push(...validatePortNumOrName(v.port, `${path}.grpc.port`));
  return errs;
}

function validateProbe(probe: unknown, path: string, liveness: boolean): FieldError[] {
  if (!isSet(probe)) return [];
  const p = rec(probe);
  const errs = validateHandler(p, path, ['exec', 'httpGet', 'tcpSocket', 'grpc']);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(p[f], `${path}.${f}`));
  }
  if (liveness && isSet(p.successThreshold) && num(p.successThreshold) !== 1) errs.push(fieldErr.invalid(`${path}.successThreshold`, num(p.successThreshold), 'must be 1'));
  return errs;
}

function validateLifecycle(lc: unknown, path: string): FieldError[] {
  if (!isSet(lc)) return [];
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const h = rec(lc)[hook];
    if (isSet(h)) errs.push(...validateHandler(rec(h), `${path}.${hook}`, ['exec', 'httpGet', 'tcpSocket', 'sleep']));
  }
  return errs;
}

/** ContainerKind selects the rules that differ between regular, init and ephemeral containers. */
export type ContainerKind = 'container' | 'init' | 'ephemeral';

/** validateContainer checks one container at path (spec.containers[0]…). */
export function validateContainer(c: Obj, volumes: Set<string>, path: string, kind: ContainerKind): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(fieldErr.required(`${path}.name`, ''));
  else errs.push(...each(`${path}.name`, name, isDns1123Label(name)));
  const image = str(c.image);
  if (!image) errs.push(fieldErr.required(`${path}.image`, ''));
  else if (image.trim() !== image) errs.push(fieldErr.invalid(`${path}.image`, image, 'must not have leading or trailing whitespace'));
  const tmp = str(c.terminationMessagePolicy);
  if (!tmp) errs.push(fieldErr.required(`${path}.terminationMessagePolicy`, "must be 'File' or 'FallbackToLogsOnError'"));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(fieldErr.invalid(`${path}.terminationMessagePolicy`, tmp, "must be 'File' or 'FallbackToLogsOnError'"));
  errs.push(...validateContainerPorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateEnvFrom(c.envFrom, `${path}.envFrom`));
  errs.push(...validateMounts(c.volumeMounts, volumes, `${path}.volumeMounts`));
  const pull = str(c.imagePullPolicy);
  if (!pull) errs.push(fieldErr.required(`${path}.imagePullPolicy`, ''));
  else if (!PULL_POLICIES.includes(pull)) errs.push(fieldErr.notSupported(`${path}.imagePullPolicy`, pull, PULL_POLICIES));
  errs.push(...validateContainerResources(c.resources, `${path}.resources`));
  const sidecar = kind === 'init' && str(c.restartPolicy) === 'Always';
  if (kind === 'container' || sidecar) {
    errs.push(...validateLifecycle(c.lifecycle, `${path}.lifecycle`));
    errs.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`, true));
    errs.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`, false));
    errs.push(...validateProbe(c.startupProbe, `${path}.startupProbe`, true));
  } else {
    for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (isSet(c[f])) errs.push(fieldErr.forbidden(`${path}.${f}`, kind === 'init' ? 'may not be set for init containers without restartPolicy=Always' : 'cannot be set for an Ephemeral Container'));
    }
  }
  if (kind === 'container' && isSet(c.restartPolicy)) errs.push(fieldErr.forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
  if (kind === 'init' && isSet(c.restartPolicy) && str(c.restartPolicy) !== 'Always') {
    errs.push(fieldErr.notSupported(`${path}.restartPolicy`, str(c.restartPolicy), ['Always']));
  }
  return errs;
}
