import { fieldErr, type FieldError } from '../../base/errors.ts';
import { validateContainer } from './container.ts';
import { validateAnnotations, validateLabels } from './meta.ts';
import { each, isDns1123Label, isDns1123Subdomain } from './names.ts';
import { hostPortConflicts } from './ports.ts';
import { validateAffinity, validateTolerations } from './scheduling.ts';
import { isSet, list, num, rec, str, strMap, type Obj } from './util.ts';
import { validateVolumes } from './volumes.ts';

/**
 * PodSpec and PodTemplateSpec validation (ValidatePodSpec,
 * ValidatePodTemplateSpec) with a path prefix, so Pods report
 * "spec.containers[0].image" and Deployments "spec.template.spec.containers[0].image".
 */

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const MAX_INT32 = 2147483647;

function validateRestartPolicy(v: unknown, path: string): FieldError[] {
  const p = str(v);
  if (!p) return [fieldErr.required(path, '')];
  return RESTART_POLICIES.includes(p) ? [] : [fieldErr.notSupported(path, p, RESTART_POLICIES)];
}

function validateDnsPolicy(v: unknown, path: string): FieldError[] {
  const p = str(v);
  if (!p) return [fieldErr.required(path, '')];
  return DNS_POLICIES.includes(p) ? [] : [fieldErr.notSupported(path, p, DNS_POLICIES)];
}

function validateContainerNames(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  const check = (arr: unknown, p: string) =>
    list(arr).forEach((c, i) => {
      const name = str(c.name);
      if (!name) return;
      if (seen.has(name)) errs.push(fieldErr.duplicate(`${p}[${i}].name`, name));
      seen.add(name);
    });
  check(spec.containers, `${path}.containers`);
  check(spec.initContainers, `${path}.initContainers`);
  return errs;
}

/** validatePodSpec checks a PodSpec at path ("spec", "spec.template.spec"). */
export function validatePodSpec(specIn: unknown, path: string): FieldError[] {
  // A frozen spec (shared from the watch cache by a status update or a binding) cannot change: its errors are remembered.
  const frozen = specIn !== null && typeof specIn === 'object' && Object.isFrozen(specIn);
  if (frozen) {
    const hit = checkedSpecs.get(specIn);
    if (hit && hit.path === path) return hit.errs.map((e) => ({ ...e }));
  }
  const errs = checkPodSpec(specIn, path);
  if (frozen) checkedSpecs.set(specIn as object, { path, errs: errs.map((e) => ({ ...e })) });
  return errs;
}

const checkedSpecs = new WeakMap<object, { path: string; errs: FieldError[] }>();

function checkPodSpec(specIn: unknown, path: string): FieldError[] {
  const spec = rec(specIn);
  const { names: volumes, errs } = validateVolumes(spec.volumes, `${path}.volumes`);
  const containers = list(spec.containers);
  if (containers.length === 0) errs.push(fieldErr.required(`${path}.containers`, ''));
  containers.forEach((c, i) => errs.push(...validateContainer(c, volumes, `${path}.containers[${i}]`, 'container')));
  list(spec.initContainers).forEach((c, i) => errs.push(...validateContainer(c, volumes, `${path}.initContainers[${i}]`, 'init')));
  errs.push(...validateContainerNames(spec, path));
  errs.push(...hostPortConflicts(spec.containers, `${path}.containers`));
  errs.push(...validateRestartPolicy(spec.restartPolicy, `${path}.restartPolicy`));
  errs.push(...validateDnsPolicy(spec.dnsPolicy, `${path}.dnsPolicy`));
  if (str(spec.dnsPolicy) === 'None' && !isSet(spec.dnsConfig)) {
    errs.push(fieldErr.required(`${path}.dnsConfig`, "must provide `dnsConfig` when `dnsPolicy` is None"));
  }
  errs.push(...validateLabels(strMap(spec.nodeSelector), `${path}.nodeSelector`));
  const sa = str(spec.serviceAccountName);
  if (sa) errs.push(...each(`${path}.serviceAccountName`, sa, isDns1123Subdomain(sa)));
  const node = str(spec.nodeName);
  if (node) errs.push(...each(`${path}.nodeName`, node, isDns1123Subdomain(node)));
  if (isSet(spec.activeDeadlineSeconds)) {
    const v = num(spec.activeDeadlineSeconds);
    if (v < 1 || v > MAX_INT32) errs.push(fieldErr.invalid(`${path}.activeDeadlineSeconds`, v, `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  const hostname = str(spec.hostname);
  if (hostname) errs.push(...each(`${path}.hostname`, hostname, isDns1123Label(hostname)));
  const subdomain = str(spec.subdomain);
  if (subdomain) errs.push(...each(`${path}.subdomain`, subdomain, isDns1123Label(subdomain)));
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  errs.push(...validateAffinity(spec.affinity, `${path}.affinity`));
  const pcn = str(spec.priorityClassName);
  if (pcn) errs.push(...each(`${path}.priorityClassName`, pcn, isDns1123Subdomain(pcn)));
  list(spec.imagePullSecrets).forEach((s, i) => {
    if (!str(s.name)) errs.push(fieldErr.required(`${path}.imagePullSecrets[${i}].name`, ''));
  });
  return errs;
}

/**
 * validatePodTemplateSpec is ValidatePodTemplateSpec: template labels and
 * annotations, then the pod spec. The template's name and namespace are not checked.
 */
export function validatePodTemplateSpec(tpl: unknown, path: string): FieldError[] {
  const t = rec(tpl);
  const meta = rec(t.metadata);
  const errs = validateLabels(strMap(meta.labels), `${path}.metadata.labels`);
  errs.push(...validateAnnotations(strMap(meta.annotations), `${path}.metadata.annotations`));
  errs.push(...validatePodSpec(t.spec, `${path}.spec`));
  return errs;
}
